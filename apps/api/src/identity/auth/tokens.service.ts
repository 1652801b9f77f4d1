import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '@poa/config';
import { createSecretKey, randomBytes, timingSafeEqual, type KeyObject } from 'node:crypto';
import { APP_CONFIG } from '../../core/tokens';
import { sha256Hex } from '../../common/hash';

export const STAFF_AUDIENCE = 'poa-desk:staff';
export const PORTAL_AUDIENCE = 'poa-desk:portal';
export const JWT_ISSUER = 'poa-desk';
export const JWT_ALGORITHM = 'HS256';

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

export function safeEqualHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Opaque tokens that carry their tenant: `<tenantId>.<rowId>.<secret>`. The tenant part lets the look-up run
 * under row-level security like any other query; only a SHA-256 of the secret is stored.
 */
export function newOpaqueToken(tenantId: string, rowId: string): { token: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { token: `${tenantId}.${rowId}.${secret}`, hash: sha256Hex(secret) };
}

export function parseOpaqueToken(token: string): { tenantId: string; rowId: string; secretHash: string } | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[2]) return null;
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (!uuid.test(parts[0]) || !uuid.test(parts[1])) return null;
  return { tenantId: parts[0], rowId: parts[1], secretHash: sha256Hex(parts[2]) };
}

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

  portalToken(claims: PortalTokenClaims, ttlSeconds = 8 * 3600): string {
    return this.jwt.sign(claims, { audience: PORTAL_AUDIENCE, issuer: JWT_ISSUER, algorithm: JWT_ALGORITHM, expiresIn: ttlSeconds });
  }
}
