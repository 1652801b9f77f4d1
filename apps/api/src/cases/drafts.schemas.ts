import { CHECKER_RULES, DRAFT_SECTION_KEYS, FINDING_SEVERITIES, SUBMISSION_FIELD_KEYS } from '@poa/domain';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { isoDate, MAX_VERSION, uuidParam, versionParam, versionParamsSchema } from '../common/schemas';

const line = z.string().max(10_000);

const issueId = uuidParam.nullish().describe('The case issue this item answers (see the case’s issues)');
const rootCause = z.strictObject({ text: line, issueId });
const correctiveAction = z.strictObject({ text: line, completedAt: isoDate.nullable().default(null), issueId });
const preventiveMeasure = z.strictObject({
  text: line,
  owner: z.string().max(200).default(''),
  startDate: isoDate.nullable().default(null),
  frequency: z.string().max(200).default(''),
});
const supportingDocument = z.strictObject({ attachmentId: uuidParam, description: z.string().max(2000).default('') });

export const draftSectionsSchema = z.strictObject({
  summary: z.string().max(20_000).default(''),
  rootCauses: z.array(rootCause).max(100).default([]),
  correctiveActions: z.array(correctiveAction).max(200).default([]),
  preventiveMeasures: z.array(preventiveMeasure).max(200).default([]),
  supportingDocuments: z.array(supportingDocument).max(200).default([]),
});

export const createDraftSchema = draftSectionsSchema.extend({
  baseVersion: z
    .number()
    .int()
    .min(0)
    .max(MAX_VERSION)
    .describe('The version this edit started from: 0 for the first; not the latest answers 409 VERSION_CONFLICT'),
  sessionId: uuidParam
    .optional()
    .describe(
      'The editing session (a uuid the editor picks when it opens): while the latest version was saved by the same session, ' +
        'author and round, this save replaces its content instead of adding a version (autosave)',
    ),
  name: z.string().trim().min(1).max(200).optional().describe('Names the version ("Save version")'),
  endSession: z.boolean().optional().describe('Closes the session: the next save adds a new version ("Save version")'),
});
export type CreateDraftInput = z.infer<typeof createDraftSchema>;
export class CreateDraftDto extends createZodDto(
  createDraftSchema.meta({
    example: {
      baseVersion: 0,
      sessionId: '9b2f6c1e-4a7d-4e3b-8f21-6d5c0a9e7b34',
      summary: 'We sold units from an unverified reseller; we removed that stock and now buy only from the brand owner.',
      rootCauses: [{ text: 'One lot came from a reseller whose invoices we did not verify.' }],
      correctiveActions: [{ text: 'Removed all remaining units of that lot from inventory.', completedAt: '2026-11-03' }],
      preventiveMeasures: [
        {
          text: 'Every new supplier invoice is checked against the brand owner before purchase.',
          owner: 'Purchasing lead',
          startDate: '2026-11-04',
          frequency: 'every purchase',
        },
      ],
      supportingDocuments: [],
    },
  }),
) {}

export const draftParamsSchema = versionParamsSchema;
export class DraftParams extends createZodDto(draftParamsSchema) {}
export const restoreDraftSchema = z.strictObject({
  baseVersion: createDraftSchema.shape.baseVersion,
  name: z.string().trim().min(1).max(200).optional().describe('Defaults to "Restored from version N"'),
});
export type RestoreDraftInput = z.infer<typeof restoreDraftSchema>;
export class RestoreDraftDto extends createZodDto(
  restoreDraftSchema.meta({ example: { baseVersion: 4, name: 'Back to the reviewed plan' } }),
) {}

export const diffQuerySchema = z.strictObject({ against: versionParam });
export class DiffQueryDto extends createZodDto(diffQuerySchema) {}

const authorSchema = z.object({ type: z.string(), id: z.string().nullable(), name: z.string() });

export const draftSummarySchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  round: z.number().int(),
  contentSha256: z.string(),
  author: authorSchema,
  name: z.string().nullable().describe('Given with "Save version", or when restored'),
  createdAt: z.string(),
  updatedAt: z.string().describe('Last save into this version (autosave replaces the content while its editing session lasts)'),
});
export class DraftListDto extends createZodDto(z.object({ data: z.array(draftSummarySchema) })) {}

const checkIssueSchema = z.object({
  rule: z.string(),
  severity: z.enum(FINDING_SEVERITIES),
  section: z.enum(DRAFT_SECTION_KEYS),
  index: z.number().int().optional(),
  issueId: z.string().optional().describe('The case issue a finding is about'),
  itemIndex: z.number().int().nullable().describe('The item of a list section (null: the summary or the whole section)'),
  message: z.string(),
  excerpt: z.string().nullable().describe('The offending words (null when something is missing)'),
});

export const findingSchema = z.object({
  rule: z.enum(CHECKER_RULES).describe('Stable rule key'),
  severity: z.enum(FINDING_SEVERITIES).describe("The agency's severity for the rule: errors block sending the plan"),
  section: z.enum(DRAFT_SECTION_KEYS),
  itemIndex: z.number().int().nullable().describe('The item of a list section (null: the summary or the whole section)'),
  issueId: z.string().nullable().describe('The notice issue the finding is about'),
  message: z.string(),
  excerpt: z.string().nullable().describe('The offending words (null when something is missing)'),
});
export class FindingListDto extends createZodDto(z.object({ data: z.array(findingSchema) })) {}

const sectionsOutput = z.object({
  summary: z.string(),
  rootCauses: z.array(z.object({ text: z.string(), issueId: z.string().nullish() })),
  correctiveActions: z.array(z.object({ text: z.string(), completedAt: z.string().nullable(), issueId: z.string().nullish() })),
  preventiveMeasures: z.array(z.object({ text: z.string(), owner: z.string(), startDate: z.string().nullable(), frequency: z.string() })),
  supportingDocuments: z.array(z.object({ attachmentId: z.string(), description: z.string() })),
});

export const draftSchema = draftSummarySchema.extend(sectionsOutput.shape).extend({
  locked: z.boolean().describe('true once a client approved this version: it never changes again'),
  checks: z.array(checkIssueSchema).describe('What the POA checker flags in this version'),
});
export class DraftDto extends createZodDto(draftSchema) {}

const wordPart = z.object({ value: z.string(), added: z.literal(true).optional(), removed: z.literal(true).optional() });
const itemChange = <T extends z.ZodType>(item: T) =>
  z.object({
    kind: z.enum(['added', 'removed', 'changed', 'unchanged']),
    index: z.number().int(),
    from: item.optional(),
    to: item.optional(),
    fields: z.record(z.string(), z.array(wordPart)).optional().describe('For changed items: a word diff per field'),
  });
const sectionCounts = z.object({
  changed: z.boolean(),
  added: z.number(),
  removed: z.number(),
  modified: z.number(),
  unchanged: z.number(),
});

export const draftDiffSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  summary: z.array(wordPart),
  rootCauses: z.array(itemChange(sectionsOutput.shape.rootCauses.element)),
  correctiveActions: z.array(itemChange(sectionsOutput.shape.correctiveActions.element)),
  preventiveMeasures: z.array(itemChange(sectionsOutput.shape.preventiveMeasures.element)),
  supportingDocuments: z.array(itemChange(sectionsOutput.shape.supportingDocuments.element)),
  sectionChanged: z.record(z.enum(DRAFT_SECTION_KEYS), sectionCounts),
});
export class DraftDiffDto extends createZodDto(draftDiffSchema) {}

export const submissionQuerySchema = z.strictObject({
  format: z
    .enum(['json', 'text'])
    .optional()
    .describe('text: the plain-text pack (as with Accept: text/plain); default from the Accept header'),
});
export class SubmissionQueryDto extends createZodDto(submissionQuerySchema) {}

export const submissionFieldSchema = z.object({
  key: z.enum(SUBMISSION_FIELD_KEYS),
  label: z.string(),
  text: z.string().describe('Plain text as Amazon reviewers read it: numbered, one line per item, dates and owners inline'),
  characters: z.number().int().describe('Characters (Unicode code points) in text'),
  limit: z.number().int().nullable().describe("The agency's limit for this field (settings/submission); null: none"),
});

export const submissionPackSchema = z.object({
  fields: z.array(submissionFieldSchema).describe('The four Seller Central appeal fields, in form order'),
  attachments: z.array(z.object({ id: z.string(), fileName: z.string(), proves: z.string() })).describe('The documents to upload'),
});
export class SubmissionPackDto extends createZodDto(submissionPackSchema) {}
