import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { uuidParam } from '../common/schemas';
import { evidenceKey } from '../playbooks/playbooks.schemas';

export const attachmentSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.object({ type: z.string(), id: z.string().nullable() }),
  evidenceKey: z.string().nullable().describe('The evidence item of the case this file provides'),
  createdAt: z.string(),
});
export class AttachmentDto extends createZodDto(attachmentSchema) {}
export class AttachmentListDto extends createZodDto(z.object({ data: z.array(attachmentSchema) })) {}

export const attachmentParamsSchema = z.strictObject({ id: uuidParam, attachmentId: uuidParam });
export class AttachmentParams extends createZodDto(attachmentParamsSchema) {}

/** The multipart form's fields besides the file. */
export const uploadFieldsSchema = z.strictObject({
  evidenceKey: evidenceKey.optional().describe('The evidence item the file provides (GET /cases/{id}/evidence); it is then provided'),
});
export class UploadFieldsDto extends createZodDto(uploadFieldsSchema) {}
