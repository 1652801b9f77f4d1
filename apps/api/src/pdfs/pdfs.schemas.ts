import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const pdfRenderSchema = z.object({
  status: z.enum(['queued', 'rendering', 'ready', 'failed']),
  version: z.number().int(),
  kind: z.enum(['final', 'preview']),
  variant: z.enum(['standard', 'amazon', 'certificate']),
  error: z.string().nullable(),
  sha256: z.string().nullable(),
  size: z.number().nullable(),
  pageCount: z.number().nullable(),
  renderMs: z.number().nullable(),
  readyAt: z.string().nullable(),
});
export class PdfRenderDto extends createZodDto(pdfRenderSchema) {}

export const pdfQuerySchema = z.strictObject({
  variant: z
    .enum(['standard', 'amazon', 'certificate'], { message: 'must be amazon or certificate (or standard, the default)' })
    .default('standard')
    .describe(
      "amazon: the plan alone in the seller's name, as sent to Amazon (no agency, internal keys or approval proof); " +
        'certificate: the proof of approval alone; standard (default): the agency document',
    ),
});
export class PdfQueryDto extends createZodDto(pdfQuerySchema) {}
