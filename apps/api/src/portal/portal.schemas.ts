import { CASE_STATUSES } from '@poa/domain';
import { evidenceKey } from '../playbooks/playbooks.schemas';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { listQuerySchema, pageSchema } from '../common/pagination';
import { email, idParamsSchema, uuidParam, versionNumber, versionParamsSchema } from '../common/schemas';

// Log-in
export class LoginLinkRequestDto extends createZodDto(z.strictObject({ email }).meta({ example: { email: 'priya@northwind.example' } })) {}
export class LoginLinkAcceptedDto extends createZodDto(z.object({ message: z.string() })) {}
export class StaffLoginLinkDto extends createZodDto(
  z.object({
    url: z
      .string()
      .describe('PUBLIC_URL/portal/login?token=... (or /portal/cases/<id>?token=... for a case): share it with the contact; it works once'),
    token: z.string(),
    expiresAt: z.string(),
  }),
) {}
export class CasePortalLinkRequestDto extends createZodDto(
  z
    .strictObject({ contactId: uuidParam.describe('A contact of the case’s client') })
    .meta({ example: { contactId: '3f6c1a52-8d0e-4b7a-9c1f-2e5d7a9b0c41' } }),
) {}
export class PortalSessionRequestDto extends createZodDto(
  z.strictObject({ token: z.string().min(1).max(500) }).meta({ example: { token: 'the-token-from-the-login-link' } }),
) {}

const portalContactSchema = z.object({ id: z.uuid(), name: z.string(), email: z.string() });
const portalClientSchema = z.object({ id: z.uuid(), name: z.string() });
const agencySchema = z.object({
  name: z.string(),
  branding: z.object({ primaryColor: z.string(), logoDataUri: z.string().nullable() }),
});

export class PortalSessionDto extends createZodDto(
  z.object({ accessToken: z.string(), contact: portalContactSchema, client: portalClientSchema }),
) {}
export class PortalAgencyDto extends createZodDto(agencySchema) {}
export class PortalMeDto extends createZodDto(
  z.object({ contact: portalContactSchema, client: portalClientSchema, agency: agencySchema }),
) {}

// Cases
export const PORTAL_VISIBLE_STATUSES = [
  'client_review',
  'approved',
  'submitted',
  'reinstated',
  'denied',
  'more_info_requested',
  'closed',
] as const;

const portalCaseSummarySchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  title: z.string(),
  status: z.enum(CASE_STATUSES),
  violationType: z.string(),
  marketplace: z.string(),
  dueAt: z.string(),
  latestVersion: z.number().int(),
  approvedVersion: z.number().int().nullable(),
  awaitingReview: z.boolean().describe('A draft waits for your approval'),
  workingOnChanges: z.boolean().describe('The agency is revising the plan after your change request'),
  updatedAt: z.string(),
});
export class PortalCasePageDto extends createZodDto(pageSchema(portalCaseSummarySchema)) {}
export class PortalCaseListQueryDto extends createZodDto(listQuerySchema) {}

const draftSchema = z.object({
  version: z.number().int(),
  state: z
    .enum(['under_review', 'approved', 'changes_requested'])
    .describe(
      'under_review: awaiting your answer; approved: the version you approved; changes_requested: the version you asked changes to',
    ),
  createdAt: z.string(),
  summary: z.string(),
  rootCauses: z.array(z.object({ text: z.string() })),
  correctiveActions: z.array(z.object({ text: z.string(), completedAt: z.string().nullable() })),
  preventiveMeasures: z.array(z.object({ text: z.string(), owner: z.string(), startDate: z.string().nullable(), frequency: z.string() })),
  supportingDocuments: z.array(
    z.object({
      description: z.string(),
      fileName: z.string().nullable(),
      attachmentId: z.uuid().nullable().describe('Open it with GET /portal/cases/{id}/attachments/{attachmentId}'),
    }),
  ),
});

const portalChangeRequestSchema = z.object({
  comment: z.string().describe('What you asked to change'),
  requestedBy: z.object({ type: z.enum(['contact', 'staff']), name: z.string() }),
  requestedAt: z.string(),
});

const changesSinceSeenSchema = z.object({
  requestedAt: z.string().describe('When you asked for the changes'),
  changes: z.array(
    z.object({
      section: z.enum(['summary', 'rootCauses', 'correctiveActions', 'preventiveMeasures', 'supportingDocuments']),
      kind: z.enum(['added', 'removed', 'changed']),
      text: z.string(),
      previousText: z.string().nullable(),
    }),
  ),
});

const portalApprovalSchema = z.object({
  version: z.number().int(),
  fullName: z.string().describe('The name typed as the signature'),
  contactName: z.string(),
  contactEmail: z.string(),
  approvedAt: z.string(),
  contentSha256: z.string().describe('SHA-256 of the approved content'),
});

const portalPdfSchema = z.object({
  version: z.number().int(),
  status: z.enum(['queued', 'rendering', 'ready', 'failed']),
  pageCount: z.number().int().nullable(),
  size: z.number().int().nullable(),
  readyAt: z.string().nullable(),
});

const approvedVersionSchema = z.object({
  version: z.number().int(),
  approvedAt: z.string(),
  fullName: z.string(),
  pdf: portalPdfSchema.nullable(),
});

export const portalCaseDetailSchema = portalCaseSummarySchema.extend({
  asins: z.array(z.string()),
  noticeText: z.string().describe("Amazon's notice, as the client forwarded it"),
  noticeReceivedAt: z.string(),
  client: portalClientSchema,
  agency: agencySchema,
  draft: draftSchema.nullable().describe('The version under review, or else the latest approved one'),
  approval: portalApprovalSchema.nullable().describe('Proof of approval of the approved version'),
  pdf: portalPdfSchema.nullable().describe('The final PDF of the approved version'),
  approvedVersions: z.array(approvedVersionSchema).describe('Every approved version, newest first, with its PDF'),
  availableActions: z.array(z.enum(['approve', 'request_changes'])),
  changeRequest: portalChangeRequestSchema.nullable().describe('While the agency works on your changes: your request'),
  changesSinceSeen: changesSinceSeenSchema
    .nullable()
    .describe('When a revised plan awaits your review: what changed since the version you asked changes to'),
});
export class PortalCaseDto extends createZodDto(portalCaseDetailSchema) {}

export class PortalApproveDto extends createZodDto(
  z
    .strictObject({
      version: versionNumber.describe('The version you read: not the one under review answers 409 VERSION_CONFLICT'),
      fullName: z.string().trim().min(1).max(200).describe('Type your full name: it becomes the proof of approval'),
    })
    .meta({ example: { version: 2, fullName: 'Priya Natarajan' } }),
) {}
export class PortalRequestChangesDto extends createZodDto(
  z
    .strictObject({ comment: z.string().trim().min(1, 'tell us what to change').max(20_000) })
    .meta({ example: { comment: 'Please name our new supplier in the second corrective action.' } }),
) {}
export class PortalTransitionResultDto extends createZodDto(
  z.object({ id: z.uuid(), reference: z.string(), status: z.enum(CASE_STATUSES) }),
) {}

// Comments (shared only)
export const portalCommentSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  body: z.string(),
  version: z.number().int().nullable(),
  author: z.object({ type: z.enum(['staff', 'contact']), name: z.string() }),
  createdAt: z.string(),
});
export class PortalCommentDto extends createZodDto(portalCommentSchema) {}
export class PortalCommentPageDto extends createZodDto(pageSchema(portalCommentSchema)) {}
export class PortalCommentListQueryDto extends createZodDto(listQuerySchema) {}
export class PortalCreateCommentDto extends createZodDto(
  z
    .strictObject({
      body: z.string().trim().min(1).max(20_000),
      parentId: uuidParam.optional().describe('Reply to a comment of this case'),
      version: z.number().int().min(1).optional().describe('The draft version the comment is about'),
    })
    .meta({ example: { body: 'The invoice dates in the summary are right.', version: 2 } }),
) {}

export class PortalCaseParams extends createZodDto(idParamsSchema) {}
export class PortalAttachmentParams extends createZodDto(z.strictObject({ id: uuidParam, attachmentId: uuidParam })) {}
export class PortalVersionParams extends createZodDto(versionParamsSchema) {}
export class ContactLinkParams extends createZodDto(z.strictObject({ id: uuidParam, contactId: uuidParam })) {}

const portalEvidenceItemSchema = z.object({
  key: z.string(),
  label: z.string(),
  proves: z.string(),
  required: z.boolean(),
  accepts: z.array(z.enum(['pdf', 'image'])),
  status: z.enum(['missing', 'provided', 'waived']).describe('waived: the agency no longer needs it'),
  attachments: z.array(z.object({ id: z.uuid(), fileName: z.string() })).describe('The files you sent for it'),
});
export class PortalEvidenceListDto extends createZodDto(
  z.object({
    case: z.object({ id: z.uuid(), reference: z.string(), title: z.string() }),
    data: z.array(portalEvidenceItemSchema),
  }),
) {}
export class PortalEvidenceRequestsDto extends createZodDto(
  z.object({
    data: z.array(
      z.object({
        caseId: z.uuid(),
        reference: z.string(),
        title: z.string(),
        missing: z.number().int().describe('Documents still to send'),
      }),
    ),
  }),
) {}
export const portalUploadFieldsSchema = z.strictObject({
  evidenceKey: evidenceKey.describe('The document asked of you that the file provides (GET /portal/cases/{id}/evidence)'),
});
export class PortalUploadFieldsDto extends createZodDto(portalUploadFieldsSchema) {}
export class PortalUploadedDto extends createZodDto(
  z.object({ id: z.uuid(), fileName: z.string(), evidenceKey: z.string(), status: z.literal('provided') }),
) {}
