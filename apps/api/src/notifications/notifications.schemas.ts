import { NOTIFICATION_KINDS } from '@poa/domain';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { listQuerySchema, pageSchema } from '../common/pagination';

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  caseId: z.uuid().nullable(),
  title: z.string(),
  body: z.string(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export class NotificationDto extends createZodDto(notificationSchema) {}
export class NotificationPageDto extends createZodDto(
  pageSchema(notificationSchema).extend({ unreadCount: z.number().int().describe('Unread notifications of the user, all pages') }),
) {}
export class NotificationListQueryDto extends createZodDto(listQuerySchema) {}

const emailByKind = z.strictObject(
  Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, z.boolean().optional()])) as Record<
    (typeof NOTIFICATION_KINDS)[number],
    z.ZodOptional<z.ZodBoolean>
  >,
);

export const preferencesSchema = z.strictObject({
  email: emailByKind.describe('E-mail per notification kind; a kind left out keeps its setting (on until turned off)'),
});
export type PreferencesInput = z.infer<typeof preferencesSchema>;
export class PreferencesInputDto extends createZodDto(
  preferencesSchema.meta({ example: { email: { due_soon: true, overdue: true, escalate: false } } }),
) {}

export const preferencesViewSchema = z.object({
  email: z.object(
    Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, z.boolean()])) as Record<(typeof NOTIFICATION_KINDS)[number], z.ZodBoolean>,
  ),
});
export class PreferencesDto extends createZodDto(preferencesViewSchema) {}
