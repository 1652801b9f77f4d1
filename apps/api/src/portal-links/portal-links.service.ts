import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import type { TenantTransaction } from '@poa/db';
import { randomUUID } from 'node:crypto';
import { newOpaqueToken } from '../common/opaque-token';
import { APP_CONFIG } from '../core/tokens';
import { PortalLinksRepository } from './portal-links.repository';

/** How long a log-in link asked for on the log-in page, or made by staff to share, stays usable. */
export const LOGIN_LINK_TTL_MINUTES = 15;
/** How long the link in a "ready for your review" e-mail stays usable: e-mail is read hours or days later. */
export const REVIEW_LINK_TTL_MINUTES = 7 * 24 * 60;

export interface PortalLink {
  url: string;
  token: string;
  expiresAt: string;
}

/**
 * One-time portal log-in links, each exchanged once for a session (POST /portal/session). A link made for a case
 * opens that case (`/portal/cases/<id>?token=...`); otherwise the portal's log-in page (`/portal/login?token=...`).
 */
@Injectable()
export class PortalLinksService {
  constructor(
    private readonly repo: PortalLinksRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(tx: TenantTransaction, contactId: string, opts: { caseId?: string; ttlMinutes?: number } = {}): Promise<PortalLink> {
    const rowId = randomUUID();
    const { token, hash } = newOpaqueToken(tx.tenantId, rowId);
    const ttlMinutes = opts.ttlMinutes ?? LOGIN_LINK_TTL_MINUTES;
    const expiresAt = await this.repo.insertToken(tx, { rowId, contactId, hash, ttlMinutes });
    const base = this.config.PUBLIC_URL.replace(/\/$/, '');
    const where = opts.caseId ? `/portal/cases/${opts.caseId}` : '/portal/login';
    return { url: `${base}${where}?token=${encodeURIComponent(token)}`, token, expiresAt: new Date(expiresAt).toISOString() };
  }
}
