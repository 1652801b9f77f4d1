import { Injectable } from '@nestjs/common';
import { columnsOf, Contact, sql, TenantDb, type TenantTransaction } from '@poa/db';

export const CONTACT = columnsOf(Contact, ['id', 'clientId', 'name', 'email', 'createdAt']);
export type ContactRow = typeof CONTACT.$row;

/** A client's contacts. */
@Injectable()
export class ContactsRepository {
  constructor(private readonly db: TenantDb) {}

  /** One row per contact, or a single all-null row when the client has none; no row when the client does not exist. */
  listOfClient(clientId: string): Promise<ContactRow[]> {
    return this.db.read<ContactRow>(sql`
      SELECT ${sql.raw(CONTACT.as('ct'))}
      FROM clients cl LEFT JOIN contacts ct ON ct.client_id = cl.id
      WHERE cl.id = ${clientId}::uuid ORDER BY lower(ct.name), ct.id`);
  }

  async insert(tx: TenantTransaction, clientId: string, input: { name: string; email: string }): Promise<ContactRow> {
    const [row] = await tx.query<ContactRow>(
      `INSERT INTO contacts (tenant_id, client_id, name, email) VALUES (current_setting('app.tenant_id')::uuid, $1, $2, $3) RETURNING ${CONTACT.columns}`,
      [clientId, input.name, input.email],
    );
    return row;
  }

  /** A changed e-mail address bumps the session version. */
  async update(
    tx: TenantTransaction,
    clientId: string,
    contactId: string,
    input: { name?: string; email?: string },
  ): Promise<ContactRow | undefined> {
    const [row] = await tx.query<ContactRow>(
      `UPDATE contacts SET name = COALESCE($3, name), email = COALESCE($4, email),
         session_version = session_version + CASE WHEN $4 <> email THEN 1 ELSE 0 END
       WHERE id = $1 AND client_id = $2 RETURNING ${CONTACT.columns}`,
      [contactId, clientId, input.name ?? null, input.email ?? null],
    );
    return row;
  }

  /** true when a contact was deleted. */
  async delete(tx: TenantTransaction, clientId: string, contactId: string): Promise<boolean> {
    const deleted = await tx.query(`DELETE FROM contacts WHERE id = $1 AND client_id = $2 RETURNING id`, [contactId, clientId]);
    return deleted.length > 0;
  }

  /** Locks the client against removal while a contact is added; false when it does not exist. */
  async shareClient(tx: TenantTransaction, clientId: string): Promise<boolean> {
    const [client] = await tx.query(`SELECT id FROM clients WHERE id = $1 FOR SHARE`, [clientId]);
    return Boolean(client);
  }
}
