import { Injectable } from '@nestjs/common';
import type { TenantTransaction } from '@poa/db';

/** The one-time portal log-in tokens' rows (only a hash of the secret is stored). */
@Injectable()
export class PortalLinksRepository {
  /** Stores a link token's hash; returns when it expires. */
  async insertToken(tx: TenantTransaction, token: { rowId: string; contactId: string; hash: string; ttlMinutes: number }): Promise<Date> {
    const [row] = await tx.query<{ expires_at: Date }>(
      `INSERT INTO portal_login_tokens (id, tenant_id, contact_id, token_hash, expires_at)
       VALUES ($1, current_setting('app.tenant_id')::uuid, $2, $3, now() + make_interval(mins => $4)) RETURNING expires_at`,
      [token.rowId, token.contactId, token.hash, token.ttlMinutes],
    );
    return row.expires_at;
  }
}
