import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { AppConfig } from '@poa/config';
import { isStaffRole } from './roles';
import type { Request } from 'express';
import { Strategy as CustomStrategy } from 'passport-custom';
import { ExtractJwt, Strategy as JwtStrategy } from 'passport-jwt';
import { Strategy as LocalStrategy } from 'passport-local';
import { APP_CONFIG } from '../../core/tokens';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { UsersRepository } from '../users/users.repository';
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

/**
 * Staff access tokens: HS256 only, issuer, audience and expiry checked; the user must still be active and the
 * token's version current (log-out, deactivation and password change bump it): the row is read anyway for the role.
 */
@Injectable()
export class StaffJwtStrategy extends PassportStrategy(JwtStrategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly users: UsersRepository,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: jwtKey(config.JWT_SECRET),
      algorithms: [JWT_ALGORITHM],
      audience: STAFF_AUDIENCE,
      issuer: JWT_ISSUER,
      ignoreExpiration: false,
    });
  }

  async validate(claims: StaffTokenClaims): Promise<Principal | false> {
    const [user] = await this.users.accessCheck(claims.tid, claims.sub);
    if (!user || user.status !== 'active' || user.token_version !== claims.tv || !isStaffRole(user.role)) return false;
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
