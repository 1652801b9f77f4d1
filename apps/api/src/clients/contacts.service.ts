import { Injectable } from '@nestjs/common';
import { sql, TenantDb, type TenantTransaction } from '@poa/db';
import { AppError } from '../core/errors';
import { CONTACT_COLUMNS, contactView, ContactRow } from './client-views';
import { isUniqueViolation } from '../common/sql-patterns';

const emailTaken = () => new AppError('CONFLICT', 'This client already has a contact with this email', [{ field: 'email', message: 'already a contact of this client' }]);

@Injectable()
export class ContactsService {
  constructor(private readonly db: TenantDb) {}

  async list(clientId: string) {
    const rows = await this.db.read<ContactRow>(sql`
      SELECT ${sql.raw(CONTACT_COLUMNS.split(', ').map((c) => `ct.${c}`).join(', '))}
      FROM clients cl LEFT JOIN contacts ct ON ct.client_id = cl.id
      WHERE cl.id = ${clientId}::uuid ORDER BY lower(ct.name), ct.id`);
    if (rows.length === 0) throw AppError.notFound('Client');
    return { data: rows.filter((r) => r.id !== null).map(contactView) };
  }

  async create(clientId: string, input: { name: string; email: string }) {
    return this.db.transaction(async (tx) => {
      await this.assertClient(tx, clientId);
      try {
        const [row] = await tx.query<ContactRow>(
          `INSERT INTO contacts (tenant_id, client_id, name, email) VALUES (current_setting('app.tenant_id')::uuid, $1, $2, $3) RETURNING ${CONTACT_COLUMNS}`,
          [clientId, input.name, input.email],
        );
        return contactView(row);
      } catch (error) {
        if (isUniqueViolation(error)) throw emailTaken();
        throw error;
      }
    });
  }

  /** A new e-mail address ends the contact's portal sessions: they were opened by links sent to the old one. */
  async update(clientId: string, contactId: string, input: { name?: string; email?: string }) {
    return this.db.transaction(async (tx) => {
      try {
        const [row] = await tx.query<ContactRow>(
          `UPDATE contacts SET name = COALESCE($3, name), email = COALESCE($4, email),
             session_version = session_version + CASE WHEN $4 <> email THEN 1 ELSE 0 END
           WHERE id = $1 AND client_id = $2 RETURNING ${CONTACT_COLUMNS}`,
          [contactId, clientId, input.name ?? null, input.email ?? null],
        );
        if (!row) throw AppError.notFound('Contact');
        return contactView(row);
      } catch (error) {
        if (isUniqueViolation(error)) throw emailTaken();
        throw error;
      }
    });
  }

  /** Approvals keep a copy of the contact's name and email, so removing a contact never changes a recorded proof. */
  async remove(clientId: string, contactId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const deleted = await tx.query(`DELETE FROM contacts WHERE id = $1 AND client_id = $2 RETURNING id`, [contactId, clientId]);
      if (deleted.length === 0) throw AppError.notFound('Contact');
    });
  }

  private async assertClient(tx: TenantTransaction, clientId: string): Promise<void> {
    const [client] = await tx.query(`SELECT id FROM clients WHERE id = $1 FOR SHARE`, [clientId]);
    if (!client) throw AppError.notFound('Client');
  }
}
