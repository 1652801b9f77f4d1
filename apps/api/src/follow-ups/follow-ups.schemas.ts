import { CADENCE_UNITS, CHECK_IN_RESULTS, FOLLOW_UP_STATUSES } from '@poa/domain';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { listQuerySchema, pageSchema } from '../common/pagination';
import { isoDate, uuidParam } from '../common/schemas';

export const cadenceSchema = z
  .union([
    z.strictObject({
      every: z.number().int().min(1).max(366).describe('How many units between checks'),
      unit: z.enum(CADENCE_UNITS),
    }),
    z.literal('event'),
  ])
  .describe('How often the measure is checked: every N days/weeks/months/quarters, or "event" (each time it applies)');

export const checkInSchema = z.object({
  id: z.uuid(),
  result: z.enum(CHECK_IN_RESULTS),
  note: z.string(),
  attachmentId: z.uuid().nullable(),
  checkedAt: z.string(),
  by: z.object({ type: z.enum(['user', 'api_key', 'contact']), name: z.string() }),
});
export class CheckInDto extends createZodDto(checkInSchema) {}

export const followUpSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  clientId: z.uuid(),
  caseReference: z.string(),
  clientName: z.string(),
  measure: z.string(),
  frequency: z.string().describe('The frequency as the approved plan words it'),
  owner: z.string(),
  cadence: cadenceSchema,
  cadenceSource: z
    .enum(['parsed', 'default', 'edited'])
    .describe('parsed from the frequency text; default: the text named no period, so monthly until someone sets it; edited'),
  status: z.enum(FOLLOW_UP_STATUSES),
  nextDueAt: z.string().nullable().describe('When the next check is due; null for an event cadence'),
  lastCheckIn: checkInSchema.nullable(),
});
export class FollowUpDto extends createZodDto(followUpSchema) {}
export class FollowUpPageDto extends createZodDto(pageSchema(followUpSchema)) {}

export const followUpListQuerySchema = listQuerySchema.extend({
  clientId: uuidParam.optional(),
  status: z.enum(FOLLOW_UP_STATUSES, { message: 'must be due, overdue or ok' }).optional(),
});
export class FollowUpListQueryDto extends createZodDto(followUpListQuerySchema) {}
export const portalFollowUpListQuerySchema = listQuerySchema.extend({
  status: z.enum(FOLLOW_UP_STATUSES, { message: 'must be due, overdue or ok' }).optional(),
});
export class PortalFollowUpListQueryDto extends createZodDto(portalFollowUpListQuerySchema) {}
export class CheckInListQueryDto extends createZodDto(listQuerySchema) {}
export class CheckInPageDto extends createZodDto(pageSchema(checkInSchema)) {}

export const updateFollowUpSchema = z
  .strictObject({
    cadence: cadenceSchema.optional(),
    owner: z.string().trim().max(200).optional(),
  })
  .refine((v) => v.cadence !== undefined || v.owner !== undefined, { message: 'give cadence or owner', path: ['cadence'] });
export type UpdateFollowUpInput = z.infer<typeof updateFollowUpSchema>;
export class UpdateFollowUpDto extends createZodDto(
  updateFollowUpSchema.meta({ example: { cadence: { every: 2, unit: 'week' }, owner: 'Warehouse lead' } }),
) {}

export const createCheckInSchema = z.strictObject({
  result: z.enum(CHECK_IN_RESULTS, { message: 'must be done or problem' }),
  note: z.string().max(4000).default(''),
  attachmentId: uuidParam.optional().describe('Evidence of the check: an attachment of the same case'),
});
export type CreateCheckInInput = z.infer<typeof createCheckInSchema>;
export class CreateCheckInDto extends createZodDto(
  createCheckInSchema.meta({ example: { result: 'done', note: 'All 14 new invoices matched the listings.' } }),
) {}

export const safetyNetQuerySchema = z
  .strictObject({
    from: isoDate.optional().describe('First day of the log (YYYY-MM-DD, UTC); default 90 days before `to`'),
    to: isoDate.optional().describe('Last day of the log, included (YYYY-MM-DD, UTC); default today'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be after to', path: ['from'] });
export class SafetyNetQueryDto extends createZodDto(safetyNetQuerySchema) {}

export const safetyNetRenderSchema = z.object({
  status: z.enum(['queued', 'ready', 'failed']),
  error: z.string().nullable(),
});
export class SafetyNetRenderDto extends createZodDto(safetyNetRenderSchema) {}
