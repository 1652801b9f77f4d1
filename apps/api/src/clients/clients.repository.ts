import { Injectable } from '@nestjs/common';
import { Client, columnsOf, sql, TenantDb, type TenantTransaction } from '@poa/db';
import { containsPattern } from '../common/sql-patterns';

export const CLIENT = columnsOf(Client, [
  'id',
  'name',
  'sellerId',
  'marketplaces',
  'externalId',
  'notes',
  'archivedAt',
  'createdAt',
  'updatedAt',
]);
export type ClientRow = typeof CLIENT.$row;

/** The fields a create, update or upsert writes. */
export interface ClientFields {
  name: string;
  seller_id: string | null;
  marketplaces: string[];
  notes: string;
}

/** The clients table; the rules (defaults, conflicts, archiving) are the service's. */
@Injectable()
export class ClientsRepository {
  constructor(private readonly db: TenantDb) {}

  /** A page ordered by lower(name), id; `q` matches name, seller id or external id. */
  list(query: {
    limit: number;
    q?: string;
    includeArchived?: boolean;
    after?: { sortValue: string; id: string } | null;
  }): Promise<ClientRow[]> {
    const conditions = [sql`TRUE`];
    if (!query.includeArchived) conditions.push(sql`archived_at IS NULL`);
    if (query.q) {
      const pattern = containsPattern(query.q);
      conditions.push(sql`(lower(name) LIKE ${pattern} OR lower(seller_id) LIKE ${pattern} OR lower(external_id) LIKE ${pattern})`);
    }
    if (query.after) conditions.push(sql`(lower(name), id) > (${query.after.sortValue}, ${query.after.id}::uuid)`);
    return this.db.read<ClientRow>(sql`
      SELECT ${sql.raw(CLIENT.columns)} FROM clients WHERE ${sql.raw(sql.join(conditions, ' AND '))}
      ORDER BY lower(name), id LIMIT ${query.limit}`);
  }

  async get(id: string): Promise<ClientRow | undefined> {
    const [row] = await this.db.read<ClientRow>(sql`SELECT ${sql.raw(CLIENT.columns)} FROM clients WHERE id = ${id}::uuid`);
    return row;
  }

  async insert(tx: TenantTransaction, fields: ClientFields & { external_id: string | null }): Promise<ClientRow> {
    const [row] = await tx.query<ClientRow>(
      `INSERT INTO clients (tenant_id, name, seller_id, marketplaces, external_id, notes)
       VALUES (current_setting('app.tenant_id')::uuid, $1, $2, $3, $4, $5) RETURNING ${CLIENT.columns}`,
      [fields.name, fields.seller_id, fields.marketplaces, fields.external_id, fields.notes],
    );
    return row;
  }

  /** Inserts unless another client already has this external id (then undefined). */
  async insertUnlessExternalIdTaken(tx: TenantTransaction, fields: ClientFields & { external_id: string }): Promise<ClientRow | undefined> {
    const inserted = await tx.query<ClientRow>(
      `INSERT INTO clients (tenant_id, name, seller_id, marketplaces, external_id, notes)
       VALUES (current_setting('app.tenant_id')::uuid, $1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, external_id) WHERE external_id IS NOT NULL DO NOTHING RETURNING ${CLIENT.columns}`,
      [fields.name, fields.seller_id, fields.marketplaces, fields.external_id, fields.notes],
    );
    return inserted[0];
  }

  async lockById(tx: TenantTransaction, id: string): Promise<ClientRow | undefined> {
    const [row] = await tx.query<ClientRow>(`SELECT ${CLIENT.columns} FROM clients WHERE id = $1 FOR UPDATE`, [id]);
    return row;
  }

  async lockByExternalId(tx: TenantTransaction, externalId: string): Promise<ClientRow | undefined> {
    const [row] = await tx.query<ClientRow>(`SELECT ${CLIENT.columns} FROM clients WHERE external_id = $1 FOR UPDATE`, [externalId]);
    return row;
  }

  async byExternalId(tx: TenantTransaction, externalId: string): Promise<ClientRow | undefined> {
    const [row] = await tx.query<ClientRow>(`SELECT ${CLIENT.columns} FROM clients WHERE external_id = $1`, [externalId]);
    return row;
  }

  async update(
    tx: TenantTransaction,
    id: string,
    fields: ClientFields & { external_id: string | null; archived_at: Date | null },
  ): Promise<ClientRow> {
    const [row] = await tx.query<ClientRow>(
      `UPDATE clients SET name = $2, seller_id = $3, marketplaces = $4, external_id = $5, notes = $6, archived_at = $7, updated_at = now()
       WHERE id = $1 RETURNING ${CLIENT.columns}`,
      [id, fields.name, fields.seller_id, fields.marketplaces, fields.external_id, fields.notes, fields.archived_at],
    );
    return row;
  }

  /** The upsert's update: the external id stays, archiving is untouched. */
  async updateKnown(tx: TenantTransaction, id: string, fields: ClientFields): Promise<ClientRow> {
    const [row] = await tx.query<ClientRow>(
      `UPDATE clients SET name = $2, seller_id = $3, marketplaces = $4, notes = $5, updated_at = now() WHERE id = $1 RETURNING ${CLIENT.columns}`,
      [id, fields.name, fields.seller_id, fields.marketplaces, fields.notes],
    );
    return row;
  }

  async lockForRemoval(tx: TenantTransaction, id: string): Promise<Pick<ClientRow, 'id' | 'archived_at'> | undefined> {
    const [row] = await tx.query<Pick<ClientRow, 'id' | 'archived_at'>>(`SELECT id, archived_at FROM clients WHERE id = $1 FOR UPDATE`, [
      id,
    ]);
    return row;
  }

  async hasCase(tx: TenantTransaction, id: string): Promise<boolean> {
    const [hasCase] = await tx.query(`SELECT 1 FROM cases WHERE client_id = $1 LIMIT 1`, [id]);
    return Boolean(hasCase);
  }

  async archive(tx: TenantTransaction, id: string): Promise<void> {
    await tx.query(`UPDATE clients SET archived_at = COALESCE(archived_at, now()), updated_at = now() WHERE id = $1`, [id]);
  }

  /** Deletes the client and its contacts. */
  async delete(tx: TenantTransaction, id: string): Promise<void> {
    await tx.query(`DELETE FROM contacts WHERE client_id = $1`, [id]);
    await tx.query(`DELETE FROM clients WHERE id = $1`, [id]);
  }

  /**
   * Archiving a client ends its contacts' portal sessions: the portal strategy already refuses an archived client,
   * and the version bump keeps those tokens dead if the client is restored.
   */
  async endPortalSessions(tx: TenantTransaction, clientId: string): Promise<void> {
    await tx.query(`UPDATE contacts SET session_version = session_version + 1 WHERE client_id = $1`, [clientId]);
  }
}
