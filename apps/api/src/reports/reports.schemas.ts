import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const OUTCOME_GROUPS = ['violationType', 'writer', 'month', 'round', 'path'] as const;
export type OutcomeGroupBy = (typeof OUTCOME_GROUPS)[number];

const day = z.iso.date().describe('A day, YYYY-MM-DD (UTC)');

const periodSchema = z.strictObject({
  from: day.optional().describe('Cases decided on or after this day (UTC)'),
  to: day.optional().describe('Cases decided on or before this day (UTC)'),
});

export const outcomesQuerySchema = periodSchema.extend({
  groupBy: z.enum(OUTCOME_GROUPS).default('violationType'),
  format: z.enum(['json', 'csv']).default('json').describe('csv: text/csv with a header row (Accept: text/csv does the same)'),
});
export type OutcomesQuery = z.infer<typeof outcomesQuerySchema>;
export class OutcomesQueryDto extends createZodDto(outcomesQuerySchema) {}

export const findingsQuerySchema = periodSchema;
export type FindingsQuery = z.infer<typeof findingsQuerySchema>;
export class FindingsQueryDto extends createZodDto(findingsQuerySchema) {}

const winRate = z.number().nullable().describe('reinstated / decided, 0 to 1 (4 decimals); null when nothing was decided');

export const outcomeRowSchema = z.object({
  group: z
    .string()
    .describe(
      'violationType: the catalogue key; writer: the assignee user id ("unassigned" when none); month: YYYY-MM of the decision; ' +
        'round: submissions sent to Amazon up to the decision; path: poa | retraction | listing_fix | compliance_documents',
    ),
  label: z.string().describe('The group as a person reads it (violation label, writer name, month, round)'),
  decided: z.number().int(),
  reinstated: z.number().int(),
  denied: z.number().int(),
  winRate,
  medianDaysToDecision: z.number().nullable().describe('Median days from the notice to the decision (1 decimal)'),
  medianRounds: z.number().nullable().describe('Median submissions sent to Amazon up to the decision'),
});
export type OutcomeRow = z.infer<typeof outcomeRowSchema>;

export const outcomesReportSchema = z.object({
  data: z.array(outcomeRowSchema),
  total: outcomeRowSchema.describe('Every decided case of the period in one row (group "all")'),
});
export class OutcomesReportDto extends createZodDto(outcomesReportSchema) {}

const sideSchema = z.object({ decided: z.number().int(), reinstated: z.number().int(), winRate });

export const findingRowSchema = z.object({
  rule: z.string().describe('The checker rule'),
  withFinding: sideSchema.describe('Decided cases whose submitted version had this finding'),
  withoutFinding: sideSchema.describe('Decided cases whose submitted version did not'),
  winRateDifference: z
    .number()
    .nullable()
    .describe('withoutFinding.winRate - withFinding.winRate: what the finding costs (null when a side is empty)'),
});
export type FindingRow = z.infer<typeof findingRowSchema>;

export const findingsReportSchema = z.object({
  data: z.array(findingRowSchema).describe('One row per rule found in at least one submitted version, most frequent first'),
  decided: z.number().int().describe('Decided cases of the period with a submitted version'),
});
export class FindingsReportDto extends createZodDto(findingsReportSchema) {}
