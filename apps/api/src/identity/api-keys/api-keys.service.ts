import { Injectable } from '@nestjs/common';
import { TenantContext, TenantDb } from '@poa/db';
import { isApiKeyScope, type ApiKeyScope } from '@poa/domain';
import { randomBytes, randomUUID } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../../core/permissions';
import { safeEqualHex } from '../auth/tokens.service';
import { sha256Hex } from '../../common/hash';
import { iso } from '../../common/pagination';
import { AppError } from '../../core/errors';
import { type ApiKeyRow, ApiKeysRepository } from './api-keys.repository';

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
    private readonly keys: ApiKeysRepository,
    private readonly audit: AuditService,
  ) {}

  async create(input: { name: string; scopes: ApiKeyScope[] }) {
    const prefix = `poa_${base62(10)}`;
    const key = `${prefix}_${base62(40)}`;
    const scope = TenantContext.require();
    return this.db.transaction(async (tx) => {
      const row = await this.keys.insert(tx, {
        id: randomUUID(),
        tenantId: scope.tenantId,
        name: input.name,
        prefix,
        keyHash: sha256Hex(key),
        scopes: [...new Set(input.scopes)],
        createdById: scope.actor.id,
      });
      await this.audit.record(tx, {
        type: 'api_key.created',
        targetType: 'api_key',
        targetId: row.id,
        metadata: { name: input.name, scopes: row.scopes, prefix },
      });
      return { ...view(row), key };
    });
  }

  async list() {
    const rows = await this.keys.list();
    return { data: rows.map(view), nextCursor: null };
  }

  async revoke(id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const row = await this.keys.revoke(tx, id);
      if (!row) throw AppError.notFound('API key');
      await this.audit.record(tx, { type: 'api_key.revoked', targetType: 'api_key', targetId: id, metadata: { prefix: row.prefix } });
    });
  }

  /** Used by the API key passport strategy. Revoked keys stop at once: every request reads the row. */
  async authenticate(key: string): Promise<Principal | null> {
    if (key.length < PREFIX_LENGTH + 2 || key.length > 100) return null;
    const prefix = key.slice(0, PREFIX_LENGTH);
    const row = await this.keys.byPrefix(prefix);
    if (!row || row.revoked_at || !safeEqualHex(row.key_hash, sha256Hex(key))) return null;
    if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > LAST_USED_GRANULARITY_MS) {
      // Recorded off the request path, at most once a minute per key.
      void this.keys.touchLastUsed(row.tenant_id, row.id).catch(() => undefined);
    }
    return { kind: 'api_key', tenantId: row.tenant_id, id: row.id, name: row.name, scopes: row.scopes.filter(isApiKeyScope) };
  }
}
