import { WEBHOOK_EVENT_TYPES } from '@poa/jobs';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { listQuerySchema } from '../common/pagination';
import { uuidParam } from '../common/schemas';

const url = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .describe(
    'https (or http) URL; private, link-local and reserved targets are always refused, loopback ones (127.0.0.1, ::1, localhost) unless the server runs with WEBHOOK_ALLOW_LOOPBACK=true (local development only, never in production)',
  );
const events = z
  .array(z.enum(WEBHOOK_EVENT_TYPES))
  .min(1)
  .max(WEBHOOK_EVENT_TYPES.length)
  .transform((list) => [...new Set(list)]);

export const createWebhookSchema = z.strictObject({ url, events });
export class CreateWebhookDto extends createZodDto(
  createWebhookSchema.meta({
    example: { url: 'https://crm.example.com/poa-webhooks', events: ['case.created', 'case.status_changed', 'pdf.ready'] },
  }),
) {}
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

export const updateWebhookSchema = z.strictObject({ url: url.optional(), events: events.optional(), enabled: z.boolean().optional() });
export class UpdateWebhookDto extends createZodDto(updateWebhookSchema.meta({ example: { enabled: true } })) {}
export type UpdateWebhookInput = z.infer<typeof updateWebhookSchema>;

export const webhookSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
  enabled: z.boolean(),
  failingSince: z.string().nullable().describe('Since when every attempt failed; after 24 h the endpoint is disabled'),
  disabledReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export class WebhookDto extends createZodDto(webhookSchema) {}
export class WebhookListDto extends createZodDto(z.object({ data: z.array(webhookSchema) })) {}
export class CreatedWebhookDto extends createZodDto(
  webhookSchema.extend({ secret: z.string().describe('whsec_...: signs every delivery (X-PoaDesk-Signature); shown in this answer only') }),
) {}

export const attemptSchema = z.object({
  at: z.string(),
  statusCode: z.number().int().nullable(),
  latencyMs: z.number().int(),
  error: z.string().nullable(),
});

export const deliverySchema = z.object({
  id: z.uuid(),
  webhookId: z.uuid(),
  eventId: z.uuid(),
  eventType: z.string(),
  status: z.enum(['pending', 'succeeded', 'failed']),
  attempts: z.array(attemptSchema),
  nextAttemptAt: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()).describe('The event exactly as POSTed: {id, type, createdAt, tenantId, data}'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export class DeliveryDto extends createZodDto(deliverySchema) {}
export class DeliveryPageDto extends createZodDto(z.object({ data: z.array(deliverySchema), nextCursor: z.string().nullable() })) {}

export class DeliveryListQueryDto extends createZodDto(
  listQuerySchema.extend({ status: z.enum(['pending', 'succeeded', 'failed']).optional() }),
) {}
export class DeliveryParams extends createZodDto(z.strictObject({ id: uuidParam, deliveryId: uuidParam })) {}
export class RedeliveryDto extends createZodDto(z.object({ deliveryId: z.uuid(), queued: z.literal(true) })) {}
