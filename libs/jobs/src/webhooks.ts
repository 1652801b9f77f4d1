import { Case, columnsOf, WebhookDelivery, type RowOf, type Webhook } from '@poa/db';
import { randomUUID } from 'node:crypto';
import type { WebhookDeliveryRepeat } from './job-ids';
import { enqueue, type WriteTx } from './outbox';
import { QUEUES } from './payloads';

/**
 * Webhook events: the public contract of what an agency's endpoint receives, and the fan-out that writes one
 * delivery (a webhook_deliveries row and its outbox job) per matching enabled endpoint inside the transaction
 * of the change itself. Shared by the API and the worker (which emits pdf.ready).
 */
export const WEBHOOK_EVENT_TYPES = [
  'case.created',
  'case.status_changed',
  'draft.created',
  'case.approved',
  'pdf.ready',
  'comment.created',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/**
 * The event "Send test event" queues for one endpoint, whatever it subscribes to: signed, logged and retried like
 * any other delivery, so a receiver can be checked before a real event depends on it.
 */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

export interface WebhookEvent<D = Record<string, unknown>> {
  id: string;
  type: WebhookEventType | typeof WEBHOOK_TEST_EVENT;
  createdAt: string;
  tenantId: string;
  data: D;
}

const CASE = columnsOf(Case, [
  'id',
  'reference',
  'title',
  'status',
  'round',
  'clientId',
  'externalId',
  'violationType',
  'marketplace',
  'dueAt',
]);
type CaseRow = typeof CASE.$row;

/** The small public view of a case every event carries. */
const caseView = (r: CaseRow) => ({
  id: r.id,
  reference: r.reference,
  title: r.title,
  status: r.status,
  round: r.round,
  clientId: r.client_id,
  externalId: r.external_id,
  violationType: r.violation_type,
  marketplace: r.marketplace,
  dueAt: new Date(r.due_at).toISOString(),
});

/**
 * Records an event of a case for every enabled endpoint of the tenant subscribed to its type. Call it inside
 * the transaction of the change. It locks the case row (already locked by the API's write paths; the worker's
 * pdf.ready takes it here) so the deliveries of one case are numbered in the order their transactions commit.
 * Returns the event, or null when no endpoint listens.
 */
export async function emitWebhookEvent(
  tx: WriteTx,
  type: WebhookEventType,
  caseId: string,
  data: Record<string, unknown> = {},
): Promise<WebhookEvent | null> {
  const hooks = await tx.query<Pick<RowOf<Webhook>, 'id'>>(
    `SELECT id FROM webhooks WHERE enabled AND $1 = ANY(events) ORDER BY created_at, id`,
    [type],
  );
  if (hooks.length === 0) return null;
  const [row] = await tx.query<CaseRow>(`SELECT ${CASE.columns} FROM cases WHERE id = $1 FOR UPDATE`, [caseId]);
  if (!row) return null;
  const event: WebhookEvent = {
    id: randomUUID(),
    type,
    createdAt: new Date().toISOString(),
    tenantId: tx.tenantId,
    data: { case: caseView(row), ...data },
  };
  const deliveries = await tx.query<Pick<RowOf<WebhookDelivery>, 'id' | 'webhook_id'>>(
    `INSERT INTO webhook_deliveries (tenant_id, webhook_id, event_id, event_type, payload)
     SELECT current_setting('app.tenant_id')::uuid, h.id, $2, $3, $4 FROM unnest($1::uuid[]) WITH ORDINALITY AS h(id, n) ORDER BY h.n
     RETURNING id, webhook_id`,
    [hooks.map((h) => h.id), event.id, type, JSON.stringify(event)],
  );
  await enqueue(
    tx,
    deliveries.map((d) => ({
      queue: QUEUES.webhookDelivery,
      payload: { tenantId: tx.tenantId, eventId: event.id, type, webhookId: d.webhook_id, deliveryId: d.id, attempt: 0 },
    })),
  );
  return event;
}

/** The body of a test event for an endpoint: no case, only the endpoint it was sent to. */
export function webhookTestEvent(tenantId: string, webhook: { id: string; url: string }): WebhookEvent {
  return {
    id: randomUUID(),
    type: WEBHOOK_TEST_EVENT,
    createdAt: new Date().toISOString(),
    tenantId,
    data: { webhook: { id: webhook.id, url: webhook.url }, message: 'A test event sent from POA Desk. No case changed.' },
  };
}

const QUEUED = columnsOf(WebhookDelivery, ['id', 'eventId', 'eventType', 'retryCount']);

/**
 * Queues the oldest pending delivery of an endpoint (the head of its queue): the next in line once one is settled
 * (`next`, by the worker), or the first waiting one when a disabled endpoint is enabled again (`resume`, by the API),
 * which also makes it due now.
 */
export async function queueOldestPending(
  tx: WriteTx,
  webhookId: string,
  repeat: Extract<WebhookDeliveryRepeat, { reason: 'next' | 'resume' }>,
): Promise<void> {
  const [head] = await tx.query<typeof QUEUED.$row>(
    `SELECT ${QUEUED.columns} FROM webhook_deliveries WHERE webhook_id = $1 AND status = 'pending' ORDER BY seq LIMIT 1`,
    [webhookId],
  );
  if (!head) return;
  if (repeat.reason === 'resume') await tx.query(`UPDATE webhook_deliveries SET next_attempt_at = NULL WHERE id = $1`, [head.id]);
  await enqueue(tx, {
    queue: QUEUES.webhookDelivery,
    payload: {
      tenantId: tx.tenantId,
      eventId: head.event_id,
      type: head.event_type,
      webhookId,
      deliveryId: head.id,
      attempt: head.retry_count,
    },
    repeat,
  });
}
