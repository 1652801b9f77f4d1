import type { WebhookEventType } from '@poa/jobs';
import { iso } from '../common/pagination';

export interface WebhookRow {
  id: string;
  url: string;
  events: WebhookEventType[];
  enabled: boolean;
  failing_since: Date | null;
  disabled_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

export const WEBHOOK_COLUMNS = 'id, url, events, enabled, failing_since, disabled_reason, created_at, updated_at';

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

export interface DeliveryRow {
  id: string;
  seq: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: { at: string; statusCode: number | null; latencyMs: number; error: string | null }[];
  next_attempt_at: Date | null;
  payload: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
}

export const DELIVERY_COLUMNS = 'id, seq, webhook_id, event_id, event_type, status, attempts, next_attempt_at, payload, created_at, updated_at';

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
