import {
  CASE_ACTIONS,
  CASE_OUTCOMES,
  CASE_STATUSES,
  MARKETPLACE_CODES,
  RESOLUTION_PATHS,
  SUBMISSION_CHANNELS,
  VIOLATION_TYPE_KEYS,
} from '@poa/domain';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { listQuerySchema, pageSchema } from '../common/pagination';
import { externalId, externalIdParamsSchema, isoDateTime, uuidParam } from '../common/schemas';

/** ASINs (and ISBN-10s) are 10 letters or digits; accepted in any case, stored upper-case, duplicates dropped. */
const asin = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{10}$/, 'an ASIN is 10 letters or digits'));
const asins = z
  .array(asin)
  .max(500)
  .transform((list) => [...new Set(list)]);
const title = z.string().trim().min(1).max(300);
const orderId = z
  .string()
  .trim()
  .regex(/^\d{3}-\d{7}-\d{7}$/, 'an Amazon order id looks like 123-1234567-1234567');

/** One problem the notice names. `id` keeps an existing issue on update (root causes link to it); new issues get one. */
export const issueInputSchema = z.strictObject({
  id: uuidParam.optional().describe('An existing issue of the case (update); left out for a new issue'),
  violationType: z.enum(VIOLATION_TYPE_KEYS),
  asins: asins.default([]),
  orderIds: z
    .array(orderId)
    .max(500)
    .default([])
    .transform((list) => [...new Set(list)]),
  note: z.string().trim().max(5000).default(''),
});
export type IssueInput = z.infer<typeof issueInputSchema>;
const issuesInput = z
  .array(issueInputSchema)
  .min(1, 'a case has at least one issue')
  .max(20)
  .describe('The problems the notice names, first the main one; violationType is the first issue’s');
const path = z.enum(RESOLUTION_PATHS).describe('How the case is resolved; defaults from the first issue’s violation type');
const noticeText = z.string().max(100_000);

export const createCaseSchema = z.strictObject({
  clientId: uuidParam,
  title,
  violationType: z.enum(VIOLATION_TYPE_KEYS).optional().describe('Required unless issues are given; must equal the first issue’s'),
  issues: issuesInput.optional(),
  path: path.optional(),
  marketplace: z.enum(MARKETPLACE_CODES),
  asins: asins.default([]),
  noticeText: noticeText.default(''),
  noticeReceivedAt: isoDateTime,
  dueAt: isoDateTime.optional(),
  assigneeId: uuidParam.nullish(),
  externalId: externalId.nullish(),
});
export type CreateCaseInput = z.infer<typeof createCaseSchema>;
export class CreateCaseDto extends createZodDto(
  createCaseSchema.meta({
    example: {
      clientId: '0b6f3e1c-5d2a-4c8e-9f10-2a3b4c5d6e7f',
      externalId: 'ticket-77',
      title: 'Order defect rate + inauthentic complaint',
      issues: [
        { violationType: 'order_defect_rate', orderIds: ['112-7720415-3390125'] },
        { violationType: 'product_authenticity', asins: ['B0ABCDE123'], note: 'One buyer complaint' },
      ],
      path: 'poa',
      marketplace: 'US',
      noticeText: 'Your Order Defect Rate is 1.84%... Customers reported that items you sold were inauthentic. ASIN: B0ABCDE123',
      noticeReceivedAt: '2026-11-02T09:30:00.000Z',
    },
  }),
) {}

/**
 * CRM upsert by the CRM's ticket id (the path): the notice as the CRM holds it. It creates the case the first time;
 * afterwards it updates only these fields, and of the optional ones only those given (the status, drafts, rounds and
 * assignee belong to the agency's staff).
 */
export const upsertCaseSchema = z.strictObject({
  clientId: uuidParam.describe("The case's client; the case of an externalId stays with the client it was opened for"),
  title,
  violationType: z.enum(VIOLATION_TYPE_KEYS),
  marketplace: z.enum(MARKETPLACE_CODES),
  asins: asins.optional(),
  noticeText: noticeText.optional(),
  noticeReceivedAt: isoDateTime,
  dueAt: isoDateTime.optional().describe('Defaults from the violation type when the case is created; left out later, it is kept'),
});
export type UpsertCaseInput = z.infer<typeof upsertCaseSchema>;
export class UpsertCaseDto extends createZodDto(
  upsertCaseSchema.meta({
    example: {
      clientId: '0b6f3e1c-5d2a-4c8e-9f10-2a3b4c5d6e7f',
      title: 'Listing removed: inauthentic complaint',
      violationType: 'product_authenticity',
      marketplace: 'US',
      asins: ['B0ABCDE123'],
      noticeText: 'Customers reported that items you sold were inauthentic. ASIN: B0ABCDE123',
      noticeReceivedAt: '2026-11-02T09:30:00.000Z',
    },
  }),
) {}
export class CaseExternalIdParams extends createZodDto(externalIdParamsSchema) {}

export const updateCaseSchema = z.strictObject({
  title: title.optional(),
  dueAt: isoDateTime.optional(),
  dueAtReason: z.string().trim().min(1).max(500).optional().describe('Why the due time moves: recorded on the timeline'),
  assigneeId: uuidParam.nullish(),
  asins: asins.optional(),
  noticeText: noticeText.optional(),
  marketplace: z.enum(MARKETPLACE_CODES).optional(),
  violationType: z.enum(VIOLATION_TYPE_KEYS).optional().describe('Changes the first issue’s violation type'),
  issues: issuesInput.optional().describe('Replaces the issues: keep an issue by sending its id'),
  path: path.optional(),
  externalId: externalId.nullish(),
});
export type UpdateCaseInput = z.infer<typeof updateCaseSchema>;
export class UpdateCaseDto extends createZodDto(
  updateCaseSchema.meta({
    example: {
      title: 'Listing removed: inauthentic complaint (2 ASINs)',
      asins: ['B0ABCDE123', 'B0FGHIJ456'],
      dueAt: '2026-11-20T17:00:00.000Z',
      dueAtReason: 'Amazon granted a 3-day extension',
    },
  }),
) {}

export const CASE_QUEUES = ['mine', 'review'] as const;

/** `status=drafting,internal_review` filters on several statuses. */
const statusList = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(CASE_STATUSES)).min(1));

export const caseListQuerySchema = listQuerySchema.extend({
  status: statusList.optional(),
  clientId: uuidParam.optional(),
  violationType: z.enum(VIOLATION_TYPE_KEYS).optional(),
  assigneeId: uuidParam.optional(),
  dueBefore: isoDateTime.optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().trim().min(1).max(200).optional(),
  queue: z
    .enum(CASE_QUEUES)
    .optional()
    .describe("mine: active cases assigned to the caller; review: cases in internal review assigned to someone else (reviewers' queue)"),
  sort: z.enum(['updatedAt', 'dueAt']).default('updatedAt'),
  order: z.enum(['asc', 'desc']).optional(),
  counts: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('Also answer `counts` (due today, overdue, each queue) over the whole agency, in the same answer'),
  dayEnd: isoDateTime.optional().describe("The end of the caller's day, for counts.dueToday (default: the end of the UTC day)"),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;
export class CaseListQueryDto extends createZodDto(caseListQuerySchema) {}

const personSchema = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const caseSummarySchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  title: z.string(),
  status: z.enum(CASE_STATUSES),
  violationType: z.string(),
  path: z.enum(RESOLUTION_PATHS),
  marketplace: z.string(),
  asins: z.array(z.string()),
  noticeReceivedAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  round: z.number().int(),
  appealsUsed: z.number().int().describe('Rounds submitted to Amazon'),
  fundsHoldUntil: z.string().nullable().describe("Until when Amazon holds the seller's funds, when the notice names a hold period"),
  latestVersion: z.number().int(),
  externalId: z.string().nullable(),
  client: z.object({ id: z.uuid(), name: z.string(), sellerId: z.string().nullable() }),
  assignee: personSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const caseCountsSchema = z.object({
  dueToday: z.number().int().describe('Active cases not yet overdue, due before dayEnd'),
  overdue: z.number().int().describe('Active cases past their due time'),
  mine: z.number().int().describe('The queue "mine"'),
  review: z.number().int().describe('The queue "review"'),
});
export const casePageSchema = pageSchema(caseSummarySchema).extend({
  counts: caseCountsSchema.optional().describe('With counts=true'),
});
export class CasePageDto extends createZodDto(casePageSchema) {}

export const approvalSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  draftVersionId: z.uuid(),
  contact: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
  fullName: z.string(),
  approvedAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  contentSha256: z.string(),
  recordedBy: personSchema.describe(
    'The staff member who recorded an approval given by email or phone; null when the contact approved in the portal',
  ),
  note: z.string().nullable(),
});

export const roundSchema = z.object({
  round: z.number().int(),
  amazonRequest: z.string().nullable().describe('What Amazon asked for in the reply that opened this round'),
  outcome: z.enum(CASE_OUTCOMES).nullable(),
  amazonResponse: z.string().nullable(),
  outcomeAt: z.string().nullable(),
  createdAt: z.string(),
});

export const pdfStatusSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: z.enum(['queued', 'rendering', 'ready', 'failed']),
  error: z.string().nullable(),
  pageCount: z.number().int().nullable(),
  size: z.number().int().nullable(),
  sha256: z.string().nullable(),
  readyAt: z.string().nullable(),
});

export const issueSchema = z.object({
  id: z.uuid(),
  violationType: z.string(),
  asins: z.array(z.string()),
  orderIds: z.array(z.string()),
  note: z.string(),
});

export const changeRequestSchema = z.object({
  comment: z.string().describe('What the client asked to change'),
  note: z.string().nullable().describe('How the request arrived, when staff recorded it for the client'),
  requestedBy: z.object({ type: z.enum(['contact', 'staff']), name: z.string() }),
  requestedAt: z.string(),
  version: z.number().int().nullable().describe('The draft version the client answered'),
});

export const caseDetailSchema = caseSummarySchema.extend({
  noticeText: z.string(),
  issues: z.array(issueSchema).describe('The problems the notice names; root causes and corrective actions link to them by issueId'),
  availableActions: z.array(z.enum(CASE_ACTIONS)).describe('What the caller may do now (workflow state, role and guards)'),
  starterDraft: z
    .object({
      summary: z.string(),
      rootCauses: z.array(z.object({ text: z.string() })),
      correctiveActions: z.array(z.object({ text: z.string(), completedAt: z.string().nullable() })),
      preventiveMeasures: z.array(
        z.object({ text: z.string(), owner: z.string(), startDate: z.string().nullable(), frequency: z.string() }),
      ),
      supportingDocuments: z.array(z.object({ attachmentId: z.string(), description: z.string() })),
    })
    .nullable()
    .describe('The starter draft of the playbook the case was opened from: where the editor starts before version 1'),
  approvedVersion: z.number().int().nullable(),
  approval: approvalSchema.nullable().describe('Proof of the client approval of the approved version'),
  rounds: z.array(roundSchema),
  pdf: pdfStatusSchema.nullable().describe('The final PDF of the approved version'),
  changeRequest: changeRequestSchema
    .nullable()
    .describe('The client’s request for changes the case is being reworked for; null once the next version is sent to the client'),
});
export class CaseDto extends createZodDto(caseDetailSchema) {}

export const transitionSchema = z.strictObject({
  action: z.enum(CASE_ACTIONS),
  comment: z.string().trim().min(1).max(20_000).optional(),
  outcome: z
    .string()
    .optional()
    .describe(`record_outcome: ${CASE_OUTCOMES.join(' | ')}`),
  amazonResponse: z.string().max(100_000).optional().describe("record_outcome: Amazon's reply"),
  amazonRequest: z
    .string()
    .max(100_000)
    .optional()
    .describe('record_outcome more_info_requested, start_drafting, reopen: what Amazon asked for in the next round'),
  contactId: uuidParam.optional().describe('client_approve by staff: the contact who approved'),
  fullName: z.string().trim().min(1).max(200).optional().describe('client_approve: the full name the contact typed'),
  note: z
    .string()
    .trim()
    .min(1)
    .max(2000)
    .optional()
    .describe('client_approve, client_request_changes by staff (required): how the client’s decision arrived (email, phone...)'),
  message: z.string().trim().min(1).max(5000).optional().describe('approve_internal: a message to the client, in the review e-mail'),
  contactIds: z
    .array(uuidParam)
    .min(1)
    .max(50)
    .optional()
    .describe('approve_internal: the contacts of the client who are e-mailed a link to the case (default: every contact)'),
  channel: z
    .enum(SUBMISSION_CHANNELS)
    .optional()
    .describe('mark_submitted: how the plan went to Amazon (default seller_central_form); the submission records it'),
  override: z
    .strictObject({
      reason: z
        .string({ message: 'a reason is required' })
        .trim()
        .min(10, 'give a reason of at least 10 characters')
        .max(2000)
        .describe('Why the plan goes despite the errors (recorded on the timeline and in the audit trail)'),
    })
    .optional()
    .describe(
      'approve_internal, mark_submitted: a reviewer or above sends the plan although the POA checker finds errors (otherwise 409 CHECK_FAILED)',
    ),
});
export type TransitionInput = z.infer<typeof transitionSchema>;
export class TransitionDto extends createZodDto(
  transitionSchema.meta({ example: { action: 'submit_for_review', comment: 'Ready for a second pair of eyes' } }),
) {}

export const caseEventSchema = z.object({
  id: z.uuid(),
  type: z.string(),
  actor: z.object({ type: z.string(), id: z.string().nullable(), name: z.string().nullable() }),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export class CaseEventPageDto extends createZodDto(pageSchema(caseEventSchema)) {}
export class EventListQueryDto extends createZodDto(listQuerySchema) {}
