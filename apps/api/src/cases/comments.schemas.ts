import { DRAFT_SECTION_KEYS } from '@poa/domain';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { listQuerySchema, pageSchema } from '../common/pagination';
import { uuidParam, versionNumber } from '../common/schemas';

export const COMMENT_VISIBILITIES = ['internal', 'shared'] as const;
export type CommentVisibility = (typeof COMMENT_VISIBILITIES)[number];

export const createCommentSchema = z.strictObject({
  body: z.string().trim().min(1).max(20_000),
  visibility: z.enum(COMMENT_VISIBILITIES).describe('internal: staff only; shared: the client sees it in the portal'),
  parentId: uuidParam.optional().describe('Reply to this comment of the same case'),
  version: versionNumber.optional().describe('The draft version the comment is about'),
  section: z.enum(DRAFT_SECTION_KEYS).optional().describe('The draft section the comment is about'),
});
export type CreateCommentInput = z.infer<typeof createCommentSchema>;
export class CreateCommentDto extends createZodDto(
  createCommentSchema.meta({ example: { body: 'Could you send the supplier invoices for March?', visibility: 'shared' } }),
) {}

export const commentSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  body: z.string(),
  visibility: z.enum(COMMENT_VISIBILITIES),
  version: z.number().int().nullable(),
  section: z.string().nullable(),
  author: z.object({ type: z.string(), id: z.string().nullable(), name: z.string() }),
  createdAt: z.string(),
});
export class CommentDto extends createZodDto(commentSchema) {}
export class CommentPageDto extends createZodDto(pageSchema(commentSchema)) {}

export const commentListQuerySchema = listQuerySchema.extend({ visibility: z.enum(COMMENT_VISIBILITIES).optional() });
export class CommentListQueryDto extends createZodDto(commentListQuerySchema) {}

export const commentParamsSchema = z.strictObject({ id: uuidParam, commentId: uuidParam });
export class CommentParams extends createZodDto(commentParamsSchema) {}
