import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import { DEFAULT_BRANDING, TenantContext, TenantDb, type TenantTransaction } from '@poa/db';
import * as argon2 from 'argon2';
import { randomBytes, randomUUID } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../../core/errors';
import { APP_CONFIG } from '../../core/tokens';
import { StaffAccessCache } from './staff-access-cache';
import { EmailConfirmation } from './email-confirmation';
import { newOpaqueToken, parseOpaqueToken, safeEqualHex, TokensService } from './tokens.service';
import { type UserRow, UsersRepository } from '../users/users.repository';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { type TenantRow, TenantsRepository } from './tenants.repository';
import { tenantView, userView } from './views';

/** argon2id with OWASP's second profile (19 MiB, t=2): about 30 ms here, strong against GPU guessing. */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: ReturnType<typeof userView>;
  tenant: ReturnType<typeof tenantView>;
}

/** One answer for an unknown email, a wrong password, and an account whose address is not confirmed yet. */
const invalidCredentials = () =>
  new AppError('INVALID_CREDENTIALS', 'Email or password is incorrect (a new account logs in once its email address is confirmed)');

@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so both failures take the same time. */
  private readonly dummyHash = argon2.hash(randomBytes(16).toString('hex'), ARGON2_OPTIONS);

  constructor(
    private readonly db: TenantDb,
    private readonly users: UsersRepository,
    private readonly tenants: TenantsRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly tokens: TokensService,
    private readonly audit: AuditService,
    private readonly confirmation: EmailConfirmation,
    private readonly accessCache: StaffAccessCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  hashPassword(password: string): Promise<string> {
    return argon2.hash(password, ARGON2_OPTIONS);
  }

  /**
   * Always a new agency with an unconfirmed owner and a session, whether or not the address has an account
   * elsewhere (the answer must not tell): see EmailConfirmation for what each case gets by email.
   */
  async signup(input: { agencyName: string; name: string; email: string; password: string }, ip: string | null): Promise<Session> {
    const passwordHash = await this.hashPassword(input.password);
    const tenantId = randomUUID();
    const { session, holder } = await TenantContext.run({ tenantId, actor: { kind: 'system', id: null, name: 'signup' }, ip }, () =>
      this.db.transaction(async (tx) => {
        const tenant = await this.tenants.insert(tx, { id: tenantId, name: input.agencyName, branding: DEFAULT_BRANDING });
        const user = await this.users.insertOwner(tx, tenantId, { email: input.email, name: input.name, passwordHash });
        await this.audit.record(tx, { type: 'auth.signup', actorType: 'user', actorId: user.id, actorLabel: user.email, ip });
        return {
          holder: await this.confirmation.requestConfirmation(tx, user, tenant.name),
          session: await this.openSession(tx, tenant, user),
        };
      }),
    );
    if (holder) await this.confirmation.tellHolder(holder, input.email, { kind: 'signup' });
    return session;
  }

  /** Passport's local strategy calls this. Unknown email and wrong password fail identically. */
  async verifyCredentials(email: string, password: string, ip: string | null): Promise<UserRow> {
    const normalized = email.trim().toLowerCase();
    const user = await this.users.byConfirmedEmail(normalized);
    const hash = user?.password_hash ?? (await this.dummyHash);
    const valid = await argon2.verify(hash, password).catch(() => false);
    if (!user || !valid || user.status !== 'active') {
      if (user) {
        await TenantContext.run({ tenantId: user.tenant_id, actor: { kind: 'system', id: null, name: 'login' }, ip }, () =>
          this.db.transaction((tx) =>
            this.audit.record(tx, {
              type: 'auth.login.failed',
              actorType: 'user',
              actorId: user.id,
              actorLabel: user.email,
              ip,
              metadata: { reason: !valid ? 'password' : user.status },
            }),
          ),
        );
      }
      throw invalidCredentials();
    }
    return user;
  }

  async login(user: UserRow, ip: string | null): Promise<Session> {
    return TenantContext.run({ tenantId: user.tenant_id, actor: { kind: 'user', id: user.id, name: user.email }, ip }, () =>
      this.db.transaction(async (tx) => {
        const fresh = await this.users.recordLogin(tx, user.id);
        const tenant = await this.tenants.byId(tx, user.tenant_id);
        await this.audit.record(tx, { type: 'auth.login.succeeded', ip });
        return this.openSession(tx, tenant, fresh);
      }),
    );
  }

  /** Rotates the refresh token: the old one is spent; presenting a spent one again revokes its whole family. */
  async refresh(refreshToken: string | undefined): Promise<Session> {
    const parsed = refreshToken ? parseOpaqueToken(refreshToken) : null;
    if (!parsed) throw new AppError('UNAUTHENTICATED', 'No valid refresh token');
    const outcome = await this.db.transaction(
      async (tx) => {
        const row = await this.refreshTokens.lock(tx, parsed.rowId);
        if (!row || !safeEqualHex(row.token_hash, parsed.secretHash) || row.revoked_at || row.expires_at < new Date()) return null;
        if (row.rotated_at) {
          await this.refreshTokens.revokeFamily(tx, row.family_id);
          await this.audit.record(tx, {
            type: 'auth.refresh_reuse_detected',
            actorType: 'user',
            actorId: row.user_id,
            metadata: { familyId: row.family_id },
          });
          return 'reused' as const;
        }
        const user = await this.users.byId(tx, row.user_id);
        if (!user || user.status !== 'active') return null;
        await this.refreshTokens.markRotated(tx, row.id);
        const tenant = await this.tenants.byId(tx, user.tenant_id);
        return this.openSession(tx, tenant, user, row.family_id);
      },
      { tenantId: parsed.tenantId },
    );
    if (!outcome || outcome === 'reused') throw new AppError('UNAUTHENTICATED', 'No valid refresh token');
    return outcome;
  }

  /** Revokes the refresh token's family and every access token of the user (see StaffJwtStrategy). */
  async logout(refreshToken: string | undefined): Promise<void> {
    const parsed = refreshToken ? parseOpaqueToken(refreshToken) : null;
    if (!parsed) return;
    const userId = await this.db.transaction(
      async (tx) => {
        const row = await this.refreshTokens.familyOf(tx, parsed.rowId);
        if (!row || !safeEqualHex(row.token_hash, parsed.secretHash)) return null;
        await this.refreshTokens.revokeFamily(tx, row.family_id);
        // The access token ends too. The version is per user, so the user's other sessions lose theirs as well and
        // get a new one through their own (still valid) refresh token.
        await this.users.bumpTokenVersion(tx, row.user_id);
        await this.audit.record(tx, { type: 'auth.logout', actorType: 'user', actorId: row.user_id });
        return row.user_id;
      },
      { tenantId: parsed.tenantId },
    );
    if (userId) await this.accessCache.invalidate(parsed.tenantId, userId);
  }

  /** Changing the password ends every other session: refresh tokens revoked, access tokens invalidated. */
  async changePassword(userId: string, currentPassword: string, newPassword: string): Promise<Session> {
    const user = await this.db.transaction((tx) => this.users.byId(tx, userId));
    if (!user?.password_hash || !(await argon2.verify(user.password_hash, currentPassword).catch(() => false))) {
      throw AppError.validation([{ field: 'currentPassword', message: 'is incorrect' }]);
    }
    const hash = await this.hashPassword(newPassword);
    const session = await this.db.transaction(async (tx) => {
      const fresh = await this.users.setPassword(tx, userId, hash);
      await this.refreshTokens.revokeAllOfUser(tx, userId);
      await this.audit.record(tx, { type: 'auth.password_changed', targetType: 'user', targetId: userId });
      const tenant = await this.tenants.byId(tx, fresh.tenant_id);
      return this.openSession(tx, tenant, fresh);
    });
    await this.accessCache.invalidate(user.tenant_id, userId);
    return session;
  }

  /**
   * The token's row is looked up (by its id) and its secret checked before the password is hashed: a forged token
   * costs no argon2. The account logs in with its password once its address is confirmed (EmailConfirmation).
   */
  async acceptInvite(token: string, password: string, ip: string | null): Promise<Session> {
    const parsed = parseOpaqueToken(token);
    const invalid = () => AppError.validation([{ field: 'token', message: 'is invalid or has expired' }]);
    if (!parsed) throw invalid();
    const { session, holder } = await TenantContext.run(
      { tenantId: parsed.tenantId, actor: { kind: 'system', id: null, name: 'invite' }, ip },
      () =>
        this.db.transaction(async (tx) => {
          const user = await this.users.lockInvited(tx, parsed.rowId);
          if (
            !user ||
            user.status !== 'invited' ||
            !user.invite_token_hash ||
            !safeEqualHex(user.invite_token_hash, parsed.secretHash) ||
            !user.invite_expires_at ||
            user.invite_expires_at < new Date()
          ) {
            throw invalid();
          }
          const hash = await this.hashPassword(password);
          const fresh = await this.users.acceptInvite(tx, user.id, hash);
          await this.audit.record(tx, { type: 'user.invite_accepted', actorType: 'user', actorId: user.id, actorLabel: user.email });
          const tenant = await this.tenants.byId(tx, user.tenant_id);
          return {
            holder: await this.confirmation.requestConfirmation(tx, fresh, tenant.name),
            session: await this.openSession(tx, tenant, fresh),
          };
        }),
    );
    if (holder) await this.confirmation.tellHolder(holder, session.user.email, { kind: 'invite', agencyName: session.tenant.name });
    return session;
  }

  async me(userId: string) {
    return this.db.transaction(async (tx) => {
      const user = await this.users.byId(tx, userId);
      const tenant = await this.tenants.current(tx);
      if (!user || !tenant) throw AppError.notFound('User');
      return { user: userView(user), tenant: tenantView(tenant) };
    });
  }

  private async openSession(tx: TenantTransaction, tenant: TenantRow, user: UserRow, familyId: string = randomUUID()): Promise<Session> {
    const id = randomUUID();
    const { token, hash } = newOpaqueToken(tenant.id, id);
    await this.refreshTokens.insert(tx, {
      id,
      tenantId: tenant.id,
      userId: user.id,
      hash,
      familyId,
      ttlDays: this.config.REFRESH_TOKEN_TTL_DAYS,
    });
    return {
      accessToken: this.tokens.accessToken({ sub: user.id, tid: tenant.id, tv: user.token_version }),
      refreshToken: token,
      user: userView(user),
      tenant: tenantView(tenant),
    };
  }
}
