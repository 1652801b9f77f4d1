import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import { TenantContext, TenantDb, type TenantTransaction } from '@poa/db';
import { hasRoleAtLeast, type StaffRole } from '@poa/domain';
import { randomUUID } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import { newOpaqueToken } from '../auth/tokens.service';
import { userView } from '../auth/views';
import { RefreshTokensRepository } from '../auth/refresh-tokens.repository';
import { type UserRow, UsersRepository } from './users.repository';
import { StaffAccessCache } from '../auth/staff-access-cache';
import { textCursor, toPage } from '../../common/pagination';
import { AppError } from '../../core/errors';
import { APP_CONFIG } from '../../core/tokens';

const INVITE_TTL_DAYS = 7;

@Injectable()
export class UsersService {
  constructor(
    private readonly db: TenantDb,
    private readonly users: UsersRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly audit: AuditService,
    private readonly accessCache: StaffAccessCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(limit: number, cursor?: string) {
    const after = textCursor.decode(cursor);
    const rows = await this.users.page(limit, after);
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
        user = await this.users.insertInvited(tx, {
          id,
          tenantId,
          email: input.email,
          name: input.name,
          role: input.role,
          inviteTokenHash: hash,
          ttlDays: INVITE_TTL_DAYS,
        });
      } catch (error) {
        if ((error as { code?: string }).code === '23505')
          throw new AppError('EMAIL_TAKEN', 'This agency already has a user with this email', [
            { field: 'email', message: 'already in this agency' },
          ]);
        throw error;
      }
      await this.audit.record(tx, {
        type: 'user.invited',
        targetType: 'user',
        targetId: id,
        metadata: { email: input.email, role: input.role },
      });
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
    const view = await this.db.transaction(async (tx) => {
      const user = await this.users.lockById(tx, id);
      if (!user) throw AppError.notFound('User');
      this.assertMayManage(user);
      if (input.role && user.role === 'owner' && input.role !== 'owner') await this.assertNotLastOwner(tx, id);
      const updated = await this.users.update(tx, id, { role: input.role ?? null, name: input.name ?? null });
      if (input.role && input.role !== user.role) {
        await this.audit.record(tx, {
          type: 'user.role_changed',
          targetType: 'user',
          targetId: id,
          metadata: { from: user.role, to: input.role },
        });
      }
      return userView(updated);
    });
    await this.accessCache.invalidate(TenantContext.require().tenantId, id);
    return view;
  }

  /** Deactivation takes effect at once: the token version bump invalidates access tokens, refresh tokens are revoked. */
  async deactivate(id: string) {
    const view = await this.db.transaction(async (tx) => {
      const user = await this.users.lockById(tx, id);
      if (!user) throw AppError.notFound('User');
      this.assertMayManage(user);
      if (user.id === TenantContext.require().actor.id) throw new AppError('FORBIDDEN', 'You cannot deactivate yourself');
      if (user.role === 'owner') await this.assertNotLastOwner(tx, id);
      const updated = await this.users.deactivate(tx, id);
      await this.refreshTokens.revokeAllOfUser(tx, id);
      await this.audit.record(tx, { type: 'user.deactivated', targetType: 'user', targetId: id });
      return userView(updated);
    });
    await this.accessCache.invalidate(TenantContext.require().tenantId, id);
    return view;
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

  private async assertNotLastOwner(tx: TenantTransaction, id: string) {
    if (!(await this.users.anotherActiveOwner(tx, id))) throw new AppError('CONFLICT', 'The agency must keep at least one active owner');
  }
}
