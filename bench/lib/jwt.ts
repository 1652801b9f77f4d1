import { createHmac } from 'node:crypto';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A staff access token exactly as the API's TokensService signs it (HS256, issuer poa-desk, audience poa-desk:staff). */
export function signStaffToken(secret: string, claims: { sub: string; tid: string; tv: number }, ttlSeconds = 3600): string {
  const now = Math.floor(Date.now() / 1000);
  const header = b64({ alg: 'HS256', typ: 'JWT' });
  const payload = b64({ ...claims, iat: now, exp: now + ttlSeconds, aud: 'poa-desk:staff', iss: 'poa-desk' });
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

/** Verifies an HS256 token's signature and returns its claims (the baseline server's minimal authentication). */
export function verifyStaffToken(secret: string, token: string): { sub: string; tid: string } | null {
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || !signature) return null;
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  if (expected !== signature) return null;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub: string; tid: string; exp: number };
  return claims.exp * 1000 > Date.now() ? claims : null;
}
