import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { email, isoDate, uuidParam } from '../common/schemas';

export const RETRACTION_STATUSES = ['not_contacted', 'contacted', 'agreed', 'sent_to_amazon', 'confirmed'] as const;
export type RetractionStatus = (typeof RETRACTION_STATUSES)[number];

const shortText = z.string().trim().max(300);

export const retractionInputSchema = z.strictObject({
  complaintId: shortText.nullable().default(null).describe("Amazon's complaint id (from the notice)"),
  rightsOwner: shortText.nullable().default(null).describe('The rights owner who complained'),
  contactEmail: email.nullable().default(null).describe("The rights owner's contact e-mail"),
  datesContacted: z
    .array(isoDate)
    .max(100)
    .default([])
    .transform((dates) => [...new Set(dates)].sort())
    .describe('The days the seller contacted the rights owner'),
  status: z.enum(RETRACTION_STATUSES),
  note: z.string().trim().max(5000).default(''),
});
export type RetractionInput = z.infer<typeof retractionInputSchema>;
export class RetractionInputDto extends createZodDto(
  retractionInputSchema.meta({
    example: {
      complaintId: '8841203571',
      rightsOwner: 'Lumen & Co. GmbH',
      contactEmail: 'legal@lumen-co.example',
      datesContacted: ['2026-11-03', '2026-11-06'],
      status: 'contacted',
      note: 'Their counsel answers on Fridays',
    },
  }),
) {}

export const retractionSchema = z.object({
  complaintId: z.string().nullable(),
  rightsOwner: z.string().nullable(),
  contactEmail: z.string().nullable(),
  datesContacted: z.array(z.string()),
  status: z.enum(RETRACTION_STATUSES),
  note: z.string(),
  updatedAt: z.string().nullable().describe('null until the tracker is first saved'),
});
export class RetractionDto extends createZodDto(retractionSchema) {}

export const retractionLetterSchema = z.object({
  to: z.string().nullable().describe("The rights owner's e-mail, when known"),
  subject: z.string(),
  body: z.string().describe('Plain text for the seller to send the rights owner, drafted from the case and the tracker'),
  missing: z.array(z.string()).describe('Tracker fields the letter would name but that are empty (complaintId, rightsOwner)'),
});
export class RetractionLetterDto extends createZodDto(retractionLetterSchema) {}

const asin = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase());

export const listingFixesInputSchema = z.strictObject({
  items: z
    .array(
      z.strictObject({
        id: uuidParam.optional().describe('An existing item (kept with its confirmation); left out for a new one'),
        asin: asin.nullable().default(null).describe('One of the case’s ASINs, or null for a change across listings'),
        change: z.string().trim().min(1).max(2000).describe('The change to make to the listing'),
        confirmed: z.boolean().default(false).describe('The change is live on Amazon'),
      }),
    )
    .max(200),
});
export type ListingFixesInput = z.infer<typeof listingFixesInputSchema>;
export class ListingFixesInputDto extends createZodDto(
  listingFixesInputSchema.meta({
    example: {
      items: [
        { asin: 'B09ABCDEF1', change: 'Remove "antimicrobial" from the title and bullet 2', confirmed: true },
        { asin: 'B0C1234XYZ', change: 'Remove "kills 99.9% of bacteria" from the description', confirmed: false },
      ],
    },
  }),
) {}

export const listingFixesSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      asin: z.string().nullable(),
      change: z.string(),
      confirmed: z.boolean(),
      confirmedAt: z.string().nullable(),
      confirmedBy: z.string().nullable(),
    }),
  ),
});
export class ListingFixesDto extends createZodDto(listingFixesSchema) {}

export const complianceDocumentsInputSchema = z.strictObject({
  items: z
    .array(
      z.strictObject({
        id: uuidParam.optional().describe('An existing item; left out for a new one'),
        label: z.string().trim().min(1).max(300).describe("The document to provide, e.g. Children's Product Certificate"),
        evidenceKey: z.string().trim().max(100).nullable().default(null).describe('The catalogue evidence key it satisfies'),
        attachmentId: uuidParam.nullable().default(null).describe('The uploaded file (an attachment of this case)'),
        note: z.string().trim().max(2000).default(''),
      }),
    )
    .max(100),
});
export type ComplianceDocumentsInput = z.infer<typeof complianceDocumentsInputSchema>;
export class ComplianceDocumentsInputDto extends createZodDto(
  complianceDocumentsInputSchema.meta({
    example: {
      items: [
        { label: "Children's Product Certificate", evidenceKey: 'cpc', attachmentId: '6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f', note: '' },
        { label: 'Test report from a CPSC-accepted laboratory', evidenceKey: 'lab_report', attachmentId: null, note: 'Due 12 Nov' },
      ],
    },
  }),
) {}

export const complianceDocumentsSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      label: z.string(),
      evidenceKey: z.string().nullable(),
      attachment: z.object({ id: z.uuid(), fileName: z.string() }).nullable().describe('null until the document is uploaded'),
      note: z.string(),
    }),
  ),
});
export class ComplianceDocumentsDto extends createZodDto(complianceDocumentsSchema) {}
