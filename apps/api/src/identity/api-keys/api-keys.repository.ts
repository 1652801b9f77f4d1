import { Injectable } from '@nestjs/common';
import { ApiKey, type RowOf, sql, TenantDb, type TenantTransaction } from '@poa/db';

export type ApiKeyRow = RowOf<ApiKey>;

/** The api_keys table. Statements select whole rows (`*`): the key hash is compared, never shown. */
@Injectable()
export class ApiKeysRepository {
  constructor(private readonly db: TenantDb) {}

  async insert(
    tx: TenantTransaction,
    key: { id: string; tenantId: string; name: string; prefix: string; keyHash: string; scopes: string[]; createdById: string | null },
  ): Promise<ApiKeyRow> {
    const [row] = await tx.query<ApiKeyRow>(
      `INSERT INTO api_keys (id, tenant_id, name, prefix, key_hash, scopes, created_by_id) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [key.id, key.tenantId, key.name, key.prefix, key.keyHash, key.scopes, key.createdById],
    );
    return row;
  }

  list(): Promise<ApiKeyRow[]> {
    return this.db.read<ApiKeyRow>(sql`SELECT * FROM api_keys ORDER BY created_at DESC, id DESC LIMIT 500`);
  }

  async revoke(tx: TenantTransaction, id: string): Promise<ApiKeyRow | undefined> {
    const [row] = await tx.query<ApiKeyRow>(`UPDATE api_keys SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 RETURNING *`, [id]);
    return row;
  }

  /** Before the tenant is known: the narrow api_key_prefix policy lets this one transaction see the key's row. */
  byPrefix(prefix: string): Promise<ApiKeyRow | undefined> {
    return this.db.systemTransaction({ 'app.api_key_prefix': prefix }, async (tx) => {
      const [found] = await tx.query<ApiKeyRow>(`SELECT * FROM api_keys WHERE prefix = $1`, [prefix]);
      return found;
    });
  }

  async touchLastUsed(tenantId: string, id: string): Promise<void> {
    await this.db.transaction((tx) => tx.query(`UPDATE api_keys SET last_used_at = now() WHERE id = $1`, [id]), { tenantId });
  }
}
