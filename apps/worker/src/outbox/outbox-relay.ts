import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import { QUEUES, type QueueName } from '@poa/jobs';
import { contextFromTraceparent, currentTraceparent, inSpan, SpanKind, TENANT_ATTRIBUTE } from '@poa/telemetry';
import type { JobsOptions } from 'bullmq';
import { WorkerMetrics } from '../observability/worker-metrics';
import { WORKER_CONFIG } from '../tokens';
import { OutboxQueues } from './outbox-queues';
import { OutboxRepository } from './outbox.repository';
import { PollLoop } from './poll-loop';

/** Retries and retention per queue. Completed jobs are kept a day so a re-relayed job id is still recognised. */
export const JOB_OPTIONS: Record<QueueName, JobsOptions> = {
  [QUEUES.pdfRender]: {
    attempts: 4,
    backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: { age: 86400 },
    removeOnFail: { age: 7 * 86400 },
  },
  [QUEUES.webhookDelivery]: { attempts: 1, removeOnComplete: { age: 86400 }, removeOnFail: { age: 7 * 86400 } },
  [QUEUES.email]: {
    attempts: 6,
    backoff: { type: 'exponential', delay: 5000 },
    removeOnComplete: { age: 86400 },
    removeOnFail: { age: 7 * 86400 },
  },
  [QUEUES.tenantExport]: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 10_000 },
    removeOnComplete: { age: 86400 },
    removeOnFail: { age: 7 * 86400 },
  },
  [QUEUES.safetyNetRender]: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: { age: 86400 },
    removeOnFail: { age: 7 * 86400 },
  },
};

/**
 * Moves committed outbox rows to BullMQ. Rows are claimed with FOR UPDATE SKIP LOCKED (several workers never
 * take the same row) and marked only after Redis accepted the job; if Redis is down the transaction rolls back
 * and the rows wait. Job ids come from the row, so a row relayed twice still runs once.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly queues: OutboxQueues;
  // Drain quickly while there is a backlog; otherwise poll.
  private readonly loop = new PollLoop(
    'Outbox relay',
    new Logger(OutboxRelay.name),
    () => this.relayOnce(),
    (relayed) => (relayed === 100 ? 0 : this.config.OUTBOX_POLL_MS),
  );

  constructor(
    private readonly outbox: OutboxRepository,
    @Inject(WORKER_CONFIG) private readonly config: AppConfig,
    private readonly metrics: WorkerMetrics,
  ) {
    this.queues = new OutboxQueues(config);
  }

  onApplicationBootstrap(): void {
    this.loop.start(0);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
    await this.queues.close();
  }

  /** One batch; returns how many rows were handed to BullMQ. */
  async relayOnce(batch = 100): Promise<number> {
    // Before claiming rows: with Redis down, a queue not yet initialised would wait for it inside the transaction.
    this.queues.assertConnected();
    return this.outbox.transaction(async (tx) => {
      const rows = await this.outbox.undispatched(tx, batch);
      if (rows.length === 0) return 0;
      for (const row of rows) {
        // A span in the trace of the change that wrote the row; the job carries it on (BullMQ's telemetry metadata).
        const attributes = {
          'messaging.destination.name': row.topic,
          'messaging.message.id': row.job_id,
          [TENANT_ATTRIBUTE]: row.payload.tenantId as string,
        };
        await inSpan(
          `${row.topic} publish`,
          { kind: SpanKind.PRODUCER, attributes, parent: contextFromTraceparent(row.traceparent) },
          () => {
            const metadata = currentTraceparent() ?? row.traceparent;
            return this.queues.get(row.topic).add(row.topic, row.payload, {
              jobId: row.job_id,
              ...JOB_OPTIONS[row.topic],
              ...(metadata ? { telemetry: { metadata } } : {}),
            });
          },
        );
      }
      await this.outbox.markDispatched(
        tx,
        rows.map((r) => r.id),
      );
      this.metrics.outboxRelayed(rows.length);
      return rows.length;
    });
  }

  /** Jobs per queue and state (waiting, active, delayed, failed); -1 for a queue whose counts Redis did not give. */
  async queueDepths(): Promise<Record<string, Record<string, number>>> {
    const states = ['waiting', 'active', 'delayed', 'failed'] as const;
    const depths: Record<string, Record<string, number>> = {};
    for (const name of Object.values(QUEUES)) {
      try {
        const counts = await this.queues.get(name).getJobCounts(...states);
        depths[name] = Object.fromEntries(states.map((state) => [state, counts[state] ?? 0]));
      } catch {
        depths[name] = Object.fromEntries(states.map((state) => [state, -1]));
      }
    }
    return depths;
  }

  /** Seconds since the oldest row still waiting for a relay was written. */
  lagSeconds(): Promise<number> {
    return this.outbox.transaction((tx) => this.outbox.lagSeconds(tx));
  }
}
