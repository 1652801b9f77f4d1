import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import { TenantDb, type TenantTransaction } from '@poa/db';
import { followUpDueMessage, type Cadence } from '@poa/domain';
import { enqueue, QUEUES } from '@poa/jobs';
import { DUE_BATCH, DueBatchPoller } from '../outbox/due-batch-poller';
import { WORKER_CONFIG } from '../tokens';

interface DueFollowUp {
  id: string;
  tenant_id: string;
  case_id: string;
  client_id: string;
  measure: string;
  cadence: Cadence;
  next_due_at: Date;
}

/**
 * Tells the client's contacts when a safety check falls due: for each active follow-up whose `next_due_at` passed and
 * was not yet reminded, in ONE transaction, the e-mail job per contact (outbox) and `reminded_due_at = next_due_at`.
 * Each due time is reminded once, whatever happens to the worker or Redis; a check-in moves the due time, and the
 * next one is reminded when it falls due. Due rows are read across tenants under the narrow `app.follow_up_scheduler`
 * policy; everything else runs bound to the follow-up's tenant.
 */
@Injectable()
export class FollowUpReminders extends DueBatchPoller {
  constructor(
    private readonly db: TenantDb,
    @Inject(WORKER_CONFIG) private readonly config: AppConfig,
  ) {
    super('Follow-up reminders', config.REMINDER_POLL_MS);
  }

  /** One batch of follow-ups due at `now`; returns how many were settled. */
  async dispatchDue(now: Date, batch = DUE_BATCH): Promise<number> {
    return this.db.systemTransaction({ 'app.follow_up_scheduler': 'on' }, async (tx) => {
      const due = await tx.query<DueFollowUp>(
        `SELECT id, tenant_id, case_id, client_id, measure, cadence, next_due_at FROM follow_ups
         WHERE ended_at IS NULL AND next_due_at IS NOT NULL AND next_due_at <= $1
           AND reminded_due_at IS DISTINCT FROM next_due_at
         ORDER BY next_due_at, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [now.toISOString(), batch],
      );
      for (const followUp of due) {
        await tx.query(`SELECT set_config('app.tenant_id', $1, true)`, [followUp.tenant_id]);
        await this.remind({ ...tx, tenantId: followUp.tenant_id }, followUp);
        await tx.query(`UPDATE follow_ups SET reminded_due_at = next_due_at WHERE id = $1`, [followUp.id]);
      }
      return due.length;
    });
  }

  private async remind(tx: TenantTransaction, f: DueFollowUp): Promise<void> {
    const contacts = await tx.query<{ id: string; email: string; reference: string }>(
      `SELECT ct.id, ct.email, c.reference FROM contacts ct JOIN cases c ON c.id = $2
       WHERE ct.client_id = $1 AND ct.email IS NOT NULL AND ct.email <> ''`,
      [f.client_id, f.case_id],
    );
    const dueAt = new Date(f.next_due_at);
    const url = `${this.config.PUBLIC_URL.replace(/\/$/, '')}/portal/`;
    for (const contact of contacts) {
      const message = followUpDueMessage({ measure: f.measure, cadence: f.cadence, nextDueAt: dueAt, caseReference: contact.reference });
      await enqueue(tx, {
        queue: QUEUES.email,
        payload: { tenantId: f.tenant_id, to: contact.email, subject: message.subject, text: `${message.text}\n\n${url}` },
        occasion: { kind: 'follow-up-due', followUpId: f.id, dueAt, contactId: contact.id },
      });
    }
  }
}
