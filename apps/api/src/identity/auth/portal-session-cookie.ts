import type { CookieOptions, Request, Response } from 'express';

/**
 * The portal session as an httpOnly cookie (the portal access token itself), so a contact's session survives a reload
 * and a new tab for its lifetime without script-readable storage. Scoped to the portal API; SameSite=Strict, and
 * the portal strategy refuses a cookie-authenticated change from another site (SameOriginCheck).
 */
export const PORTAL_SESSION_COOKIE = 'poa_portal';
const PORTAL_COOKIE_PATH = '/api/v1/portal';

function options(res: Response): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: res.req.secure, path: PORTAL_COOKIE_PATH };
}

export function setPortalSessionCookie(res: Response, token: string, ttlSeconds: number): void {
  res.cookie(PORTAL_SESSION_COOKIE, token, { ...options(res), maxAge: ttlSeconds * 1000 });
}

export function clearPortalSessionCookie(res: Response): void {
  res.clearCookie(PORTAL_SESSION_COOKIE, options(res));
}

export function portalSessionCookie(req: Request): string | null {
  const value: unknown = req.cookies?.[PORTAL_SESSION_COOKIE];
  return typeof value === 'string' && value.length > 0 ? value : null;
}
