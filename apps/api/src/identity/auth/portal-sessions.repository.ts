import { Injectable } from '@nestjs/common';
import { columnsOf, Contact, sql, TenantDb } from '@poa/db';

const CONTACT = columnsOf(Contact, ['id', 'name', 'email', 'clientId', 'sessionVersion']);
export type PortalSessionRow = typeof CONTACT.$row;

/** What the portal JWT strategy reads on every portal request: one prepared statement with a constant text. */
const SESSION_TEXT = `SELECT ${CONTACT.as('ct')} FROM contacts ct JOIN clients cl ON cl.id = ct.client_id
         WHERE ct.id = $1::uuid AND ct.client_id = $2::uuid AND cl.archived_at IS NULL`;

/** The contact behind a portal session, if it still exists and its client is not archived. */
@Injectable()
export class PortalSessionsRepository {
  constructor(private readonly db: TenantDb) {}

  contact(tenantId: string, contactId: string, clientId: string): Promise<PortalSessionRow[]> {
    return this.db.read<PortalSessionRow>(sql.prepared(SESSION_TEXT, [contactId, clientId]), { tenantId });
  }
}
