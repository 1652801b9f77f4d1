import { Injectable } from '@nestjs/common';
import { columnsOf, Contact, TenantDb, type TenantTransaction } from '@poa/db';

const LINK_CONTACT = columnsOf(Contact, ['id', 'tenantId', 'clientId', 'name', 'email']);
export type LinkContactRow = typeof LINK_CONTACT.$row;

const SESSION_CONTACT = columnsOf(Contact, ['id', 'name', 'email', 'clientId', 'sessionVersion']);
export type SessionContactRow = typeof SESSION_CONTACT.$row & { client_name: string };

/** Portal log-in links and the contacts they open sessions for. */
@Injectable()
export class PortalAuthRepository {
  constructor(private readonly db: TenantDb) {}

  /** Every contact with this address, across agencies (a system read, allowed by the log-in e-mail setting). */
  contactsByEmail(email: string): Promise<LinkContactRow[]> {
    return this.db.systemTransaction({ 'app.login_email': email }, (tx) =>
      tx.query<LinkContactRow>(`SELECT ${LINK_CONTACT.columns} FROM contacts WHERE email = $1`, [email]),
    );
  }

  /** The agency's name when the client is not archived. */
  async agencyOfActiveClient(tx: TenantTransaction, clientId: string): Promise<string | undefined> {
    const [target] = await tx.query<{ agency: string }>(
      `SELECT t.name AS agency FROM clients cl JOIN tenants t ON t.id = cl.tenant_id WHERE cl.id = $1 AND cl.archived_at IS NULL`,
      [clientId],
    );
    return target?.agency;
  }

  async caseClient(tx: TenantTransaction, caseId: string): Promise<{ client_id: string } | undefined> {
    const [row] = await tx.query<{ client_id: string }>(`SELECT client_id FROM cases WHERE id = $1`, [caseId]);
    return row;
  }

  async contactOfClient(tx: TenantTransaction, clientId: string, contactId: string): Promise<{ id: string } | undefined> {
    const [contact] = await tx.query<{ id: string }>(`SELECT id FROM contacts WHERE id = $1 AND client_id = $2`, [contactId, clientId]);
    return contact;
  }

  /** Locks the token row; `usable` is false once used or expired. */
  async lockToken(tx: TenantTransaction, rowId: string): Promise<{ contact_id: string; token_hash: string; usable: boolean } | undefined> {
    const [row] = await tx.query<{ contact_id: string; token_hash: string; usable: boolean }>(
      `SELECT contact_id, token_hash, (used_at IS NULL AND expires_at > now()) AS usable FROM portal_login_tokens WHERE id = $1 FOR UPDATE`,
      [rowId],
    );
    return row;
  }

  async markTokenUsed(tx: TenantTransaction, rowId: string): Promise<void> {
    await tx.query(`UPDATE portal_login_tokens SET used_at = now() WHERE id = $1`, [rowId]);
  }

  /** The contact a session opens for, unless its client is archived. */
  /** Whether an owner scheduled the deletion of the current agency (its clients then no longer log in). */
  async agencyDeletionScheduled(tx: TenantTransaction): Promise<boolean> {
    const [row] = await tx.query<{ scheduled: boolean }>(
      `SELECT deletion_scheduled_for IS NOT NULL AS scheduled FROM tenants WHERE id = current_setting('app.tenant_id')::uuid`,
    );
    return row?.scheduled ?? false;
  }

  async sessionContact(tx: TenantTransaction, contactId: string): Promise<SessionContactRow | undefined> {
    const [found] = await tx.query<SessionContactRow>(
      `SELECT ${SESSION_CONTACT.as('ct')}, cl.name AS client_name
       FROM contacts ct JOIN clients cl ON cl.id = ct.client_id WHERE ct.id = $1 AND cl.archived_at IS NULL`,
      [contactId],
    );
    return found;
  }

  async endSessions(tx: TenantTransaction, contactId: string): Promise<void> {
    await tx.query(`UPDATE contacts SET session_version = session_version + 1 WHERE id = $1`, [contactId]);
  }
}
