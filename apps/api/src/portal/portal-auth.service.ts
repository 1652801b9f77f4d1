import { Injectable, Logger } from '@nestjs/common';
import { TenantDb } from '@poa/db';
import { QUEUES } from '@poa/jobs';
import { parseOpaqueToken, safeEqualHex, TokensService } from '../identity/auth/tokens.service';
import { AppError } from '../core/errors';
import { loginLinkEmail } from '../email/email-texts';
import { OutboxService } from '../outbox/outbox.service';
import { LOGIN_LINK_TTL_MINUTES, PortalLinksService } from '../portal-links/portal-links.service';
import { LoginLinkRateLimit } from './login-link-rate-limit';
import { PortalAuthRepository } from './portal-auth.repository';

/** A link token that cannot be used: one answer for forged, unknown, expired and used tokens (400 on the field token). */
const unusableToken = () =>
  AppError.validation([{ field: 'token', message: 'This log-in link is invalid, expired or already used: ask for a new one' }]);

/** Password-less log-in of a client's contacts: one-time links (15 minutes) exchanged for a portal session. */
@Injectable()
export class PortalAuthService {
  private readonly logger = new Logger(PortalAuthService.name);

  constructor(
    private readonly db: TenantDb,
    private readonly repo: PortalAuthRepository,
    private readonly outbox: OutboxService,
    private readonly tokens: TokensService,
    private readonly rateLimit: LoginLinkRateLimit,
    private readonly links: PortalLinksService,
  ) {}

  /**
   * Emails a link to every contact with this address (the same person may be a contact of several clients or
   * agencies: each gets its own link, scoped to that client). Unknown addresses get nothing, with the same answer.
   */
  async emailLoginLinks(email: string): Promise<void> {
    if (!(await this.rateLimit.allow(email))) {
      this.logger.warn('Portal log-in link rate limit reached for an address');
      return;
    }
    const contacts = await this.repo.contactsByEmail(email);
    for (const contact of contacts) {
      await this.db.transaction(
        async (tx) => {
          const agency = await this.repo.agencyOfActiveClient(tx, contact.client_id);
          if (agency === undefined) return;
          const link = await this.links.issue(tx, contact.id);
          const message = loginLinkEmail(agency, contact.name, link.url, LOGIN_LINK_TTL_MINUTES);
          await this.outbox.add(tx, {
            queue: QUEUES.email,
            payload: { tenantId: contact.tenant_id, to: contact.email, ...message },
            occasion: { kind: 'login' },
          });
        },
        { tenantId: contact.tenant_id },
      );
    }
  }

  /** Staff create a link to share themselves (the current tenant). */
  async linkForContact(clientId: string, contactId: string) {
    return this.db.transaction(async (tx) => {
      const contact = await this.repo.contactOfClient(tx, clientId, contactId);
      if (!contact) throw AppError.notFound('Contact');
      return this.links.issue(tx, contact.id);
    });
  }

  /** Staff create a link that opens one case for a contact of its client; another client's contact is 400 on contactId. */
  async linkForCase(caseId: string, contactId: string) {
    return this.db.transaction(async (tx) => {
      const kase = await this.repo.caseClient(tx, caseId);
      if (!kase) throw AppError.notFound('Case');
      const contact = await this.repo.contactOfClient(tx, kase.client_id, contactId);
      if (!contact) throw AppError.validation([{ field: 'contactId', message: 'not a contact of this case’s client' }]);
      return this.links.issue(tx, contact.id, { caseId });
    });
  }

  /** Exchanges a link token once: the row is locked and marked used in the same transaction that checks it. */
  async exchange(token: string) {
    const parsed = parseOpaqueToken(token);
    if (!parsed) throw unusableToken();
    const session = await this.db.transaction(
      async (tx) => {
        const row = await this.repo.lockToken(tx, parsed.rowId);
        if (!row || !safeEqualHex(row.token_hash, parsed.secretHash) || !row.usable) return null;
        // Refused before the link is used up: should the owner cancel, the same link still works while it is valid.
        if (await this.repo.agencyDeletionScheduled(tx))
          throw new AppError('TENANT_DELETION_SCHEDULED', 'This agency is closing its account: the client portal is no longer available');
        await this.repo.markTokenUsed(tx, parsed.rowId);
        const found = await this.repo.sessionContact(tx, row.contact_id);
        return found ?? null;
      },
      { tenantId: parsed.tenantId },
    );
    if (!session) throw unusableToken();
    return {
      accessToken: this.tokens.portalToken({ sub: session.id, tid: parsed.tenantId, cid: session.client_id, sv: session.session_version }),
      contact: { id: session.id, name: session.name, email: session.email },
      client: { id: session.client_id, name: session.client_name },
    };
  }

  /** Portal log-out: every portal token of the contact stops working (the session version moves on). */
  async logout(contactId: string): Promise<void> {
    await this.db.transaction((tx) => this.repo.endSessions(tx, contactId));
  }
}
