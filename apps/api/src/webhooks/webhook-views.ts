import { iso } from '../common/pagination';
import type { DeliveryRow, WebhookRow } from './webhooks.repository';

export const webhookView = (r: WebhookRow) => ({
  id: r.id,
  url: r.url,
  events: r.events,
  enabled: r.enabled,
  failingSince: iso(r.failing_since),
  disabledReason: r.disabled_reason,
  createdAt: iso(r.created_at)!,
  updatedAt: iso(r.updated_at)!,
});

export const deliveryView = (r: DeliveryRow) => ({
  id: r.id,
  webhookId: r.webhook_id,
  eventId: r.event_id,
  eventType: r.event_type,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.status === 'pending' ? iso(r.next_attempt_at) : null,
  payload: r.payload,
  createdAt: iso(r.created_at)!,
  updatedAt: iso(r.updated_at)!,
});
