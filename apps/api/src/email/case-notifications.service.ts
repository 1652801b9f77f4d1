import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import { TenantContext, type TenantTransaction } from '@poa/db';
import type { CaseAction, CaseStatus } from '@poa/domain';
import { QUEUES, type EmailKind } from '@poa/jobs';
import { AppError } from '../core/errors';
import { APP_CONFIG } from '../core/tokens';
import { OutboxService } from '../outbox/outbox.service';
import { PortalLinksService, REVIEW_LINK_TTL_MINUTES } from '../portal-links/portal-links.service';
import { CaseNotificationsRepository } from './case-notifications.repository';
import { clientAnsweredEmail, reviewReminderEmail, reviewRequestEmail, type CaseMailFacts } from './email-texts';

/** How long a draft may wait for the client before the reminder goes out. */
export const REVIEW_REMINDER_DELAY_MS = 48 * 3600 * 1000;

interface TransitionFacts {
  caseId: string;
  action: CaseAction;
  to: CaseStatus;
  comment?: string;
  fullName?: string;
  /** approve_internal: the staff's message to the client and the contacts to e-mail (default: all). */
  message?: string;
  contactIds?: string[];
}

/**
 * The emails a workflow move causes, written to the outbox inside the move's transaction (they go out only if it
 * commits): the client's contacts when a draft awaits their review (plus a delayed reminder), and staff when the
 * client approves or asks for changes.
 */
@Injectable()
export class CaseNotificationsService {
  constructor(
    private readonly repo: CaseNotificationsRepository,
    private readonly outbox: OutboxService,
    private readonly links: PortalLinksService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async afterTransition(tx: TenantTransaction, move: TransitionFacts): Promise<void> {
    if (move.to === 'client_review') await this.askClientToReview(tx, move);
    if (move.action === 'client_approve' || move.action === 'client_request_changes') await this.tellStaff(tx, move);
  }

  private async facts(tx: TenantTransaction, caseId: string): Promise<CaseMailFacts & { clientId: string; assigneeId: string | null }> {
    const row = await this.repo.caseFacts(tx, caseId);
    return {
      agencyName: row.agency,
      reference: row.reference,
      title: row.title,
      version: row.latest_version,
      revised: row.times_sent > 1,
      clientId: row.client_id,
      assigneeId: row.assignee_id,
    };
  }

  /**
   * Each chosen contact (default: every contact of the client) gets an e-mail whose link opens the case and logs
   * them in once, and a delayed reminder with a link of its own. A contact of another client is 400 on contactIds.
   */
  private async askClientToReview(tx: TenantTransaction, move: TransitionFacts): Promise<void> {
    const { caseId } = move;
    const facts = await this.facts(tx, caseId);
    const all = await this.repo.contactsOfClient(tx, facts.clientId);
    const chosen = move.contactIds ? new Set(move.contactIds) : null;
    if (chosen) {
      const unknown = [...chosen].filter((id) => !all.some((c) => c.id === id));
      if (unknown.length > 0)
        throw AppError.validation([{ field: 'contactIds', message: `not contacts of this client: ${unknown.join(', ')}` }]);
    }
    const contacts = chosen ? all.filter((c) => chosen.has(c.id)) : all;
    const notBefore = new Date(Date.now() + REVIEW_REMINDER_DELAY_MS).toISOString();
    for (const contact of contacts) {
      const link = () => this.links.issue(tx, contact.id, { caseId, ttlMinutes: REVIEW_LINK_TTL_MINUTES });
      await this.send(tx, 'review', contact.email, reviewRequestEmail(facts, contact.name, (await link()).url, move.message));
      await this.send(tx, 'reminder', contact.email, reviewReminderEmail(facts, contact.name, (await link()).url), {
        notBefore,
        onlyIf: { caseId, status: 'client_review', latestVersion: facts.version },
      });
    }
  }

  /** The case's assignee; without one, every active reviewer, admin and owner of the agency. */
  private async tellStaff(tx: TenantTransaction, move: TransitionFacts): Promise<void> {
    const facts = await this.facts(tx, move.caseId);
    const staff = facts.assigneeId ? await this.repo.activeUser(tx, facts.assigneeId) : [];
    const recipients = staff.length ? staff : await this.repo.activeReviewers(tx);
    const actor = TenantContext.require().actor;
    const email = clientAnsweredEmail(
      facts,
      {
        approved: move.action === 'client_approve',
        contactName: actor.kind === 'contact' ? actor.name : `${actor.name} (for the client)`,
        fullName: move.fullName,
        comment: move.comment,
      },
      `${this.config.PUBLIC_URL.replace(/\/$/, '')}/cases/${move.caseId}`,
    );
    for (const user of recipients) await this.send(tx, move.action === 'client_approve' ? 'approved' : 'changes', user.email, email);
  }

  /**
   * The client uploaded a document the agency asked for: the case's assignee (without one, every reviewer and above)
   * gets an in-app notification, and an e-mail unless they turned `evidence_received` off.
   */
  async evidenceReceived(tx: TenantTransaction, e: { caseId: string; label: string; fileName: string }): Promise<void> {
    const facts = await this.facts(tx, e.caseId);
    const assignee = await this.repo.assignee(tx, e.caseId);
    const recipients = assignee ? [assignee] : await this.repo.activeReviewersToNotify(tx);
    const actor = TenantContext.require().actor;
    const title = `${facts.reference}: ${actor.name} sent ${e.label.toLowerCase()}`;
    const body = `${actor.name} uploaded "${e.fileName}" for "${e.label}" on ${facts.reference} (${facts.title}).`;
    const url = `${this.config.PUBLIC_URL.replace(/\/$/, '')}/cases/${e.caseId}`;
    for (const user of recipients) {
      await this.repo.insertNotification(tx, { userId: user.id, kind: 'evidence_received', caseId: e.caseId, title, body });
      if (user.email_preferences?.evidence_received !== false)
        await this.send(tx, 'evidence', user.email, { subject: title, text: `${body}\n\n${url}` });
    }
  }

  private async send(
    tx: TenantTransaction,
    kind: EmailKind,
    to: string,
    email: { subject: string; text: string },
    extra: { notBefore?: string; onlyIf?: { caseId: string; status: string; latestVersion: number } } = {},
  ) {
    await this.outbox.add(tx, {
      queue: QUEUES.email,
      payload: { tenantId: tx.tenantId, to, subject: email.subject, text: email.text, ...extra },
      occasion: { kind },
    });
  }
}
