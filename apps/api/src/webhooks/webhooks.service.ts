import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import { TenantContext, TenantDb } from '@poa/db';
import { QUEUES, queueOldestPending, vetWebhookTarget, webhookTestEvent, WebhookTargetError } from '@poa/jobs';
import { randomBytes } from 'node:crypto';
import { seqCursor, toPage } from '../common/pagination';
import { AppError } from '../core/errors';
import { APP_CONFIG } from '../core/tokens';
import { OutboxService } from '../outbox/outbox.service';
import { deliveryView, webhookView } from './webhook-views';
import { WebhooksRepository, type DeliveryRow } from './webhooks.repository';
import type { CreateWebhookInput, UpdateWebhookInput } from './webhooks.schemas';

/** An agency's webhook endpoints and their delivery log. Sending is the worker's (apps/worker/src/webhooks). */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly db: TenantDb,
    private readonly webhooks: WebhooksRepository,
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
    const row = await this.db.transaction((tx) => this.webhooks.insert(tx, { url: input.url, events: input.events, secret }));
    return { ...webhookView(row), secret };
  }

  async list() {
    const rows = await this.webhooks.list();
    return { data: rows.map(webhookView), nextCursor: null };
  }

  async get(id: string) {
    const row = await this.webhooks.get(id);
    if (!row) throw AppError.notFound('Webhook');
    return webhookView(row);
  }

  async update(id: string, input: UpdateWebhookInput) {
    if (input.url !== undefined) await this.assertTarget(input.url);
    return this.db.transaction(async (tx) => {
      const before = await this.webhooks.lock(tx, id);
      if (!before) throw AppError.notFound('Webhook');
      const reenabled = input.enabled === true && !before.enabled;
      const row = await this.webhooks.update(tx, id, {
        url: input.url,
        events: input.events,
        enabled: input.enabled,
        reenabled,
        actorName: TenantContext.require().actor.name,
      });
      // Deliveries that waited while the endpoint was off resume in order, starting with the oldest.
      if (reenabled) await queueOldestPending(tx, id, { reason: 'resume' });
      return webhookView(row);
    });
  }

  async remove(id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      if (!(await this.webhooks.delete(tx, id))) throw AppError.notFound('Webhook');
    });
  }

  /** Newest first, with every attempt. */
  async deliveries(webhookId: string, query: { limit: number; cursor?: string; status?: DeliveryRow['status'] }) {
    await this.get(webhookId);
    const after = seqCursor.decode(query.cursor);
    const rows = await this.webhooks.deliveries(webhookId, { limit: query.limit + 1, status: query.status, beforeSeq: after?.sortValue });
    return toPage(rows, query.limit, deliveryView, (r) => seqCursor.encode(r.seq, r.id));
  }

  /** Queues one attempt now, whatever the delivery's state; automatic retries are not affected. */
  async redeliver(webhookId: string, deliveryId: string) {
    return this.db.transaction(async (tx) => {
      const row = await this.webhooks.deliveryToResend(tx, webhookId, deliveryId);
      if (!row) throw AppError.notFound('Delivery');
      await this.outbox.add(tx, {
        queue: QUEUES.webhookDelivery,
        payload: {
          tenantId: tx.tenantId,
          eventId: row.event_id,
          type: row.event_type,
          webhookId,
          deliveryId,
          attempt: row.retry_count,
          redelivery: true,
        },
        repeat: { reason: 'redeliver' },
      });
      return { deliveryId, queued: true as const };
    });
  }

  /**
   * Queues a signed `webhook.test` event to this endpoint alone, through the usual delivery path (its queue, signature,
   * retries and log). A disabled endpoint is refused: its deliveries wait until it is enabled again.
   */
  async sendTest(webhookId: string) {
    return this.db.transaction(async (tx) => {
      const hook = await this.webhooks.lock(tx, webhookId);
      if (!hook) throw AppError.notFound('Webhook');
      if (!hook.enabled) throw new AppError('CONFLICT', 'The endpoint is disabled: enable it to send a test event');
      const event = webhookTestEvent(tx.tenantId, hook);
      const row = await this.webhooks.insertDelivery(tx, webhookId, { id: event.id, type: event.type, payload: { ...event } });
      await this.outbox.add(tx, {
        queue: QUEUES.webhookDelivery,
        payload: { tenantId: tx.tenantId, eventId: event.id, type: event.type, webhookId, deliveryId: row.id, attempt: 0 },
      });
      return deliveryView(row);
    });
  }
}
