import { Injectable } from '@nestjs/common';
import { Case, columnsOf, Contact, User, type TenantTransaction } from '@poa/db';

const USER = columnsOf(User, ['email', 'name']);
export type Recipient = typeof USER.$row;

const NOTIFIED = columnsOf(User, ['id', 'email', 'name', 'emailPreferences']);
export type NotifiedUser = Omit<typeof NOTIFIED.$row, 'email_preferences'> & { email_preferences: Record<string, boolean> | null };

const CASE = columnsOf(Case, ['reference', 'title', 'latestVersion', 'clientId', 'assigneeId']);
export type CaseMailRow = typeof CASE.$row & { agency: string; times_sent: number };
const RECIPIENT_CONTACT = columnsOf(Contact, ['id', 'email', 'name']);
export type ContactRecipient = typeof RECIPIENT_CONTACT.$row;

/** What the workflow's e-mails say and whom they go to, read inside the move's transaction. */
@Injectable()
export class CaseNotificationsRepository {
  async caseFacts(tx: TenantTransaction, caseId: string): Promise<CaseMailRow> {
    const [row] = await tx.query<CaseMailRow>(
      `SELECT t.name AS agency, ${CASE.as('c')},
         (SELECT count(*)::int FROM case_events e
          WHERE e.case_id = c.id AND e.type = 'case.transitioned' AND e.data->>'to' = 'client_review') AS times_sent
       FROM cases c JOIN tenants t ON t.id = c.tenant_id WHERE c.id = $1`,
      [caseId],
    );
    return row;
  }

  contactsOfClient(tx: TenantTransaction, clientId: string): Promise<ContactRecipient[]> {
    return tx.query<ContactRecipient>(`SELECT ${RECIPIENT_CONTACT.columns} FROM contacts WHERE client_id = $1 ORDER BY created_at, id`, [
      clientId,
    ]);
  }

  activeUser(tx: TenantTransaction, userId: string): Promise<Recipient[]> {
    return tx.query<Recipient>(`SELECT ${USER.columns} FROM users WHERE id = $1 AND status = 'active'`, [userId]);
  }

  /** Whom an in-app notification about the case goes to: its active assignee, with their e-mail preferences. */
  async assignee(tx: TenantTransaction, caseId: string): Promise<NotifiedUser | undefined> {
    const [row] = await tx.query<NotifiedUser>(
      `SELECT ${NOTIFIED.as('u')} FROM cases c JOIN users u ON u.id = c.assignee_id AND u.status = 'active' WHERE c.id = $1`,
      [caseId],
    );
    return row;
  }

  /** Every active reviewer, admin and owner, with their e-mail preferences (a case without an assignee). */
  activeReviewersToNotify(tx: TenantTransaction): Promise<NotifiedUser[]> {
    return tx.query<NotifiedUser>(
      `SELECT ${NOTIFIED.columns} FROM users WHERE status = 'active' AND role IN ('reviewer', 'admin', 'owner') ORDER BY created_at, id`,
    );
  }

  async insertNotification(tx: TenantTransaction, n: { userId: string; kind: string; caseId: string; title: string; body: string }) {
    await tx.query(
      `INSERT INTO notifications (tenant_id, user_id, kind, case_id, title, body)
       VALUES (current_setting('app.tenant_id')::uuid, $1, $2, $3, $4, $5)`,
      [n.userId, n.kind, n.caseId, n.title, n.body],
    );
  }

  /** Every active reviewer, admin and owner of the agency. */
  activeReviewers(tx: TenantTransaction): Promise<Recipient[]> {
    return tx.query<Recipient>(
      `SELECT ${USER.columns} FROM users WHERE status = 'active' AND role IN ('reviewer', 'admin', 'owner') ORDER BY created_at, id`,
    );
  }
}
