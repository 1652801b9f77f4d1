import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import type { QueueName } from '@poa/jobs';
import { WorkerMetrics } from '../observability/worker-metrics';
import { WORKER_CONFIG } from '../tokens';
import { JOB_OPTIONS } from './outbox-relay';
import { OutboxQueues } from './outbox-queues';
import { OutboxRepository, type DispatchedRow } from './outbox.repository';
import { PollLoop } from './poll-loop';

/** A row is judged only this long after it was dispatched: the relay's add and its commit are never told apart. */
export const SWEEP_GRACE_MS = 60_000;

export interface SweepResult {
  checked: number;
  /** The job completed or failed: row marked done. */
  done: number;
  /** The job was gone from Redis: row handed back to the relay. */
  requeued: number;
  /** The job was gone but could have finished and been removed by retention: row marked done, not re-sent. */
  expired: number;
}

/** How long BullMQ keeps a completed job of this queue (JOB_OPTIONS); a job missing after that proves nothing. */
export function completedRetentionMs(topic: QueueName): number {
  const keep = JOB_OPTIONS[topic]?.removeOnComplete;
  if (keep === undefined || keep === false) return Infinity;
  if (typeof keep === 'object' && 'age' in keep && keep.count === undefined) return keep.age * 1000;
  return 0; // removed at once or by count: a missing job may have completed, so it is never re-sent
}

/**
 * The outbox's safety net for Redis losing jobs (a restart of a Redis that keeps nothing on disk, a flush). Every
 * OUTBOX_SWEEP_MS it walks the rows dispatched more than a minute ago and not yet done, reads their BullMQ job states
 * (one pipelined round trip a batch), and: completed/failed -> `done_at`; still waiting, active, delayed... -> left;
 * gone from Redis -> `dispatched_at = NULL`, so the relay queues the same job id again (processors are idempotent on
 * database state). A gone job whose row is older than the completed-job retention may simply have finished and been
 * removed: it is marked done with a warning instead. Rows are locked FOR UPDATE SKIP LOCKED, so several workers
 * sweep safely; with Redis down the batch's transaction rolls back and nothing changes.
 */
@Injectable()
export class OutboxSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxSweeper.name);
  private readonly queues: OutboxQueues;
  private readonly loop = new PollLoop(
    'Outbox sweep',
    this.logger,
    async () => (await this.sweepOnce()).checked,
    () => this.config.OUTBOX_SWEEP_MS,
  );

  constructor(
    private readonly outbox: OutboxRepository,
    @Inject(WORKER_CONFIG) private readonly config: AppConfig,
    private readonly metrics: WorkerMetrics,
  ) {
    this.queues = new OutboxQueues(config, { autoPipelining: true });
  }

  onApplicationBootstrap(): void {
    this.loop.start(this.config.OUTBOX_SWEEP_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
    await this.queues.close();
  }

  /** Walks every row due for a check, a batch (one transaction) at a time, in id order. */
  async sweepOnce(batch = 200): Promise<SweepResult> {
    const total: SweepResult = { checked: 0, done: 0, requeued: 0, expired: 0 };
    let after = '0';
    for (;;) {
      const { result, lastId } = await this.sweepBatch(after, batch);
      for (const key of Object.keys(total) as (keyof SweepResult)[]) total[key] += result[key];
      if (result.checked < batch) return total;
      after = lastId;
    }
  }

  private async sweepBatch(after: string, batch: number): Promise<{ result: SweepResult; lastId: string }> {
    this.queues.assertConnected();
    const swept = await this.outbox.transaction(async (tx) => {
      const rows = await this.outbox.dispatchedBefore(tx, after, SWEEP_GRACE_MS, batch);
      if (rows.length === 0) return { checked: 0, done: [], requeue: [], expired: [], lastId: after };
      // Issued in one tick on an auto-pipelined connection: one round trip. Any Redis error rejects (and rolls back).
      const states = await Promise.all(rows.map((row) => this.queues.get(row.topic).getJobState(row.job_id)));
      const done: string[] = [];
      const requeue: string[] = [];
      const expired: DispatchedRow[] = [];
      rows.forEach((row, i) => {
        const state = states[i];
        if (state === 'completed' || state === 'failed') done.push(row.id);
        else if (state === 'unknown' && this.mayHaveBeenRemoved(row)) expired.push(row);
        else if (state === 'unknown') requeue.push(row.id);
        // waiting, active, delayed, prioritized, waiting-children: still on its way, left alone
      });
      const finished = [...done, ...expired.map((r) => r.id)];
      if (finished.length) await this.outbox.markDone(tx, finished);
      if (requeue.length) await this.outbox.handBack(tx, requeue);
      return { checked: rows.length, done, requeue, expired, lastId: rows[rows.length - 1].id };
    });
    // Counted and logged once committed.
    const { requeue, expired } = swept;
    this.metrics.outboxRequeued(requeue.length);
    this.metrics.outboxExpired(expired.length);
    if (requeue.length)
      this.logger.warn(
        `Outbox sweep: ${requeue.length} job(s) missing from Redis handed back to the relay (outbox ids ${requeue.slice(0, 10).join(', ')})`,
      );
    if (expired.length) {
      this.logger.warn(
        `Outbox sweep: ${expired.length} job(s) missing from Redis and dispatched before the completed-job retention; marked done, not re-sent (jobs ${expired
          .slice(0, 10)
          .map((r) => `${r.topic}/${r.job_id}`)
          .join(', ')})`,
      );
    }
    return {
      result: { checked: swept.checked, done: swept.done.length, requeued: requeue.length, expired: expired.length },
      lastId: swept.lastId,
    };
  }

  /** Whether the job could have run to completion and been removed by retention since it was dispatched (or since its notBefore). */
  private mayHaveBeenRemoved(row: DispatchedRow): boolean {
    const notBefore = row.not_before ? Date.parse(row.not_before) : NaN;
    const finishableFor = Number.isFinite(notBefore) ? Math.min(row.age_ms, row.now_ms - notBefore) : row.age_ms;
    return finishableFor > completedRetentionMs(row.topic);
  }
}
