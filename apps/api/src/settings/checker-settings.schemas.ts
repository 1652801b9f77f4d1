import { CHECKER_RULES, FINDING_SEVERITIES, isCheckerRule, RULE_SETTINGS, type RuleSetting } from '@poa/domain';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const ruleSetting = z.enum(RULE_SETTINGS as [string, ...string[]], { message: `must be one of: ${RULE_SETTINGS.join(', ')}` });

export const checkerSettingsInputSchema = z.strictObject({
  rules: z
    .record(z.string(), ruleSetting)
    .superRefine((rules, ctx) => {
      for (const key of Object.keys(rules))
        if (!isCheckerRule(key))
          ctx.addIssue({ code: 'custom', path: [key], message: `not a checker rule (one of: ${CHECKER_RULES.join(', ')})` });
    })
    .describe('Severity per rule (error, warning, tip) or off; a rule left out keeps its default'),
  maxLength: z
    .number()
    .int('must be a whole number of characters')
    .min(500, 'must be at least 500 characters')
    .max(200_000)
    .nullable()
    .optional()
    .describe('The longest plan, in characters, before too_long fires (null: the default, about two pages)'),
});
export type CheckerSettingsInput = z.infer<typeof checkerSettingsInputSchema>;
export class UpdateCheckerSettingsDto extends createZodDto(
  checkerSettingsInputSchema.meta({ example: { rules: { not_past_tense: 'error', measure_missing_trigger: 'off' }, maxLength: 8000 } }),
) {}

export const checkerSettingsSchema = z.object({
  rules: z
    .record(z.enum(CHECKER_RULES), z.enum(RULE_SETTINGS as [RuleSetting, ...RuleSetting[]]))
    .describe('Every rule with its severity for this agency (its default unless changed)'),
  defaults: z.record(z.enum(CHECKER_RULES), z.enum(FINDING_SEVERITIES)).describe("Each rule's built-in severity"),
  maxLength: z.number().int().nullable(),
});
export class CheckerSettingsDto extends createZodDto(checkerSettingsSchema) {}
