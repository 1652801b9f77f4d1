import type { Schemas } from '@poa/sdk';

export type Webhook = Schemas['WebhookDto_Output'];
export type WebhookEvent = Schemas['CreateWebhookDto']['events'][number];
export type Delivery = Schemas['DeliveryPageDto_Output']['data'][number];

/** Every event an endpoint can subscribe to (the Record makes the compiler notice a new one). */
export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  'case.created': 'A case is opened',
  'case.status_changed': 'A case changes status',
  'draft.created': 'A draft version is saved',
  'case.approved': 'The client approves',
  'pdf.ready': 'The final PDF is ready',
  'comment.created': 'A comment is posted',
};

export const WEBHOOK_EVENTS = Object.keys(WEBHOOK_EVENT_LABELS) as WebhookEvent[];

/** One word for the state of an endpoint, for its pill. */
export function webhookState(webhook: Pick<Webhook, 'enabled' | 'failingSince'>): 'disabled' | 'failing' | 'active' {
  if (!webhook.enabled) return 'disabled';
  return webhook.failingSince ? 'failing' : 'active';
}

/** "200 in 35 ms", "timeout after 10000 ms"... for one delivery attempt. */
export function describeAttempt(attempt: Delivery['attempts'][number]): string {
  const outcome = attempt.statusCode !== null ? `HTTP ${attempt.statusCode}` : 'no answer';
  return `${outcome} in ${attempt.latencyMs} ms${attempt.error ? ` · ${attempt.error}` : ''}`;
}
