import { SUBMISSION_CHANNELS } from '@poa/domain';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { submissionFieldSchema } from './drafts.schemas';

export const submissionSchema = z.object({
  id: z.uuid(),
  round: z.number().int(),
  version: z.number().int(),
  sha256: z.string().describe('SHA-256 of the canonical content of the version submitted (the fingerprint its approval stores)'),
  channel: z.enum(SUBMISSION_CHANNELS),
  submittedAt: z.string(),
  submittedBy: z.object({ type: z.string(), id: z.string().nullable(), name: z.string() }),
  fields: z.array(submissionFieldSchema).describe('The Seller Central fields exactly as they were when submitted'),
});
export class SubmissionListDto extends createZodDto(z.object({ data: z.array(submissionSchema) })) {}
