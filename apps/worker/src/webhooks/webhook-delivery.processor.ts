import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import { TenantDb } from '@poa/db';
import { QUEUES, vetWebhookTarget, type WebhookEventJob } from '@poa/jobs';
import { DelayedError, Job } from 'bullmq';
import { WorkerMetrics } from '../observability/worker-metrics';
import { QueueProcessor } from '../queue-processor';
import { WORKER_CONFIG } from '../tokens';
import { claimDelivery, emailAdminsAboutDisabled, recordAttempt } from './delivery-store';
import { isSuccess, postEvent, signatureHeader, type AttemptResult } from './webhook-sender';

/**
 * Sends webhook deliveries. Order: an endpoint receives its deliveries one at a time, oldest first (by
 * webhook_deliveries.seq, numbered in commit order per case because every event of a case locks the case row):
 * a job whose delivery is not the head of its endpoint's queue does nothing, and settling the head (success,
 * or failure after the last retry) queues the next one. Retries, follow-ups and the disabling email are written
 * to the outbox in the transaction that logs the attempt, so a crash never loses one.
 */
@Injectable()
export class WebhookDeliveryProcessor extends QueueProcessor<typeof QUEUES.webhookDelivery> {
  constructor(
    private readonly db: TenantDb,
    private readonly metrics: WorkerMetrics,
    @Inject(WORKER_CONFIG) config: AppConfig,
  ) {
    super(QUEUES.webhookDelivery, config, { concurrency: 8, lockDuration: config.WEBHOOK_TIMEOUT_MS + 15_000 });
  }

  /** A job never fails for good on an infrastructure error (jobs of this queue have one BullMQ attempt): it waits 5 s and runs again. */
  protected async process(job: Job<WebhookEventJob>, token?: string): Promise<{ status: string }> {
    try {
      return await this.attempt(job, token);
    } catch (error) {
      if (error instanceof DelayedError) throw error;
      this.logger.warn(`Webhook delivery ${job.data.deliveryId} postponed: ${(error as Error).message}`);
      await job.moveToDelayed(Date.now() + 5000, token);
      throw new DelayedError();
    }
  }

  private async attempt(job: Job<WebhookEventJob>, token?: string): Promise<{ status: string }> {
    const data = job.data;
    const claim = await this.db.transaction((tx) => claimDelivery(tx, data, this.config), { tenantId: data.tenantId });
    if (claim.kind === 'skip') return { status: claim.reason };
    if (claim.kind === 'later') {
      await job.moveToDelayed(claim.at.getTime() + 10, token);
      throw new DelayedError();
    }

    const result = await this.send(claim.delivery.url, claim.delivery.secret, claim.delivery.payload, data);
    const success = isSuccess(result);
    const settled = await this.db.transaction(
      async (tx) => {
        const settlement = await recordAttempt(tx, data, result, success, this.config);
        if (settlement.disabled) await emailAdminsAboutDisabled(tx, data.webhookId, settlement.disabled);
        return settlement;
      },
      { tenantId: data.tenantId },
    );
    if (settled.disabled) this.metrics.endpointDisabled();
    if (settled.disabled)
      this.logger.warn(`Webhook ${data.webhookId} disabled after failing since ${settled.disabled.failingSince.toISOString()}`);
    return { status: success ? 'delivered' : `failed (${result.error ?? `HTTP ${result.statusCode}`}), ${settled.status}` };
  }

  /** Vets the target again (DNS may have changed since it was registered) and POSTs to the vetted address only. */
  private async send(url: string, secret: string, payload: Record<string, unknown>, data: WebhookEventJob): Promise<AttemptResult> {
    let target;
    try {
      target = await vetWebhookTarget(url, { allowLoopback: this.config.WEBHOOK_ALLOW_LOOPBACK });
    } catch (error) {
      return { statusCode: null, latencyMs: 0, error: `refused: ${(error as Error).message}` };
    }
    const rawBody = JSON.stringify(payload);
    return postEvent(
      target,
      rawBody,
      { 'X-PoaDesk-Signature': signatureHeader(secret, rawBody), 'X-PoaDesk-Event': data.type, 'X-PoaDesk-Delivery': data.deliveryId },
      this.config.WEBHOOK_TIMEOUT_MS,
    );
  }
}
