import { randomBytes, timingSafeEqual } from 'node:crypto';
import { sha256Hex } from './hash';

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
