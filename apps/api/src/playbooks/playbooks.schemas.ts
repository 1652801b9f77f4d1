import { EVIDENCE_ACCEPTS, EVIDENCE_KINDS, RESOLUTION_PATHS, VIOLATION_TYPE_KEYS } from '@poa/domain';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const line = z.string().max(10_000);
const isoDateOrNull = z.iso.date().nullable().default(null);

export const starterDraftSchema = z.strictObject({
  summary: z.string().max(20_000).default(''),
  rootCauses: z
    .array(z.strictObject({ text: line }))
    .max(100)
    .default([]),
  correctiveActions: z
    .array(z.strictObject({ text: line, completedAt: isoDateOrNull }))
    .max(200)
    .default([]),
  preventiveMeasures: z
    .array(
      z.strictObject({
        text: line,
        owner: z.string().max(200).default(''),
        startDate: isoDateOrNull,
        frequency: z.string().max(200).default(''),
      }),
    )
    .max(200)
    .default([]),
  supportingDocuments: z
    .array(z.strictObject({ attachmentId: z.string(), description: z.string() }))
    .max(0, 'a starter cites no file')
    .default([])
    .describe('Always empty: a starter cites no file yet'),
});

export const evidenceKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,59}$/, 'lower-case letters, digits and underscores, starting with a letter (at most 60)');

const evidenceItemSchema = z.strictObject({
  key: evidenceKey,
  label: z.string().trim().min(1).max(200),
  proves: z.string().trim().max(500).default(''),
  required: z.boolean().default(true),
  askClient: z.boolean().default(false).describe('Asked of the client in the portal ("Documents we need from you")'),
  accepts: z.array(z.enum(EVIDENCE_ACCEPTS)).min(1).max(2).default(['pdf', 'image']),
  kind: z.enum(EVIDENCE_KINDS).default('other').describe('invoice and authorisation items get structured fields beside the file'),
});

export const playbookInputSchema = z.strictObject({
  starterDraft: starterDraftSchema,
  evidence: z
    .array(evidenceItemSchema)
    .max(50)
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        if (seen.has(item.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: 'used by another item of the list' });
        seen.add(item.key);
      });
    }),
  deadlineHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 366)
    .describe('Hours from the notice to the due time when the notice names none'),
  guidance: z.string().max(10_000).default(''),
});
export type PlaybookInput = z.infer<typeof playbookInputSchema>;
export class PlaybookInputDto extends createZodDto(
  playbookInputSchema.meta({
    example: {
      starterDraft: {
        summary: '[Insert two or three sentences: the notice, what the seller found, and what is now fixed.]',
        rootCauses: [{ text: '[Insert what happened: supplier cannot be verified.]' }],
        correctiveActions: [{ text: '[Insert what was already done, in the past tense, with dates.]', completedAt: null }],
        preventiveMeasures: [
          { text: '[Insert the change that keeps it from happening again.]', owner: '', startDate: null, frequency: '' },
        ],
        supportingDocuments: [],
      },
      evidence: [
        {
          key: 'supplier_invoices',
          label: 'Supplier invoices',
          proves: 'The units sold were bought from a traceable source',
          required: true,
          askClient: true,
          accepts: ['pdf', 'image'],
          kind: 'invoice',
        },
      ],
      deadlineHours: 408,
      guidance: 'Invoices dated within 365 days, quantities covering the units sold.',
    },
  }),
) {}

export const playbookParamsSchema = z.strictObject({ violationType: z.string().min(1).max(100) });
export class PlaybookParams extends createZodDto(playbookParamsSchema) {}

const playbookViewSchema = z.object({
  violationType: z.enum(VIOLATION_TYPE_KEYS),
  label: z.string(),
  path: z.enum(RESOLUTION_PATHS),
  customised: z.boolean().describe('false: the built-in default applies'),
  starterDraft: starterDraftSchema,
  evidence: z.array(evidenceItemSchema),
  deadlineHours: z.number().int(),
  guidance: z.string(),
  updatedAt: z.string().nullable(),
});
export class PlaybookDto extends createZodDto(playbookViewSchema) {}
export class PlaybookListDto extends createZodDto(z.object({ data: z.array(playbookViewSchema) })) {}
