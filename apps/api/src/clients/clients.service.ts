import { Injectable } from '@nestjs/common';
import { sql, TenantDb, type TenantTransaction } from '@poa/db';
import { refreshSearchText } from '../cases/search-text';
import { textCursor, toPage } from '../common/pagination';
import { AppError } from '../core/errors';
import { CLIENT_COLUMNS, clientView, ClientRow } from './client-views';
import { containsPattern, isUniqueViolation } from '../common/sql-patterns';
import type { CreateClientInput, UpdateClientInput, UpsertClientInput } from './clients.schemas';

/**
 * Archiving a client ends its contacts' portal sessions: the portal strategy already refuses an archived client,
 * and the version bump keeps those tokens dead if the client is restored.
 */
const endPortalSessions = (tx: TenantTransaction, clientId: string) =>
  tx.query(`UPDATE contacts SET session_version = session_version + 1 WHERE client_id = $1`, [clientId]);

const externalIdTaken = () => new AppError('CONFLICT', 'Another client has this externalId', [{ field: 'externalId', message: 'already used by another client' }]);

@Injectable()
export class ClientsService {
  constructor(private readonly db: TenantDb) {}

  async list(query: { limit: number; cursor?: string; q?: string; includeArchived?: boolean }) {
    const after = textCursor.decode(query.cursor);
    const conditions = [sql`TRUE`];
    if (!query.includeArchived) conditions.push(sql`archived_at IS NULL`);
    if (query.q) {
      const pattern = containsPattern(query.q);
      conditions.push(sql`(lower(name) LIKE ${pattern} OR lower(seller_id) LIKE ${pattern} OR lower(external_id) LIKE ${pattern})`);
    }
    if (after) conditions.push(sql`(lower(name), id) > (${after.sortValue}, ${after.id}::uuid)`);
    const rows = await this.db.read<ClientRow>(sql`
      SELECT ${sql.raw(CLIENT_COLUMNS)} FROM clients WHERE ${sql.raw(sql.join(conditions, ' AND '))}
      ORDER BY lower(name), id LIMIT ${query.limit + 1}`);
    return toPage(rows, query.limit, clientView, (r) => textCursor.encode(r.name.toLowerCase(), r.id));
  }

  async get(id: string) {
    const [row] = await this.db.read<ClientRow>(sql`SELECT ${sql.raw(CLIENT_COLUMNS)} FROM clients WHERE id = ${id}::uuid`);
    if (!row) throw AppError.notFound('Client');
    return clientView(row);
  }

  async create(input: CreateClientInput) {
    return this.db.transaction(async (tx) => {
      try {
        const [row] = await tx.query<ClientRow>(
          `INSERT INTO clients (tenant_id, name, seller_id, marketplaces, external_id, notes)
           VALUES (current_setting('app.tenant_id')::uuid, $1, $2, $3, $4, $5) RETURNING ${CLIENT_COLUMNS}`,
          [input.name, input.sellerId ?? null, input.marketplaces ?? [], input.externalId ?? null, input.notes ?? ''],
        );
        return clientView(row);
      } catch (error) {
        if (isUniqueViolation(error)) throw externalIdTaken();
        throw error;
      }
    });
  }

  async update(id: string, input: UpdateClientInput) {
    return this.db.transaction(async (tx) => {
      const [current] = await tx.query<ClientRow>(`SELECT ${CLIENT_COLUMNS} FROM clients WHERE id = $1 FOR UPDATE`, [id]);
      if (!current) throw AppError.notFound('Client');
      const archivedAt = input.archived === undefined ? current.archived_at : input.archived ? (current.archived_at ?? new Date()) : null;
      let row: ClientRow;
      try {
        [row] = await tx.query<ClientRow>(
          `UPDATE clients SET name = $2, seller_id = $3, marketplaces = $4, external_id = $5, notes = $6, archived_at = $7, updated_at = now()
           WHERE id = $1 RETURNING ${CLIENT_COLUMNS}`,
          [
            id,
            input.name ?? current.name,
            input.sellerId === undefined ? current.seller_id : input.sellerId,
            input.marketplaces ?? current.marketplaces,
            input.externalId === undefined ? current.external_id : input.externalId,
            input.notes ?? current.notes,
            archivedAt,
          ],
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw externalIdTaken();
        throw error;
      }
      if (!current.archived_at && row.archived_at) await endPortalSessions(tx, id);
      await this.refreshCasesIfRenamed(tx, current, row);
      return clientView(row);
    });
  }

  /** Creates or updates the client a CRM knows by its own id; `created` tells which. */
  async upsertByExternalId(externalId: string, input: UpsertClientInput): Promise<{ created: boolean; client: ReturnType<typeof clientView> }> {
    return this.db.transaction(async (tx) => {
      const [current] = await tx.query<ClientRow>(`SELECT ${CLIENT_COLUMNS} FROM clients WHERE external_id = $1 FOR UPDATE`, [externalId]);
      if (current) {
        const [row] = await tx.query<ClientRow>(
          `UPDATE clients SET name = $2, seller_id = $3, marketplaces = $4, notes = $5, updated_at = now() WHERE id = $1 RETURNING ${CLIENT_COLUMNS}`,
          [current.id, input.name, input.sellerId === undefined ? current.seller_id : input.sellerId, input.marketplaces ?? current.marketplaces, input.notes ?? current.notes],
        );
        await this.refreshCasesIfRenamed(tx, current, row);
        return { created: false, client: clientView(row) };
      }
      // Two first upserts racing: the loser's insert does nothing, and it reads the winner's row.
      const inserted = await tx.query<ClientRow>(
        `INSERT INTO clients (tenant_id, name, seller_id, marketplaces, external_id, notes)
         VALUES (current_setting('app.tenant_id')::uuid, $1, $2, $3, $4, $5)
         ON CONFLICT (tenant_id, external_id) WHERE external_id IS NOT NULL DO NOTHING RETURNING ${CLIENT_COLUMNS}`,
        [input.name, input.sellerId ?? null, input.marketplaces ?? [], externalId, input.notes ?? ''],
      );
      if (inserted[0]) return { created: true, client: clientView(inserted[0]) };
      const [winner] = await tx.query<ClientRow>(`SELECT ${CLIENT_COLUMNS} FROM clients WHERE external_id = $1`, [externalId]);
      return { created: false, client: clientView(winner) };
    });
  }

  /** Deletes a client without cases (and its contacts); a client with cases is archived instead, keeping their history. */
  async remove(id: string): Promise<{ id: string; result: 'deleted' | 'archived' }> {
    return this.db.transaction(async (tx) => {
      const [current] = await tx.query<Pick<ClientRow, 'id' | 'archived_at'>>(`SELECT id, archived_at FROM clients WHERE id = $1 FOR UPDATE`, [id]);
      if (!current) throw AppError.notFound('Client');
      const [hasCase] = await tx.query(`SELECT 1 FROM cases WHERE client_id = $1 LIMIT 1`, [id]);
      if (hasCase) {
        await tx.query(`UPDATE clients SET archived_at = COALESCE(archived_at, now()), updated_at = now() WHERE id = $1`, [id]);
        if (!current.archived_at) await endPortalSessions(tx, id);
        return { id, result: 'archived' };
      }
      await tx.query(`DELETE FROM contacts WHERE client_id = $1`, [id]);
      await tx.query(`DELETE FROM clients WHERE id = $1`, [id]);
      return { id, result: 'deleted' };
    });
  }

  private async refreshCasesIfRenamed(tx: TenantTransaction, before: ClientRow, after: ClientRow): Promise<void> {
    if (before.name !== after.name || before.seller_id !== after.seller_id) await refreshSearchText(tx, { clientId: after.id });
  }
}
