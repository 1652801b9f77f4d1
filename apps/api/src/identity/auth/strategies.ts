import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { AppConfig } from '@poa/config';
import type { StaffRole } from '@poa/domain';
import { isStaffRole } from './roles';
import type { Request } from 'express';
import { Strategy as CustomStrategy } from 'passport-custom';
import { ExtractJwt, Strategy as JwtStrategy } from 'passport-jwt';
import { Strategy as LocalStrategy } from 'passport-local';
import { APP_CONFIG } from '../../core/tokens';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { type AccessRow, UsersRepository } from '../users/users.repository';
import { RequestRateLimit } from '../../rate-limit/request-rate-limit';
import { StaffAccessCache } from './staff-access-cache';
import { AuthService } from './auth.service';
import { PortalSessionsRepository } from './portal-sessions.repository';
import { portalSessionCookie } from './portal-session-cookie';
import { SameOriginCheck } from './same-origin.guard';
import type { Principal } from '../../core/permissions';
import { jwtKey, JWT_ALGORITHM, JWT_ISSUER, PORTAL_AUDIENCE, PortalTokenClaims, STAFF_AUDIENCE, StaffTokenClaims } from './tokens.service';

/** Log-in with email and password. A wrong password and an unknown email fail the same way. */
@Injectable()
export class PasswordStrategy extends PassportStrategy(LocalStrategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  async validate(req: Request, email: string, password: string) {
    return this.auth.verifyCredentials(email, password, req.ip ?? null);
  }
}

const mayUse = (user: AccessRow | undefined, claims: StaffTokenClaims): user is AccessRow & { role: StaffRole } =>
  !!user && user.status === 'active' && user.token_version === claims.tv && isStaffRole(user.role);

/**
 * Staff access tokens: HS256 only, issuer, audience and expiry checked; the user must still be active and the
 * token's version current (log-out, deactivation and password change bump it), with the role as it is now.
 *
 * The user's row comes from StaffAccessCache while the user's access version in Redis is unchanged; that version
 * is read in the round trip that counts the request for the rate limit (done here, applied by the AccessGuard).
 */
@Injectable()
export class StaffJwtStrategy extends PassportStrategy(JwtStrategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly users: UsersRepository,
    private readonly cache: StaffAccessCache,
    private readonly rateLimit: RequestRateLimit,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: jwtKey(config.JWT_SECRET),
      algorithms: [JWT_ALGORITHM],
      audience: STAFF_AUDIENCE,
      issuer: JWT_ISSUER,
      ignoreExpiration: false,
      passReqToCallback: true,
    });
  }

  async validate(req: Request, claims: StaffTokenClaims): Promise<Principal | false> {
    const { version } = await this.rateLimit.count(req, { kind: 'user', id: claims.sub }, StaffAccessCache.versionKey(claims.sub));
    let user = version === undefined ? undefined : this.cache.get(claims.tid, claims.sub, version);
    if (!user) {
      [user] = await this.users.accessCheck(claims.tid, claims.sub);
      if (mayUse(user, claims) && version !== undefined) this.cache.set(claims.tid, claims.sub, version, user);
    }
    if (!mayUse(user, claims)) return false;
    return { kind: 'user', tenantId: claims.tid, id: user.id, name: user.name, email: user.email, role: user.role };
  }
}

const bearer = ExtractJwt.fromAuthHeaderAsBearerToken();
const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];

/**
 * Portal sessions of a client's contact (magic-link log-in), ended by a newer contacts.session_version. The token
 * comes as a bearer token (API clients) or else from the portal session cookie (the portal in a browser).
 */
@Injectable()
export class PortalJwtStrategy extends PassportStrategy(JwtStrategy, 'portal-jwt') {
  private readonly sameOrigin: SameOriginCheck;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly portalSessions: PortalSessionsRepository,
  ) {
    super({
      jwtFromRequest: (req: Request) => bearer(req) ?? portalSessionCookie(req),
      secretOrKey: jwtKey(config.JWT_SECRET),
      algorithms: [JWT_ALGORITHM],
      audience: PORTAL_AUDIENCE,
      issuer: JWT_ISSUER,
      passReqToCallback: true,
    });
    this.sameOrigin = new SameOriginCheck(config);
  }

  /** One read: the contact must exist, its client must not be archived and its session version must match the token's. */
  async validate(req: Request, claims: PortalTokenClaims): Promise<Principal | false> {
    // A cookie travels with any request the browser makes: a change it authenticates must come from the portal itself.
    if (!bearer(req) && !SAFE_METHODS.includes(req.method)) this.sameOrigin.assert(req);
    const [contact] = await this.portalSessions.contact(claims.tid, claims.sub, claims.cid);
    if (!contact || contact.session_version !== claims.sv) return false;
    return { kind: 'contact', tenantId: claims.tid, id: contact.id, name: contact.name, email: contact.email, clientId: contact.client_id };
  }
}

/** CRM integrations: `Authorization: Bearer poa_...`. */
@Injectable()
export class ApiKeyStrategy extends PassportStrategy(CustomStrategy, 'api-key') {
  constructor(private readonly apiKeys: ApiKeysService) {
    super();
  }

  async validate(req: Request): Promise<Principal | false> {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(poa_\S+)$/i.exec(header);
    if (!match) return false;
    return (await this.apiKeys.authenticate(match[1])) ?? false;
  }
}
