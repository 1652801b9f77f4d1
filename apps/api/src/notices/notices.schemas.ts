import { MARKETPLACE_CODES, NOTICE_SCOPES, RESOLUTION_PATHS, VIOLATION_TYPE_KEYS } from '@poa/domain';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { isoDateTime } from '../common/schemas';

export const parseNoticeSchema = z.strictObject({
  text: z.string().min(1).max(100_000).describe('The notice as pasted from Seller Central'),
  receivedAt: isoDateTime.optional().describe('When the notice arrived (deadlines count from it); now when left out'),
});
export class ParseNoticeDto extends createZodDto(
  parseNoticeSchema.meta({
    example: {
      text: 'Your selling privileges on Amazon.com have been deactivated. 1) Order Defect Rate: 1.84%, orders 112-7720415-3390125. 2) We received complaints that ASIN B0B9XQ7K2M is inauthentic. Please submit a plan of action within 17 days.',
      receivedAt: '2026-11-02T09:00:00.000Z',
    },
  }),
) {}

export const noticeParseSchema = z.object({
  marketplace: z.enum(MARKETPLACE_CODES).nullable(),
  section3: z.boolean().describe('The notice cites Section 3 of the Business Solutions Agreement'),
  scope: z
    .enum(NOTICE_SCOPES)
    .nullable()
    .describe('selling_privileges: the account can no longer sell; listing: some listings were removed; account: a warning or review'),
  dueAt: z.string().nullable().describe('The deadline the notice sets, from receivedAt; null when it sets none'),
  documentWindowDays: z.number().int().nullable().describe('How far back the invoices asked for may go'),
  fundsHoldDays: z.number().int().nullable().describe('How long Amazon may hold the funds'),
  issues: z.array(
    z.object({
      violationType: z.enum(VIOLATION_TYPE_KEYS),
      asins: z.array(z.string()),
      orderIds: z.array(z.string()),
      excerpt: z.string().describe('The sentence of the notice that names the issue'),
    }),
  ),
  complaint: z
    .object({ complaintId: z.string().nullable(), rightsOwner: z.string().nullable(), contactEmail: z.string().nullable() })
    .nullable()
    .describe('Intellectual-property notices: who complained'),
});
export class NoticeParseDto extends createZodDto(noticeParseSchema) {}

export const violationTypeSchema = z.object({
  key: z.enum(VIOLATION_TYPE_KEYS),
  label: z.string(),
  path: z.enum(RESOLUTION_PATHS),
  defaultDeadlineHours: z.number().int(),
  evidence: z.array(z.object({ key: z.string(), label: z.string(), proves: z.string() })),
});
export class ViolationTypeListDto extends createZodDto(z.object({ data: z.array(violationTypeSchema) })) {}
