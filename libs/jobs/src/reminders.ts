import { isCaseStatus, planCaseReminders } from '@poa/domain';
import type { WriteTx } from './outbox';

/**
 * Brings a case's pending reminders in line with its present state, inside the transaction of the change (the case
 * row locked): pending reminders the state no longer calls for are deleted, new ones inserted; a reminder already
 * sent keeps its row, so its (case, kind, occasion) is never sent again. `now` is when an escalation's clock starts
 * (the case was just submitted); an existing escalation for the round keeps its time.
 */
export async function scheduleCaseReminders(tx: WriteTx, caseId: string, now: Date = new Date()): Promise<void> {
  const [row] = await tx.query<{ status: string; due_at: Date; round: number; waiting_on_amazon_days: number }>(
    `SELECT c.status, c.due_at, c.round, t.waiting_on_amazon_days FROM cases c JOIN tenants t ON t.id = c.tenant_id WHERE c.id = $1`,
    [caseId],
  );
  if (!row || !isCaseStatus(row.status)) return;
  // A due time in the distant past (the API takes years from 0001) would put a reminder before PostgreSQL's year 1.
  const planned = planCaseReminders(
    { status: row.status, dueAt: new Date(row.due_at), round: row.round },
    { submittedAt: now, waitingOnAmazonDays: row.waiting_on_amazon_days },
  ).filter((p) => p.fireAt.getTime() >= 0);
  const kinds = planned.map((p) => p.kind);
  const occasions = planned.map((p) => p.occasion);
  await tx.query(
    `DELETE FROM reminders WHERE case_id = $1 AND sent_at IS NULL
       AND (kind, occasion) NOT IN (SELECT k, o FROM unnest($2::text[], $3::text[]) AS p(k, o))`,
    [caseId, kinds, occasions],
  );
  if (planned.length === 0) return;
  await tx.query(
    `INSERT INTO reminders (tenant_id, case_id, kind, occasion, fire_at)
     SELECT current_setting('app.tenant_id')::uuid, $1, p.k, p.o, p.f FROM unnest($2::text[], $3::text[], $4::timestamptz[]) AS p(k, o, f)
     ON CONFLICT (case_id, kind, occasion) DO NOTHING`,
    [caseId, kinds, occasions, planned.map((p) => p.fireAt.toISOString())],
  );
}
