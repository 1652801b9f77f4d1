import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '@poa/config';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { APP_CONFIG } from '../../core/tokens';

export const STAFF_AUDIENCE = 'poa-desk:staff';
export const PORTAL_AUDIENCE = 'poa-desk:portal';
export const JWT_ISSUER = 'poa-desk';
export const JWT_ALGORITHM = 'HS256';
/** A portal session's lifetime: its access token and its cookie. */
export const PORTAL_SESSION_TTL_SECONDS = 8 * 3600;

/**
 * The HMAC key as a KeyObject: given a string, jsonwebtoken first tries (and fails) to parse it as a public key on
 * every verify, which cost about 15% of the API's CPU per request in a profile.
 */
export function jwtKey(secret: string): Buffer {
  const key: KeyObject = createSecretKey(Buffer.from(secret, 'utf8'));
  // jsonwebtoken 9 accepts a KeyObject; the typings of passport-jwt and @nestjs/jwt only say string | Buffer.
  return key as unknown as Buffer;
}

export interface StaffTokenClaims {
  sub: string;
  tid: string;
  /** users.token_version at issue time: bumped on log-out, deactivation and password change. */
  tv: number;
}

export interface PortalTokenClaims {
  sub: string;
  tid: string;
  cid: string;
  /** contacts.session_version at issue time: bumped on portal log-out, e-mail change and the client's archiving. */
  sv: number;
}

export { newOpaqueToken, parseOpaqueToken, safeEqualHex } from '../../common/opaque-token';

@Injectable()
export class TokensService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  accessToken(claims: StaffTokenClaims): string {
    return this.jwt.sign(claims, {
      audience: STAFF_AUDIENCE,
      issuer: JWT_ISSUER,
      algorithm: JWT_ALGORITHM,
      expiresIn: this.config.JWT_ACCESS_TTL_SECONDS,
    });
  }

  portalToken(claims: PortalTokenClaims, ttlSeconds = PORTAL_SESSION_TTL_SECONDS): string {
    return this.jwt.sign(claims, { audience: PORTAL_AUDIENCE, issuer: JWT_ISSUER, algorithm: JWT_ALGORITHM, expiresIn: ttlSeconds });
  }
}
