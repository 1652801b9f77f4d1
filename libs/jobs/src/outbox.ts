import type { TenantTransaction } from '@poa/db';
import { currentTraceparent } from '@poa/telemetry';
import { jobIdOf, type OutboxJob } from './job-ids';
import { InvalidJobPayloadError, parseJobPayload } from './payloads';

/** The part of a tenant transaction these writes need (the API's and the worker's TenantTransaction). */
export type WriteTx = Pick<TenantTransaction, 'tenantId' | 'query'>;

/**
 * Writes jobs to the transactional outbox inside the caller's transaction: they commit with the change that caused
 * them, and the worker's relay moves them to BullMQ, even if Redis was down at the time. Each payload is checked
 * against its queue's schema and must belong to the transaction's tenant; one bad job writes none. Several jobs go
 * in one statement, in the order given, with the active trace's traceparent. Returns the job ids.
 */
export async function enqueue(tx: WriteTx, job: OutboxJob): Promise<string>;
export async function enqueue(tx: WriteTx, jobs: readonly OutboxJob[]): Promise<string[]>;
export async function enqueue(tx: WriteTx, jobs: OutboxJob | readonly OutboxJob[]): Promise<string | string[]> {
  const list: readonly OutboxJob[] = Array.isArray(jobs) ? jobs : [jobs as OutboxJob];
  const rows = list.map((job) => {
    const payload = parseJobPayload(job.queue, job.payload);
    if (payload.tenantId.toLowerCase() !== tx.tenantId.toLowerCase()) {
      throw new InvalidJobPayloadError(
        `A ${job.queue} job of tenant ${payload.tenantId} cannot be written in a transaction of tenant ${tx.tenantId || '(none)'}`,
      );
    }
    return { topic: job.queue, jobId: jobIdOf(job), payload: JSON.stringify(payload) };
  });
  if (rows.length > 0) {
    await tx.query(
      `INSERT INTO outbox (tenant_id, topic, job_id, payload, traceparent)
       SELECT current_setting('app.tenant_id')::uuid, j.topic, j.job_id, j.payload, $4
       FROM unnest($1::text[], $2::text[], $3::jsonb[]) WITH ORDINALITY AS j(topic, job_id, payload, n) ORDER BY j.n`,
      [rows.map((r) => r.topic), rows.map((r) => r.jobId), rows.map((r) => r.payload), currentTraceparent()],
    );
  }
  const ids = rows.map((r) => r.jobId);
  return Array.isArray(jobs) ? ids : ids[0];
}
