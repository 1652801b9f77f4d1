import type { AppConfig } from '@poa/config';
import { columnsOf, User, Webhook, WebhookDelivery, type RowOf, type TenantTransaction } from '@poa/db';
import { enqueue, QUEUES, queueOldestPending, type OutboxJob, type WebhookEventJob } from '@poa/jobs';
import { retryDelayMs, type AttemptResult } from './webhook-sender';

const DELIVERY = columnsOf(WebhookDelivery, ['id', 'webhookId', 'status', 'retryCount', 'nextAttemptAt', 'leaseUntil', 'payload']);
const TARGET = columnsOf(Webhook, ['url', 'secret', 'enabled']);
type DeliveryState = typeof DELIVERY.$row & typeof TARGET.$row & { older_pending: boolean; now: Date };

const BEFORE = columnsOf(WebhookDelivery, ['status', 'retryCount']);
const HOOK = columnsOf(Webhook, ['url', 'enabled', 'failingSince']);
const ADMIN = columnsOf(User, ['id', 'email']);

export type ClaimedDelivery = Pick<DeliveryState, 'id' | 'url' | 'secret' | 'payload'>;

export type Claim = { kind: 'claimed'; delivery: ClaimedDelivery } | { kind: 'skip'; reason: string } | { kind: 'later'; at: Date };

/** Longer than the request timeout: only a worker that died mid-attempt loses its lease. */
const leaseMs = (config: AppConfig) => config.WEBHOOK_TIMEOUT_MS + 20_000;

/**
 * Decides, with the delivery row locked, whether this job sends now. A regular job sends only the oldest
 * pending delivery of its endpoint (the head of the queue), only the attempt it was scheduled for, and only
 * when it is due; a redelivery only waits for a lease. Claiming sets a lease so no two workers send at once.
 */
export async function claimDelivery(tx: TenantTransaction, job: WebhookEventJob, config: AppConfig): Promise<Claim> {
  const [d] = await tx.query<DeliveryState>(
    `SELECT ${DELIVERY.as('d')}, ${TARGET.as('w')}, clock_timestamp() AS now,
            EXISTS (SELECT 1 FROM webhook_deliveries o WHERE o.webhook_id = d.webhook_id AND o.status = 'pending' AND o.seq < d.seq) AS older_pending
     FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id WHERE d.id = $1 FOR UPDATE OF d`,
    [job.deliveryId],
  );
  if (!d) return { kind: 'skip', reason: 'gone' };
  if (d.lease_until && d.lease_until > d.now) return { kind: 'later', at: d.lease_until };
  if (!job.redelivery) {
    if (d.status !== 'pending') return { kind: 'skip', reason: d.status };
    if (d.retry_count !== job.attempt) return { kind: 'skip', reason: 'stale' };
    if (!d.enabled) return { kind: 'skip', reason: 'endpoint disabled' };
    // Waits behind an older delivery to the same endpoint; that one's completion queues this one.
    if (d.older_pending) return { kind: 'skip', reason: 'waiting behind an older delivery' };
    if (d.next_attempt_at && d.next_attempt_at > d.now) return { kind: 'later', at: d.next_attempt_at };
  }
  await tx.query(`UPDATE webhook_deliveries SET lease_until = clock_timestamp() + $2 * interval '1 millisecond' WHERE id = $1`, [
    d.id,
    leaseMs(config),
  ]);
  return { kind: 'claimed', delivery: { id: d.id, url: d.url, secret: d.secret, payload: d.payload } };
}

export interface Settlement {
  status: RowOf<WebhookDelivery>['status'];
  disabled: { url: string; failingSince: Date } | null;
}

/**
 * Logs the attempt and decides what follows, in one transaction with the follow-up jobs (outbox): the next retry
 * (exponential backoff), or, once this delivery is settled, the next delivery of the endpoint. An endpoint
 * failing without a success for WEBHOOK_DISABLE_AFTER_MS is disabled and its waiting deliveries fail.
 */
export async function recordAttempt(
  tx: TenantTransaction,
  job: WebhookEventJob,
  result: AttemptResult,
  success: boolean,
  config: AppConfig,
): Promise<Settlement> {
  const attempt = { at: new Date().toISOString(), statusCode: result.statusCode, latencyMs: result.latencyMs, error: result.error };
  const [before] = await tx.query<typeof BEFORE.$row & { attempts_count: number }>(
    `SELECT ${BEFORE.columns}, jsonb_array_length(attempts) AS attempts_count FROM webhook_deliveries WHERE id = $1 FOR UPDATE`,
    [job.deliveryId],
  );
  if (!before) return { status: 'failed', disabled: null };
  const [hook] = await tx.query<typeof HOOK.$row & { overdue: boolean }>(
    `UPDATE webhooks SET failing_since = CASE WHEN $2 THEN NULL ELSE COALESCE(failing_since, now()) END WHERE id = $1
     RETURNING ${HOOK.columns}, (failing_since <= now() - $3 * interval '1 millisecond') AS overdue`,
    [job.webhookId, success, config.WEBHOOK_DISABLE_AFTER_MS],
  );
  const scheduled = !job.redelivery && before.status === 'pending';
  const retries = before.retry_count + (scheduled ? 1 : 0);
  let status: Settlement['status'] = success ? 'succeeded' : before.status;
  let nextAttemptAt: Date | null = null;
  if (!success && scheduled) {
    if (retries >= config.WEBHOOK_MAX_ATTEMPTS) status = 'failed';
    else nextAttemptAt = new Date(Date.now() + retryDelayMs(retries, config.WEBHOOK_RETRY_BASE_MS, config.WEBHOOK_RETRY_MAX_MS));
  }
  await tx.query(
    `UPDATE webhook_deliveries SET status = $2, retry_count = $3, next_attempt_at = CASE WHEN $6 THEN $4 ELSE next_attempt_at END, lease_until = NULL,
            attempts = attempts || $5::jsonb, updated_at = now() WHERE id = $1`,
    [job.deliveryId, status, retries, nextAttemptAt, JSON.stringify([attempt]), scheduled],
  );

  let disabled: Settlement['disabled'] = null;
  if (!success && hook?.enabled && hook.overdue && hook.failing_since) {
    disabled = { url: hook.url, failingSince: hook.failing_since };
    await tx.query(`UPDATE webhooks SET enabled = false, disabled_reason = $2, updated_at = now() WHERE id = $1`, [
      job.webhookId,
      `Every delivery failed since ${hook.failing_since.toISOString()}; last error: ${result.error ?? `HTTP ${result.statusCode}`}`.slice(
        0,
        500,
      ),
    ]);
    await tx.query(
      `UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL, updated_at = now() WHERE webhook_id = $1 AND status = 'pending'`,
      [job.webhookId],
    );
    return { status: 'failed', disabled };
  }
  if (nextAttemptAt) {
    await enqueue(tx, {
      queue: QUEUES.webhookDelivery,
      payload: { ...job, attempt: retries, redelivery: undefined },
      repeat: { reason: 'retry', retries },
    });
  } else if (before.status === 'pending' && status !== 'pending') {
    await queueOldestPending(tx, job.webhookId, { reason: 'next', after: job.deliveryId, attempts: before.attempts_count + 1 });
  }
  return { status, disabled };
}

/** Emails the agency's owners and admins (through the outbox, so the email commits with the decision). */
export async function emailAdminsAboutDisabled(
  tx: TenantTransaction,
  webhookId: string,
  disabled: NonNullable<Settlement['disabled']>,
): Promise<number> {
  const admins = await tx.query<typeof ADMIN.$row>(
    `SELECT ${ADMIN.columns} FROM users WHERE role IN ('owner', 'admin') AND status = 'active'`,
  );
  await enqueue(
    tx,
    admins.map((admin): OutboxJob => ({
      queue: QUEUES.email,
      payload: {
        tenantId: tx.tenantId,
        to: admin.email,
        subject: 'A POA Desk webhook endpoint was disabled',
        text:
          `Deliveries to ${disabled.url} have failed since ${disabled.failingSince.toISOString()}, so the endpoint was disabled.\n` +
          `Fix the receiver, then enable it again (PATCH /api/v1/webhooks/${webhookId} {"enabled": true}) and redeliver the events you need ` +
          `(GET /api/v1/webhooks/${webhookId}/deliveries).`,
      },
      occasion: { kind: 'webhook-disabled', webhookId, failingSince: disabled.failingSince, userId: admin.id },
    })),
  );
  return admins.length;
}
