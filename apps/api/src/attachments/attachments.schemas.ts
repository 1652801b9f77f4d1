import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { uuidParam } from '../common/schemas';

export const attachmentSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.object({ type: z.string(), id: z.string().nullable() }),
  createdAt: z.string(),
});
export class AttachmentDto extends createZodDto(attachmentSchema) {}
export class AttachmentListDto extends createZodDto(z.object({ data: z.array(attachmentSchema) })) {}

export const attachmentParamsSchema = z.strictObject({ id: uuidParam, attachmentId: uuidParam });
export class AttachmentParams extends createZodDto(attachmentParamsSchema) {}
