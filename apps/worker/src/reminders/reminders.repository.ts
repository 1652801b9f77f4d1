import { Injectable } from '@nestjs/common';
import { columnsOf, Reminder, TenantDb, type Case, type RowOf, type TenantTransaction, type User } from '@poa/db';

const DUE = columnsOf(Reminder, ['id', 'tenantId', 'caseId', 'kind', 'occasion', 'fireAt']);
export type DueReminderRow = typeof DUE.$row;

/** The case a reminder is about, its assignee (when active) and the agency's escalation delay. */
export type ReminderCaseRow = Pick<RowOf<Case>, 'status' | 'due_at' | 'round' | 'reference' | 'title'> & {
  waiting_on_amazon_days: number;
  user_id: string | null;
  user_email: RowOf<User>['email'] | null;
  email_preferences: Record<string, boolean> | null;
};

/**
 * The scheduler's statements. Due reminders are read and marked across tenants under the narrow
 * `app.reminder_scheduler` policy; everything else a reminder writes runs under its own tenant (`useTenant`).
 */
@Injectable()
export class RemindersRepository {
  constructor(private readonly db: TenantDb) {}

  transaction<T>(fn: (tx: TenantTransaction) => Promise<T>): Promise<T> {
    return this.db.systemTransaction({ 'app.reminder_scheduler': 'on' }, fn);
  }

  /** Unsent reminders due at `now`, oldest first, locked; rows another worker holds are skipped. */
  due(tx: TenantTransaction, now: Date, batch: number): Promise<DueReminderRow[]> {
    return tx.query<DueReminderRow>(
      `SELECT ${DUE.columns} FROM reminders WHERE sent_at IS NULL AND fire_at <= $1 ORDER BY fire_at, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now.toISOString(), batch],
    );
  }

  /** Binds the rest of the transaction to the reminder's tenant (its case, users, notifications and outbox rows). */
  async useTenant(tx: TenantTransaction, tenantId: string): Promise<TenantTransaction> {
    await tx.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    return { ...tx, tenantId };
  }

  async caseOf(tx: TenantTransaction, caseId: string): Promise<ReminderCaseRow | undefined> {
    const [row] = await tx.query<ReminderCaseRow>(
      `SELECT c.status, c.due_at, c.round, c.reference, c.title, t.waiting_on_amazon_days,
              u.id AS user_id, u.email AS user_email, u.email_preferences
       FROM cases c JOIN tenants t ON t.id = c.tenant_id
       LEFT JOIN users u ON u.id = c.assignee_id AND u.status = 'active'
       WHERE c.id = $1`,
      [caseId],
    );
    return row;
  }

  async insertNotification(
    tx: TenantTransaction,
    n: { userId: string; kind: string; caseId: string; reminderId: string; title: string; body: string },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO notifications (tenant_id, user_id, kind, case_id, reminder_id, title, body)
       VALUES (current_setting('app.tenant_id')::uuid, $1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [n.userId, n.kind, n.caseId, n.reminderId, n.title, n.body],
    );
  }

  async markSent(tx: TenantTransaction, id: string, outcome: 'sent' | 'skipped', now: Date): Promise<void> {
    await tx.query(`UPDATE reminders SET sent_at = $2, outcome = $3 WHERE id = $1`, [id, now.toISOString(), outcome]);
  }
}
