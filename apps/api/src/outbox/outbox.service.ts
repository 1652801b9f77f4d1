import { Injectable } from '@nestjs/common';
import type { TenantTransaction } from '@poa/db';
import { enqueue, type OutboxJob } from '@poa/jobs';

/**
 * The transactional outbox for the API's services (`enqueue` of @poa/jobs): a job commits with the change that
 * caused it, and the worker's relay moves it to BullMQ, even if Redis was down at the time.
 */
@Injectable()
export class OutboxService {
  add(tx: TenantTransaction, job: OutboxJob): Promise<string> {
    return enqueue(tx, job);
  }
}
