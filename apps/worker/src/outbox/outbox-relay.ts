import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import { TenantDb } from '@poa/db';
import { QUEUES, type QueueName } from '@poa/jobs';
import { Queue, type JobsOptions } from 'bullmq';
import Redis from 'ioredis';
import { WorkerMetrics } from '../metrics';
import { WORKER_CONFIG } from '../tokens';

/** Retries and retention per queue. Completed jobs are kept a day so a re-relayed job id is still recognised. */
export const JOB_OPTIONS: Record<QueueName, JobsOptions> = {
  [QUEUES.pdfRender]: { attempts: 4, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: { age: 86400 }, removeOnFail: { age: 7 * 86400 } },
  [QUEUES.webhookDelivery]: { attempts: 1, removeOnComplete: { age: 86400 }, removeOnFail: { age: 7 * 86400 } },
  [QUEUES.email]: { attempts: 6, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: { age: 86400 }, removeOnFail: { age: 7 * 86400 } },
};

interface OutboxRow {
  id: string;
  topic: QueueName;
  job_id: string;
  payload: Record<string, unknown>;
}

/**
 * Moves committed outbox rows to BullMQ. Rows are claimed with FOR UPDATE SKIP LOCKED (several workers never
 * take the same row) and marked only after Redis accepted the job; if Redis is down the transaction rolls back
 * and the rows wait. Job ids come from the row, so a row relayed twice still runs once.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly connection: Redis;
  private readonly queues = new Map<QueueName, Queue>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private running: Promise<void> | null = null;
  private lastError: string | null = null;

  constructor(
    private readonly db: TenantDb,
    @Inject(WORKER_CONFIG) private readonly config: AppConfig,
    private readonly metrics: WorkerMetrics,
  ) {
    // Fail fast while Redis is down instead of buffering: the rows stay in PostgreSQL, which is the point.
    this.connection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: (n) => Math.min(n * 200, 2000) });
    this.connection.on('error', () => undefined);
  }

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.connection.disconnect();
  }

  private queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.config.QUEUE_PREFIX });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => (this.running = null));
    }, delayMs);
  }

  private async tick(): Promise<void> {
    let relayed = 0;
    try {
      relayed = await this.relayOnce();
      if (this.lastError) this.logger.log('Outbox relay recovered');
      this.lastError = null;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (message !== this.lastError) this.logger.warn(`Outbox relay waiting: ${message}`);
      this.lastError = message;
    }
    // Drain quickly while there is a backlog; otherwise poll.
    this.schedule(relayed === 100 ? 0 : this.config.OUTBOX_POLL_MS);
  }

  /** One batch; returns how many rows were handed to BullMQ. */
  async relayOnce(batch = 100): Promise<number> {
    return this.db.systemTransaction({ 'app.outbox_relay': 'on' }, async (tx) => {
      const rows = await tx.query<OutboxRow>(
        `SELECT id, topic, job_id, payload FROM outbox WHERE dispatched_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batch],
      );
      if (rows.length === 0) return 0;
      for (const row of rows) {
        await this.queue(row.topic).add(row.topic, row.payload, { jobId: row.job_id, ...JOB_OPTIONS[row.topic] });
      }
      await tx.query(`UPDATE outbox SET dispatched_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
      this.metrics.outboxRelayed += rows.length;
      return rows.length;
    });
  }

  async queueDepths(): Promise<Record<string, number>> {
    const depths: Record<string, number> = {};
    for (const name of Object.values(QUEUES)) {
      try {
        const counts = await this.queue(name).getJobCounts('waiting', 'active', 'delayed');
        depths[name] = (counts.waiting ?? 0) + (counts.active ?? 0) + (counts.delayed ?? 0);
      } catch {
        depths[name] = -1;
      }
    }
    return depths;
  }
}
