import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const pdfRenderSchema = z.object({
  status: z.enum(['queued', 'rendering', 'ready', 'failed']),
  version: z.number().int(),
  kind: z.enum(['final', 'preview']),
  error: z.string().nullable(),
  sha256: z.string().nullable(),
  size: z.number().nullable(),
  pageCount: z.number().nullable(),
  renderMs: z.number().nullable(),
  readyAt: z.string().nullable(),
});
export class PdfRenderDto extends createZodDto(pdfRenderSchema) {}
