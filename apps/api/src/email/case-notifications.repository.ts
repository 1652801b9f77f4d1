import { Injectable } from '@nestjs/common';
import { Case, columnsOf, Contact, User, type TenantTransaction } from '@poa/db';

const USER = columnsOf(User, ['email', 'name']);
export type Recipient = typeof USER.$row;

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

  /** Every active reviewer, admin and owner of the agency. */
  activeReviewers(tx: TenantTransaction): Promise<Recipient[]> {
    return tx.query<Recipient>(
      `SELECT ${USER.columns} FROM users WHERE status = 'active' AND role IN ('reviewer', 'admin', 'owner') ORDER BY created_at, id`,
    );
  }
}
