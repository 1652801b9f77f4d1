import { Injectable } from '@nestjs/common';
import type { TenantTransaction } from '@poa/db';
import type { JobPayloads, QueueName } from '@poa/jobs';

/**
 * Writes a job to the transactional outbox inside the caller's transaction: it commits with the change that
 * caused it, and the worker's relay moves it to BullMQ, even if Redis was down at the time.
 */
@Injectable()
export class OutboxService {
  async add<Q extends QueueName>(tx: TenantTransaction, queue: Q, jobId: string, payload: JobPayloads[Q]): Promise<void> {
    await tx.query(
      `INSERT INTO outbox (tenant_id, topic, job_id, payload) VALUES (current_setting('app.tenant_id')::uuid, $1, $2, $3)`,
      [queue, jobId, JSON.stringify(payload)],
    );
  }
}
