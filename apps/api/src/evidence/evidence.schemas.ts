import { EVIDENCE_ACCEPTS, EVIDENCE_KINDS } from '@poa/domain';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { isoDate, uuidParam } from '../common/schemas';
import { evidenceKey } from '../playbooks/playbooks.schemas';

export const evidenceParamsSchema = z.strictObject({ id: uuidParam, key: evidenceKey });
export class EvidenceParams extends createZodDto(evidenceParamsSchema) {}

const text = (max: number) => z.string().trim().max(max).nullable().optional();
const count = z.number().int().min(0).max(100_000_000).nullable().optional();

export const invoiceDetailsSchema = z.object({
  supplierName: z.string().nullable().optional(),
  supplierAddress: z.string().nullable().optional(),
  supplierContact: z.string().nullable().optional(),
  invoiceDate: z.string().nullable().optional().describe('YYYY-MM-DD'),
  quantity: z.number().nullable().optional(),
  unitsSold: z.number().nullable().optional(),
});
export const authorisationDetailsSchema = z.object({
  rightsOwner: z.string().nullable().optional(),
  sellerName: z.string().nullable().optional(),
  explicit: z.boolean().nullable().optional(),
});

const evidenceItemSchema = z.object({
  key: z.string(),
  label: z.string(),
  proves: z.string(),
  required: z.boolean(),
  askClient: z.boolean(),
  accepts: z.array(z.enum(EVIDENCE_ACCEPTS)),
  kind: z.enum(EVIDENCE_KINDS),
  status: z.enum(['missing', 'provided', 'waived']),
  attachments: z.array(
    z.object({ id: z.uuid(), fileName: z.string(), fromClient: z.boolean().describe('Uploaded by the client in the portal') }),
  ),
  waivedReason: z.string().nullable(),
  invoice: invoiceDetailsSchema.nullable().describe('Invoice items: what staff typed from the invoice'),
  authorisation: authorisationDetailsSchema.nullable().describe('Letters of authorisation: what staff typed from the letter'),
});
export class EvidenceItemDto extends createZodDto(evidenceItemSchema) {}
export class EvidenceListDto extends createZodDto(z.object({ data: z.array(evidenceItemSchema) })) {}

export const waiveSchema = z.strictObject({ reason: z.string().trim().min(3).max(1000).describe('Why the case goes without it') });
export type WaiveInput = z.infer<typeof waiveSchema>;
export class WaiveDto extends createZodDto(
  waiveSchema.meta({ example: { reason: 'The seller sources only from the brand; the LOA covers it.' } }),
) {}

/** The fields of an invoice or a letter of authorisation (only those of the item's kind); a field left out is cleared. */
export const evidenceDetailsSchema = z.strictObject({
  supplierName: text(300),
  supplierAddress: text(1000),
  supplierContact: text(300).describe('Phone, e-mail or website'),
  invoiceDate: isoDate.nullable().optional(),
  quantity: count.describe('Units on the invoice'),
  unitsSold: count.describe('Units the seller sold in the period the notice looks at'),
  rightsOwner: text(300),
  sellerName: text(300).describe('The seller the letter authorises (must match the client)'),
  explicit: z.boolean().nullable().optional().describe('The letter explicitly authorises selling the brand'),
});
export type EvidenceDetailsInput = z.infer<typeof evidenceDetailsSchema>;
export class EvidenceDetailsDto extends createZodDto(
  evidenceDetailsSchema.meta({
    example: {
      supplierName: 'Acme Wholesale Ltd',
      supplierAddress: '1 Trade Park, Leeds LS1 1AA, United Kingdom',
      supplierContact: '+44 113 000 0000, acme-wholesale.example',
      invoiceDate: '2026-09-14',
      quantity: 500,
      unitsSold: 430,
    },
  }),
) {}
