import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@poa/config';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CSP_NONCE_PLACEHOLDER, setPagePolicy } from './security-headers';

/**
 * In production the API serves the built dashboard and portal at / (SPA fallback for client-side routes, GET and
 * HEAD). Hashed assets are cached; the HTML pages are answered with a fresh CSP nonce each time (never as files).
 */
export function serveWeb(app: NestExpressApplication, config: Pick<AppConfig, 'WEB_DIST_DIR'>): void {
  const dir = resolve(config.WEB_DIST_DIR);
  const index = join(dir, 'index.html');
  const portal = join(dir, 'portal.html');
  if (!existsSync(index)) return;
  const assets = express.static(dir, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => (req.path.endsWith('.html') ? next() : assets(req, res, next)));
  app.use(async (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/api') || req.path.startsWith('/health')) return next();
    const isPortal = req.path === '/portal' || req.path.startsWith('/portal/');
    let html: string;
    try {
      html = await readFile(isPortal && existsSync(portal) ? portal : index, 'utf8');
    } catch (error) {
      return next(error);
    }
    const nonce = setPagePolicy(res);
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(html.replaceAll(CSP_NONCE_PLACEHOLDER, nonce));
  });
}
