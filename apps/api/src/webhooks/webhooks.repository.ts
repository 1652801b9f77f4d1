import { Injectable } from '@nestjs/common';
import { columnsOf, sql, TenantDb, Webhook, WebhookDelivery, type TenantTransaction } from '@poa/db';
import type { WebhookEventType } from '@poa/jobs';

const WEBHOOK = columnsOf(Webhook, ['id', 'url', 'events', 'enabled', 'failingSince', 'disabledReason', 'createdAt', 'updatedAt']);
/** `events` holds only event types: the API checks them on every write. */
export type WebhookRow = Omit<typeof WEBHOOK.$row, 'events'> & { events: WebhookEventType[] };

const DELIVERY = columnsOf(WebhookDelivery, [
  'id',
  'seq',
  'webhookId',
  'eventId',
  'eventType',
  'status',
  'attempts',
  'nextAttemptAt',
  'payload',
  'createdAt',
  'updatedAt',
]);
export type DeliveryRow = typeof DELIVERY.$row;

const REDELIVERY = columnsOf(WebhookDelivery, ['eventId', 'eventType', 'retryCount']);

/** An agency's webhook endpoints and their delivery log. */
@Injectable()
export class WebhooksRepository {
  constructor(private readonly db: TenantDb) {}

  async insert(tx: TenantTransaction, input: { url: string; events: string[]; secret: string }): Promise<WebhookRow> {
    const [row] = await tx.query<WebhookRow>(
      `INSERT INTO webhooks (tenant_id, url, events, secret) VALUES (current_setting('app.tenant_id')::uuid, $1, $2, $3) RETURNING ${WEBHOOK.columns}`,
      [input.url, input.events, input.secret],
    );
    return row;
  }

  list(): Promise<WebhookRow[]> {
    return this.db.read<WebhookRow>(sql`SELECT ${sql.raw(WEBHOOK.columns)} FROM webhooks ORDER BY created_at, id`);
  }

  async get(id: string): Promise<WebhookRow | undefined> {
    const [row] = await this.db.read<WebhookRow>(sql`SELECT ${sql.raw(WEBHOOK.columns)} FROM webhooks WHERE id = ${id}::uuid`);
    return row;
  }

  async lock(tx: TenantTransaction, id: string): Promise<WebhookRow | undefined> {
    const [row] = await tx.query<WebhookRow>(`SELECT ${WEBHOOK.columns} FROM webhooks WHERE id = $1 FOR UPDATE`, [id]);
    return row;
  }

  /**
   * Changes the fields given. Enabling again (`reenabled`) clears the failure record; disabling by hand records
   * who did it (`actorName`).
   */
  async update(
    tx: TenantTransaction,
    id: string,
    change: { url?: string; events?: string[]; enabled?: boolean; reenabled: boolean; actorName: string },
  ): Promise<WebhookRow> {
    const [row] = await tx.query<WebhookRow>(
      `UPDATE webhooks SET url = COALESCE($2, url), events = COALESCE($3, events), enabled = COALESCE($4, enabled),
              failing_since = CASE WHEN $5 THEN NULL ELSE failing_since END,
              disabled_reason = CASE WHEN $5 THEN NULL WHEN $4 = false THEN 'disabled by ' || $6 ELSE disabled_reason END,
              updated_at = now()
       WHERE id = $1 RETURNING ${WEBHOOK.columns}`,
      [id, change.url ?? null, change.events ?? null, change.enabled ?? null, change.reenabled, change.actorName],
    );
    return row;
  }

  /** Deletes the endpoint and its delivery log; false when it does not exist. */
  async delete(tx: TenantTransaction, id: string): Promise<boolean> {
    const deleted = await tx.query(`DELETE FROM webhooks WHERE id = $1 RETURNING id`, [id]);
    if (deleted.length === 0) return false;
    await tx.query(`DELETE FROM webhook_deliveries WHERE webhook_id = $1`, [id]);
    return true;
  }

  /** Newest first (seq descending), after the cursor's seq. */
  deliveries(webhookId: string, query: { limit: number; status?: DeliveryRow['status']; beforeSeq?: string }): Promise<DeliveryRow[]> {
    return this.db.read<DeliveryRow>(sql`
      SELECT ${sql.raw(DELIVERY.columns)} FROM webhook_deliveries
      WHERE webhook_id = ${webhookId}::uuid
        AND ${query.status ? sql.raw(sql`status = ${query.status}`) : sql.raw('TRUE')}
        AND ${query.beforeSeq !== undefined ? sql.raw(sql`seq < ${query.beforeSeq}::bigint`) : sql.raw('TRUE')}
      ORDER BY seq DESC LIMIT ${query.limit}`);
  }

  /** A delivery of an event to this endpoint alone, pending: the end of its queue. */
  async insertDelivery(
    tx: TenantTransaction,
    webhookId: string,
    event: { id: string; type: string; payload: Record<string, unknown> },
  ): Promise<DeliveryRow> {
    const [row] = await tx.query<DeliveryRow>(
      `INSERT INTO webhook_deliveries (tenant_id, webhook_id, event_id, event_type, payload)
       VALUES (current_setting('app.tenant_id')::uuid, $1, $2, $3, $4) RETURNING ${DELIVERY.columns}`,
      [webhookId, event.id, event.type, JSON.stringify(event.payload)],
    );
    return row;
  }

  async deliveryToResend(tx: TenantTransaction, webhookId: string, deliveryId: string): Promise<typeof REDELIVERY.$row | undefined> {
    const [row] = await tx.query<typeof REDELIVERY.$row>(
      `SELECT ${REDELIVERY.columns} FROM webhook_deliveries WHERE id = $1 AND webhook_id = $2`,
      [deliveryId, webhookId],
    );
    return row;
  }
}
