import { SUBMISSION_FIELD_KEYS, type SubmissionFieldKey } from '@poa/domain';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** A character limit: a whole number of at least zero, or null for none. */
const limit = z
  .number({ message: 'must be a whole number of characters, or null' })
  .int('must be a whole number of characters, or null')
  .min(0, 'must not be below zero')
  .max(1_000_000)
  .nullable();

const limitsShape = Object.fromEntries(SUBMISSION_FIELD_KEYS.map((key) => [key, limit.optional()])) as Record<
  SubmissionFieldKey,
  z.ZodOptional<typeof limit>
>;

export const submissionSettingsInputSchema = z.strictObject({
  limits: z
    .strictObject(limitsShape)
    .describe("Seller Central's character limit per field (null or absent: none). Amazon publishes none and changes them."),
});
export type SubmissionSettingsInput = z.infer<typeof submissionSettingsInputSchema>;
export class UpdateSubmissionSettingsDto extends createZodDto(
  submissionSettingsInputSchema.meta({ example: { limits: { root_cause: 2000, corrective_actions: 2000, preventive_measures: null } } }),
) {}

export const submissionSettingsSchema = z.object({
  limits: z.object(
    Object.fromEntries(SUBMISSION_FIELD_KEYS.map((key) => [key, z.number().int().nullable()])) as Record<
      SubmissionFieldKey,
      z.ZodNullable<z.ZodNumber>
    >,
  ),
});
export class SubmissionSettingsDto extends createZodDto(submissionSettingsSchema) {}
