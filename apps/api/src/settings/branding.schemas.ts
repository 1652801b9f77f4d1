import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { tenantSchema } from '../identity/auth/auth.schemas';

const LOGO_MAX_CHARS = 400_000; // about 300 KB of image, inside the 1 MB body limit

export const updateBrandingSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional().describe("The agency's name as printed on PDFs and emails"),
  primaryColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be a #rrggbb colour')
    .optional(),
  logoDataUri: z
    .string()
    .max(LOGO_MAX_CHARS, 'the logo is too large (max about 300 KB)')
    .regex(/^data:image\/(png|jpeg|gif|svg\+xml);base64,[A-Za-z0-9+/=]+$/, 'must be a base64 data: URI of a PNG, JPEG, GIF or SVG image')
    .nullable()
    .optional(),
  letterhead: z.string().max(500).nullable().optional().describe('Address, phone... printed under the agency name'),
  paperSize: z.enum(['A4', 'Letter']).optional(),
});
export type UpdateBrandingInput = z.infer<typeof updateBrandingSchema>;

export class UpdateBrandingDto extends createZodDto(
  updateBrandingSchema.meta({
    example: { primaryColor: '#1f4e79', letterhead: '12 Harbour Street, Leeds LS1 4AB, +44 113 496 0000', paperSize: 'A4' },
  }),
) {}
/** Unsaved values to lay the preview out with: any field left out is the saved one. */
export class BrandingPreviewDto extends createZodDto(
  updateBrandingSchema.meta({
    example: { name: 'Harbour POA Services', primaryColor: '#aa3300', letterhead: '12 Harbour Street, Leeds LS1 4AB', paperSize: 'Letter' },
  }),
) {}
export class TenantDto extends createZodDto(tenantSchema) {}
