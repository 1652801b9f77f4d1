import { Injectable } from '@nestjs/common';
import { columnsOf, RefreshToken, type TenantTransaction } from '@poa/db';

const TOKEN = columnsOf(RefreshToken, ['id', 'userId', 'tokenHash', 'familyId', 'expiresAt', 'revokedAt', 'rotatedAt']);
export type RefreshTokenRow = typeof TOKEN.$row;

/** The refresh_tokens table: one row per issued token, rotated within a family. */
@Injectable()
export class RefreshTokensRepository {
  async insert(
    tx: TenantTransaction,
    token: { id: string; tenantId: string; userId: string; hash: string; familyId: string; ttlDays: number },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO refresh_tokens (id, tenant_id, user_id, token_hash, family_id, expires_at) VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $6))`,
      [token.id, token.tenantId, token.userId, token.hash, token.familyId, token.ttlDays],
    );
  }

  async lock(tx: TenantTransaction, id: string): Promise<RefreshTokenRow | undefined> {
    const [row] = await tx.query<RefreshTokenRow>(`SELECT ${TOKEN.columns} FROM refresh_tokens WHERE id = $1 FOR UPDATE`, [id]);
    return row;
  }

  async familyOf(tx: TenantTransaction, id: string): Promise<Pick<RefreshTokenRow, 'family_id' | 'token_hash' | 'user_id'> | undefined> {
    const [row] = await tx.query<Pick<RefreshTokenRow, 'family_id' | 'token_hash' | 'user_id'>>(
      `SELECT family_id, token_hash, user_id FROM refresh_tokens WHERE id = $1`,
      [id],
    );
    return row;
  }

  async markRotated(tx: TenantTransaction, id: string): Promise<void> {
    await tx.query(`UPDATE refresh_tokens SET rotated_at = now() WHERE id = $1`, [id]);
  }

  async revokeFamily(tx: TenantTransaction, familyId: string): Promise<void> {
    await tx.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [familyId]);
  }

  async revokeAllOfUser(tx: TenantTransaction, userId: string): Promise<void> {
    await tx.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
  }
}
