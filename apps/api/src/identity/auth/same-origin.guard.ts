import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import type { Request } from 'express';
import { AppError } from '../../core/errors';
import { APP_CONFIG } from '../../core/tokens';

/**
 * For endpoints a cookie authenticates (the staff refresh cookie; the portal session cookie through SameOriginCheck): refuses requests another site made the browser send
 * (403 CROSS_SITE_REQUEST), in addition to the cookie's SameSite=Strict.
 * - Sec-Fetch-Site, sent by every current browser, decides when present: `same-origin` passes, and `none` (the
 *   user's own action, e.g. a bookmark); `same-site` and `cross-site` do not.
 * - Otherwise Origin decides: it must be this app's origin (PUBLIC_URL, or the host the request was sent to: a
 *   browser sets Host itself, and a rebound DNS name would not carry this host's cookie). "null" does not pass.
 * - With neither header the request was not made by a browser (curl, a server): it cannot carry a victim's
 *   cookie, so it is no forgery and passes.
 */
@Injectable()
export class SameOriginGuard implements CanActivate {
  private readonly check: SameOriginCheck;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'PUBLIC_URL'>) {
    this.check = new SameOriginCheck(config);
  }

  canActivate(context: ExecutionContext): boolean {
    this.check.assert(context.switchToHttp().getRequest<Request>());
    return true;
  }
}

/** The rule of SameOriginGuard, for a strategy that applies it only to some requests (the portal cookie). */
export class SameOriginCheck {
  private readonly publicOrigin: string;

  constructor(config: Pick<AppConfig, 'PUBLIC_URL'>) {
    this.publicOrigin = new URL(config.PUBLIC_URL).origin;
  }

  assert(req: Request): void {
    const site = req.get('sec-fetch-site');
    const origin = req.get('origin');
    if (site !== undefined ? site === 'same-origin' || site === 'none' : origin === undefined || this.isOwnOrigin(origin, req)) return;
    throw new AppError('CROSS_SITE_REQUEST', 'This endpoint only answers requests from the app itself (Origin / Sec-Fetch-Site)', [
      { field: site !== undefined ? 'Sec-Fetch-Site' : 'Origin', message: `${site ?? origin} is not this site` },
    ]);
  }

  private isOwnOrigin(origin: string, req: Request): boolean {
    return origin === this.publicOrigin || origin === `${req.protocol}://${req.get('host')}`;
  }
}
