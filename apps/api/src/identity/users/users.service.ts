import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import { sql, TenantContext, TenantDb } from '@poa/db';
import { hasRoleAtLeast, type StaffRole } from '@poa/domain';
import { randomUUID } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import { newOpaqueToken } from '../auth/tokens.service';
import { USER_COLUMNS, UserRow, userView } from '../auth/views';
import { textCursor, toPage } from '../../common/pagination';
import { AppError } from '../../core/errors';
import { APP_CONFIG } from '../../core/tokens';

const INVITE_TTL_DAYS = 7;

@Injectable()
export class UsersService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(limit: number, cursor?: string) {
    const after = textCursor.decode(cursor);
    const rows = await this.db.read<UserRow>(sql`
      SELECT ${sql.raw(USER_COLUMNS)} FROM users
      WHERE ${after ? sql.raw(sql`(lower(name), id) > (${after.sortValue}, ${after.id}::uuid)`) : sql.raw('TRUE')}
      ORDER BY lower(name), id LIMIT ${limit + 1}`);
    return toPage(rows, limit, userView, (r) => textCursor.encode(r.name.toLowerCase(), r.id));
  }

  /** An address with an account in another agency is invited like any other: the answer must not tell (see EmailConfirmation). */
  async invite(input: { email: string; name: string; role: StaffRole }) {
    this.assertMayGrant(input.role);
    const id = randomUUID();
    const { tenantId } = TenantContext.require();
    const { token, hash } = newOpaqueToken(tenantId, id);
    return this.db.transaction(async (tx) => {
      let user: UserRow & { invite_expires_at: Date };
      try {
        [user] = await tx.query(
          `INSERT INTO users (id, tenant_id, email, name, role, status, invite_token_hash, invite_expires_at)
           VALUES ($1, $2, $3, $4, $5, 'invited', $6, now() + make_interval(days => $7)) RETURNING ${USER_COLUMNS}, invite_expires_at`,
          [id, tenantId, input.email, input.name, input.role, hash, INVITE_TTL_DAYS],
        );
      } catch (error) {
        if ((error as { code?: string }).code === '23505') throw new AppError('EMAIL_TAKEN', 'This agency already has a user with this email', [{ field: 'email', message: 'already in this agency' }]);
        throw error;
      }
      await this.audit.record(tx, { type: 'user.invited', targetType: 'user', targetId: id, metadata: { email: input.email, role: input.role } });
      return {
        user: userView(user),
        inviteToken: token,
        inviteUrl: `${this.config.PUBLIC_URL}/accept-invite?token=${encodeURIComponent(token)}`,
        inviteExpiresAt: user.invite_expires_at.toISOString(),
      };
    });
  }

  async update(id: string, input: { role?: StaffRole; name?: string }) {
    if (input.role) this.assertMayGrant(input.role);
    return this.db.transaction(async (tx) => {
      const [user] = await tx.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1 FOR UPDATE`, [id]);
      if (!user) throw AppError.notFound('User');
      this.assertMayManage(user);
      if (input.role && user.role === 'owner' && input.role !== 'owner') await this.assertNotLastOwner(tx.query.bind(tx), id);
      const [updated] = await tx.query<UserRow>(
        `UPDATE users SET role = COALESCE($2, role), name = COALESCE($3, name) WHERE id = $1 RETURNING ${USER_COLUMNS}`,
        [id, input.role ?? null, input.name ?? null],
      );
      if (input.role && input.role !== user.role) {
        await this.audit.record(tx, { type: 'user.role_changed', targetType: 'user', targetId: id, metadata: { from: user.role, to: input.role } });
      }
      return userView(updated);
    });
  }

  /** Deactivation takes effect at once: the token version bump invalidates access tokens, refresh tokens are revoked. */
  async deactivate(id: string) {
    return this.db.transaction(async (tx) => {
      const [user] = await tx.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1 FOR UPDATE`, [id]);
      if (!user) throw AppError.notFound('User');
      this.assertMayManage(user);
      if (user.id === TenantContext.require().actor.id) throw new AppError('FORBIDDEN', 'You cannot deactivate yourself');
      if (user.role === 'owner') await this.assertNotLastOwner(tx.query.bind(tx), id);
      const [updated] = await tx.query<UserRow>(
        `UPDATE users SET status = 'deactivated', token_version = token_version + 1, invite_token_hash = NULL WHERE id = $1 RETURNING ${USER_COLUMNS}`,
        [id],
      );
      await tx.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [id]);
      await this.audit.record(tx, { type: 'user.deactivated', targetType: 'user', targetId: id });
      return userView(updated);
    });
  }

  /** Nobody grants a role above their own (an admin cannot make owners). */
  private assertMayGrant(role: StaffRole) {
    const actorRole = TenantContext.require().actor.role as StaffRole;
    if (!hasRoleAtLeast(actorRole, role)) throw new AppError('FORBIDDEN', `A ${actorRole} cannot grant the role ${role}`);
  }

  private assertMayManage(target: UserRow) {
    const actorRole = TenantContext.require().actor.role as StaffRole;
    if (!hasRoleAtLeast(actorRole, target.role)) throw new AppError('FORBIDDEN', `A ${actorRole} cannot change a ${target.role}`);
  }

  private async assertNotLastOwner(query: (text: string, params?: unknown[]) => Promise<unknown[]>, id: string) {
    const others = await query(`SELECT 1 FROM users WHERE role = 'owner' AND status = 'active' AND id <> $1 LIMIT 1`, [id]);
    if (others.length === 0) throw new AppError('CONFLICT', 'The agency must keep at least one active owner');
  }
}
