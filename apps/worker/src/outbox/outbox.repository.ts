import { Injectable } from '@nestjs/common';
import { columnsOf, OutboxMessage, TenantDb, type TenantTransaction } from '@poa/db';
import type { QueueName } from '@poa/jobs';

const RELAYED = columnsOf(OutboxMessage, ['id', 'topic', 'jobId', 'payload', 'traceparent']);
/** A committed message the relay hands to BullMQ. */
export type OutboxRow = Omit<typeof RELAYED.$row, 'topic'> & { topic: QueueName };

const SWEPT = columnsOf(OutboxMessage, ['id', 'topic', 'jobId']);
/** A message dispatched a while ago and not yet seen finished. */
export type DispatchedRow = Omit<typeof SWEPT.$row, 'topic'> & {
  topic: QueueName;
  /** An email's `notBefore`: the job cannot finish (and be removed) before then. */
  not_before: string | null;
  age_ms: number;
  now_ms: number;
};

/**
 * The outbox's statements in the worker. They run across tenants under the narrow `app.outbox_relay` policy,
 * in transactions opened by `transaction` (the relay and the sweep talk to Redis inside theirs).
 */
@Injectable()
export class OutboxRepository {
  constructor(private readonly db: TenantDb) {}

  transaction<T>(fn: (tx: TenantTransaction) => Promise<T>): Promise<T> {
    return this.db.systemTransaction({ 'app.outbox_relay': 'on' }, fn);
  }

  /** The oldest undispatched messages, locked; rows another worker holds are skipped. */
  undispatched(tx: TenantTransaction, batch: number): Promise<OutboxRow[]> {
    return tx.query<OutboxRow>(
      `SELECT ${RELAYED.columns} FROM outbox WHERE dispatched_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [batch],
    );
  }

  /** Seconds since the oldest row still waiting for the relay was written (0 when none waits). */
  async lagSeconds(tx: TenantTransaction): Promise<number> {
    const [row] = await tx.query<{ lag: number | null }>(
      `SELECT extract(epoch FROM now() - min(created_at))::float8 AS lag FROM outbox WHERE dispatched_at IS NULL`,
    );
    return Math.max(0, row?.lag ?? 0);
  }

  async markDispatched(tx: TenantTransaction, ids: string[]): Promise<void> {
    await tx.query(`UPDATE outbox SET dispatched_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
  }

  /** Rows dispatched more than `graceMs` ago and not done, after id `after`, locked; rows another worker holds are skipped. */
  dispatchedBefore(tx: TenantTransaction, after: string, graceMs: number, batch: number): Promise<DispatchedRow[]> {
    return tx.query<DispatchedRow>(
      `SELECT ${SWEPT.columns}, payload->>'notBefore' AS not_before,
              (extract(epoch FROM now() - dispatched_at) * 1000)::float8 AS age_ms, (extract(epoch FROM now()) * 1000)::float8 AS now_ms
       FROM outbox
       WHERE dispatched_at IS NOT NULL AND done_at IS NULL AND dispatched_at < now() - $2 * interval '1 millisecond' AND id > $1
       ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED`,
      [after, graceMs, batch],
    );
  }

  async markDone(tx: TenantTransaction, ids: string[]): Promise<void> {
    await tx.query(`UPDATE outbox SET done_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
  }

  /** Back to the relay, which queues the same job id again. */
  async handBack(tx: TenantTransaction, ids: string[]): Promise<void> {
    await tx.query(`UPDATE outbox SET dispatched_at = NULL WHERE id = ANY($1::bigint[])`, [ids]);
  }

  /** Whether the message of this job was marked done (by its processor or the sweep). */
  async isJobDone(topic: QueueName, jobId: string): Promise<boolean> {
    const rows = await this.transaction((tx) =>
      tx.query(`SELECT 1 FROM outbox WHERE topic = $1 AND job_id = $2 AND done_at IS NOT NULL`, [topic, jobId]),
    );
    return rows.length > 0;
  }

  async markJobDone(topic: QueueName, jobId: string): Promise<void> {
    await this.transaction((tx) =>
      tx.query(`UPDATE outbox SET done_at = now() WHERE topic = $1 AND job_id = $2 AND done_at IS NULL`, [topic, jobId]),
    );
  }
}
