import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@poa/config';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { createHash, randomBytes } from 'node:crypto';

type Directives = Record<string, string[]>;

/**
 * The one Content-Security-Policy of the site: only this origin's scripts (never inline, never eval), styles and
 * connections; images also as data: URIs (agency logos); no plugins; no framing by anyone (clickjacking).
 */
const BASE_POLICY: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** The base policy, with `extra` sources appended to its directives. */
export function contentSecurityPolicy(extra: Directives = {}): string {
  return Object.entries(BASE_POLICY)
    .map(([name, sources]) => [name, ...sources, ...(extra[name] ?? [])].join(' '))
    .join('; ');
}

/**
 * What the built web app's HTML carries where a nonce goes (vite's `html.cspNonce`): the `<meta property="csp-nonce">`
 * and its script and style tags. The server puts a fresh nonce there on every answer.
 */
export const CSP_NONCE_PLACEHOLDER = 'POA_CSP_NONCE';

/**
 * Sets a page's policy with a fresh nonce allowed for <style> elements, and returns the nonce. The dashboard shows
 * the PDF preview (server HTML with a <style>) in a srcdoc frame, which inherits this policy: the app tags that
 * one element with the nonce instead of the whole site allowing inline styles.
 */
export function setPagePolicy(res: Response): string {
  const nonce = randomBytes(16).toString('base64');
  res.setHeader('Content-Security-Policy', contentSecurityPolicy({ 'style-src': [`'nonce-${nonce}'`] }));
  return nonce;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * Swagger UI's page (a fixed template of @nestjs/swagger: nothing of the request is in it) has two inline <style>
 * elements and one style attribute. Its policy allows exactly those by hash, computed from the page itself so it
 * stays right when the template changes; its scripts are files, so script-src stays 'self'.
 */
export function swaggerUiPolicy(html: string): string {
  const blocks = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((match) => sha256(match[1]));
  const attributes = [...html.matchAll(/\sstyle="([^"]*)"/gi)].map((match) => sha256(match[1]));
  return contentSecurityPolicy({
    'style-src': [...new Set(blocks), ...(attributes.length ? ["'unsafe-hashes'", ...new Set(attributes)] : [])],
  });
}

/** Replaces the policy of the HTML pages a route sends (Swagger UI's page) with `policyFor(html)`, memoised per page. */
function htmlPolicy(policyFor: (html: string) => string) {
  const cache = new Map<string, string>();
  return (_req: Request, res: Response, next: NextFunction) => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      if (typeof body === 'string' && String(res.getHeader('Content-Type') ?? '').startsWith('text/html')) {
        if (!cache.has(body)) cache.set(body, policyFor(body));
        res.setHeader('Content-Security-Policy', cache.get(body)!);
      }
      return send(body);
    };
    next();
  };
}

/** API answers (tokens, tenant data, PDFs) are never stored by a browser or proxy; Swagger UI's own files are static. */
const isApiAnswer = (path: string) => (path === '/api' || path.startsWith('/api/')) && !/^\/api\/docs\/[^/]+\.(js|css|png|map)$/.test(path);

/**
 * Browser security headers on every answer (helmet: nosniff, X-Frame-Options DENY, a same-origin Referrer-Policy,
 * cross-origin isolation headers), the CSP, HSTS over https, and no-store on API answers: synchronous handlers, in
 * order (the fast case reads run the same ones).
 */
export function securityHeaderHandlers(
  config: Pick<AppConfig, 'PUBLIC_URL'>,
): ((req: Request, res: Response, next: NextFunction) => void)[] {
  const behindHttps = new URL(config.PUBLIC_URL).protocol === 'https:';
  const policy = contentSecurityPolicy();
  return [
    helmet({
      contentSecurityPolicy: false,
      strictTransportSecurity: false,
      xFrameOptions: { action: 'deny' },
      // same-origin: no URL (log-in links carry tokens in the query) leaves the site in a Referer, while
      // same-origin POSTs keep a real Origin header (no-referrer would turn it into "null").
      referrerPolicy: { policy: 'same-origin' },
    }),
    (req: Request, res: Response, next: NextFunction) => {
      res.setHeader('Content-Security-Policy', policy);
      // Over plain http a browser ignores HSTS; behind a TLS proxy that is not trusted, PUBLIC_URL still says https.
      if (req.secure || behindHttps) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
      if (isApiAnswer(req.path)) res.setHeader('Cache-Control', 'no-store');
      next();
    },
  ];
}

/**
 * The security headers on every answer. Register it before any route so that it covers them all, Swagger UI
 * included (`docsPath`, e.g. /api/docs).
 */
export function applySecurityHeaders(app: NestExpressApplication, config: Pick<AppConfig, 'PUBLIC_URL'>, docsPath: string): void {
  for (const handler of securityHeaderHandlers(config)) app.use(handler);
  app.use(docsPath, htmlPolicy(swaggerUiPolicy));
}
