import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import { sql, TenantContext, TenantDb, type TenantTransaction } from '@poa/db';
import { QUEUES, vetWebhookTarget, WebhookTargetError } from '@poa/jobs';
import { randomBytes } from 'node:crypto';
import { seqCursor, toPage } from '../common/pagination';
import { AppError } from '../core/errors';
import { APP_CONFIG } from '../core/tokens';
import { OutboxService } from '../outbox/outbox.service';
import { DELIVERY_COLUMNS, deliveryView, WEBHOOK_COLUMNS, webhookView, type DeliveryRow, type WebhookRow } from './webhook-views';
import type { CreateWebhookInput, UpdateWebhookInput } from './webhooks.schemas';

/** An agency's webhook endpoints and their delivery log. Sending is the worker's (apps/worker/src/webhooks). */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly db: TenantDb,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Refuses private, loopback (unless allowed) and link-local targets, after resolving the host name. */
  private async assertTarget(url: string): Promise<void> {
    try {
      await vetWebhookTarget(url, { allowLoopback: this.config.WEBHOOK_ALLOW_LOOPBACK });
    } catch (error) {
      if (error instanceof WebhookTargetError) throw AppError.validation([{ field: 'url', message: error.message }]);
      throw error;
    }
  }

  async create(input: CreateWebhookInput) {
    await this.assertTarget(input.url);
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    const [row] = await this.db.transaction((tx) =>
      tx.query<WebhookRow>(
        `INSERT INTO webhooks (tenant_id, url, events, secret) VALUES (current_setting('app.tenant_id')::uuid, $1, $2, $3) RETURNING ${WEBHOOK_COLUMNS}`,
        [input.url, input.events, secret],
      ),
    );
    return { ...webhookView(row), secret };
  }

  async list() {
    const rows = await this.db.read<WebhookRow>(sql`SELECT ${sql.raw(WEBHOOK_COLUMNS)} FROM webhooks ORDER BY created_at, id`);
    return { data: rows.map(webhookView), nextCursor: null };
  }

  async get(id: string) {
    const [row] = await this.db.read<WebhookRow>(sql`SELECT ${sql.raw(WEBHOOK_COLUMNS)} FROM webhooks WHERE id = ${id}::uuid`);
    if (!row) throw AppError.notFound('Webhook');
    return webhookView(row);
  }

  async update(id: string, input: UpdateWebhookInput) {
    if (input.url !== undefined) await this.assertTarget(input.url);
    return this.db.transaction(async (tx) => {
      const [before] = await tx.query<WebhookRow>(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks WHERE id = $1 FOR UPDATE`, [id]);
      if (!before) throw AppError.notFound('Webhook');
      const reenabled = input.enabled === true && !before.enabled;
      const [row] = await tx.query<WebhookRow>(
        `UPDATE webhooks SET url = COALESCE($2, url), events = COALESCE($3, events), enabled = COALESCE($4, enabled),
                failing_since = CASE WHEN $5 THEN NULL ELSE failing_since END,
                disabled_reason = CASE WHEN $5 THEN NULL WHEN $4 = false THEN 'disabled by ' || $6 ELSE disabled_reason END,
                updated_at = now()
         WHERE id = $1 RETURNING ${WEBHOOK_COLUMNS}`,
        [id, input.url ?? null, input.events ?? null, input.enabled ?? null, reenabled, TenantContext.require().actor.name],
      );
      // Deliveries that waited while the endpoint was off resume in order, starting with the oldest.
      if (reenabled) await this.resumeQueue(tx, id);
      return webhookView(row);
    });
  }

  private async resumeQueue(tx: TenantTransaction, webhookId: string) {
    const [head] = await tx.query<{ id: string; event_id: string; event_type: string; retry_count: number }>(
      `SELECT id, event_id, event_type, retry_count FROM webhook_deliveries WHERE webhook_id = $1 AND status = 'pending' ORDER BY seq LIMIT 1`,
      [webhookId],
    );
    if (!head) return;
    await tx.query(`UPDATE webhook_deliveries SET next_attempt_at = NULL WHERE id = $1`, [head.id]);
    await this.outbox.add(tx, {
      queue: QUEUES.webhookDelivery,
      payload: { tenantId: tx.tenantId, eventId: head.event_id, type: head.event_type, webhookId, deliveryId: head.id, attempt: head.retry_count },
      repeat: { reason: 'resume' },
    });
  }

  async remove(id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const deleted = await tx.query(`DELETE FROM webhooks WHERE id = $1 RETURNING id`, [id]);
      if (deleted.length === 0) throw AppError.notFound('Webhook');
      await tx.query(`DELETE FROM webhook_deliveries WHERE webhook_id = $1`, [id]);
    });
  }

  /** Newest first, with every attempt. */
  async deliveries(webhookId: string, query: { limit: number; cursor?: string; status?: DeliveryRow['status'] }) {
    await this.get(webhookId);
    const after = seqCursor.decode(query.cursor);
    const rows = await this.db.read<DeliveryRow>(sql`
      SELECT ${sql.raw(DELIVERY_COLUMNS)} FROM webhook_deliveries
      WHERE webhook_id = ${webhookId}::uuid
        AND ${query.status ? sql.raw(sql`status = ${query.status}`) : sql.raw('TRUE')}
        AND ${after ? sql.raw(sql`seq < ${after.sortValue}::bigint`) : sql.raw('TRUE')}
      ORDER BY seq DESC LIMIT ${query.limit + 1}`);
    return toPage(rows, query.limit, deliveryView, (r) => seqCursor.encode(r.seq, r.id));
  }

  /** Queues one attempt now, whatever the delivery's state; automatic retries are not affected. */
  async redeliver(webhookId: string, deliveryId: string) {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ event_id: string; event_type: string; retry_count: number }>(
        `SELECT event_id, event_type, retry_count FROM webhook_deliveries WHERE id = $1 AND webhook_id = $2`,
        [deliveryId, webhookId],
      );
      if (!row) throw AppError.notFound('Delivery');
      await this.outbox.add(tx, {
        queue: QUEUES.webhookDelivery,
        payload: { tenantId: tx.tenantId, eventId: row.event_id, type: row.event_type, webhookId, deliveryId, attempt: row.retry_count, redelivery: true },
        repeat: { reason: 'redeliver' },
      });
      return { deliveryId, queued: true as const };
    });
  }
}
