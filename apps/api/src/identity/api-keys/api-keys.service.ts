import { Injectable } from '@nestjs/common';
import { sql, TenantContext, TenantDb } from '@poa/db';
import { isApiKeyScope, type ApiKeyScope } from '@poa/domain';
import { randomBytes, randomUUID } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../../core/permissions';
import { safeEqualHex } from '../auth/tokens.service';
import { sha256Hex } from '../../common/hash';
import { iso } from '../../common/pagination';
import { AppError } from '../../core/errors';

interface ApiKeyRow {
  id: string;
  tenant_id: string;
  name: string;
  prefix: string;
  key_hash: string;
  scopes: string[];
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const PREFIX_LENGTH = 14; // "poa_" + 10 characters
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const base62 = (n: number) => Array.from(randomBytes(n), (b) => BASE62[b % 62]).join('');
const LAST_USED_GRANULARITY_MS = 60_000;

const view = (k: ApiKeyRow) => ({
  id: k.id,
  name: k.name,
  scopes: k.scopes.filter(isApiKeyScope),
  prefix: k.prefix,
  createdAt: iso(k.created_at)!,
  lastUsedAt: iso(k.last_used_at),
  revokedAt: iso(k.revoked_at),
});

/**
 * Keys look like `poa_<10 chars>_<40 chars>`: the first 14 characters are the public prefix (look-up,
 * display, secret scanners); only a SHA-256 of the whole key is stored (keys are random, so no slow hash is needed).
 */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  async create(input: { name: string; scopes: ApiKeyScope[] }) {
    const prefix = `poa_${base62(10)}`;
    const key = `${prefix}_${base62(40)}`;
    const scope = TenantContext.require();
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<ApiKeyRow>(
        `INSERT INTO api_keys (id, tenant_id, name, prefix, key_hash, scopes, created_by_id) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
        [randomUUID(), scope.tenantId, input.name, prefix, sha256Hex(key), [...new Set(input.scopes)], scope.actor.id],
      );
      await this.audit.record(tx, { type: 'api_key.created', targetType: 'api_key', targetId: row.id, metadata: { name: input.name, scopes: row.scopes, prefix } });
      return { ...view(row), key };
    });
  }

  async list() {
    const rows = await this.db.read<ApiKeyRow>(sql`SELECT * FROM api_keys ORDER BY created_at DESC, id DESC LIMIT 500`);
    return { data: rows.map(view), nextCursor: null };
  }

  async revoke(id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [row] = await tx.query<ApiKeyRow>(`UPDATE api_keys SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 RETURNING *`, [id]);
      if (!row) throw AppError.notFound('API key');
      await this.audit.record(tx, { type: 'api_key.revoked', targetType: 'api_key', targetId: id, metadata: { prefix: row.prefix } });
    });
  }

  /** Used by the API key passport strategy. Revoked keys stop at once: every request reads the row. */
  async authenticate(key: string): Promise<Principal | null> {
    if (key.length < PREFIX_LENGTH + 2 || key.length > 100) return null;
    const prefix = key.slice(0, PREFIX_LENGTH);
    const row = await this.db.systemTransaction({ 'app.api_key_prefix': prefix }, async (tx) => {
      const [found] = await tx.query<ApiKeyRow>(`SELECT * FROM api_keys WHERE prefix = $1`, [prefix]);
      return found;
    });
    if (!row || row.revoked_at || !safeEqualHex(row.key_hash, sha256Hex(key))) return null;
    if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > LAST_USED_GRANULARITY_MS) {
      // Recorded off the request path, at most once a minute per key.
      void this.db
        .transaction((tx) => tx.query(`UPDATE api_keys SET last_used_at = now() WHERE id = $1`, [row.id]), { tenantId: row.tenant_id })
        .catch(() => undefined);
    }
    return { kind: 'api_key', tenantId: row.tenant_id, id: row.id, name: row.name, scopes: row.scopes.filter(isApiKeyScope) };
  }
}
