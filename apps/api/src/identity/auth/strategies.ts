import { Inject, Injectable } from '@nestjs/common';
import { JwtService, type JwtVerifyOptions } from '@nestjs/jwt';
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

/** `Bearer <token>` exactly (what every client sends); other spellings go through passport's own parsing. */
function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined || !header.startsWith('Bearer ')) return undefined;
  const token = header.slice(7);
  return token.length > 0 && !/\s/.test(token) ? token : undefined;
}

/** An API key (`poa_...`), whatever the case: the api-key strategy's. */
const API_KEY_PREFIX = /^poa_/i;

/** Verified staff tokens kept per process (about 300 bytes each), the oldest dropped first. */
const VERIFIED_TOKENS_KEPT = 10_000;

/** What passport-jwt passes to jsonwebtoken for a staff token (the key is the JwtModule's, the same jwtKey). */
const STAFF_VERIFY_OPTIONS: JwtVerifyOptions = {
  algorithms: [JWT_ALGORITHM],
  audience: STAFF_AUDIENCE,
  issuer: JWT_ISSUER,
  ignoreExpiration: false,
};

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
  private readonly verified = new Map<string, StaffTokenClaims & { exp: number }>();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly users: UsersRepository,
    private readonly cache: StaffAccessCache,
    private readonly rateLimit: RequestRateLimit,
    private readonly jwt: JwtService,
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

  /**
   * The same check as the passport strategy for the common case, a staff access token as `Bearer <jwt>`, without
   * passport's chain of strategies (the API key strategy tried first, callbacks, a second verification for the
   * portal). Verified by the same library (jsonwebtoken) with the same key and options. Returns undefined for anything else (no such header, an
   * API key, a portal token, an invalid or expired token): the caller then runs the passport chain, which answers
   * it exactly as before.
   */
  async authenticateBearer(req: Request): Promise<Principal | false | undefined> {
    const claims = this.bearerClaims(req);
    return claims ? this.validate(req, claims) : undefined;
  }

  /** The claims of a valid staff access token sent as `Bearer <jwt>`; undefined for anything else. No side effect. */
  bearerClaims(req: Pick<Request, 'headers'>): StaffTokenClaims | undefined {
    const token = bearerToken(req.headers.authorization);
    if (token === undefined || API_KEY_PREFIX.test(token)) return undefined;
    return this.verifiedClaims(token);
  }

  /**
   * The claims of a valid staff token. A token's text is signed: once verified, the same text verifies again until
   * its expiry, so the result is kept by the exact text (a bounded map) and only the expiry is checked again.
   * Whether the user may still use it (deactivation, token version) is checked on every request by validate().
   */
  private verifiedClaims(token: string): StaffTokenClaims | undefined {
    const known = this.verified.get(token);
    if (known) {
      if (Math.floor(Date.now() / 1000) < known.exp) return known;
      this.verified.delete(token);
    }
    let claims: StaffTokenClaims & { exp?: unknown; nbf?: unknown };
    try {
      claims = this.jwt.verify<StaffTokenClaims & object>(token, STAFF_VERIFY_OPTIONS);
    } catch {
      return undefined;
    }
    if (typeof claims.exp === 'number' && claims.nbf === undefined) {
      if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, Object.freeze({ ...claims, exp: claims.exp }));
    }
    return claims;
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
