import { Injectable } from '@nestjs/common';
import { TenantContext, TenantDb, type TenantTransaction } from '@poa/db';
import { errorsOf, hasRoleAtLeast, planTransition, type CaseAction, type WorkflowActor } from '@poa/domain';
import { emitWebhookEvent, scheduleCaseReminders } from '@poa/jobs';
import { AppError } from '../core/errors';
import { CaseNotificationsService } from '../email/case-notifications.service';
import { FollowUpsService } from '../follow-ups/follow-ups.service';
import { ApprovalsService } from './approvals.service';
import { AuditService } from '../identity/audit/audit.service';
import { CaseCheckerService } from './case-checker.service';
import { CaseEventsService } from './case-events.service';
import { CasesRepository, type LockedCase } from './cases.repository';
import { CasesService } from './cases.service';
import type { TransitionInput } from './cases.schemas';
import { CommentsService } from './comments.service';
import { DraftsRepository } from './drafts.repository';
import { SubmissionsService } from './submissions.service';
import { currentWorkflowActor } from './workflow-actor';

type ExtraField =
  'outcome' | 'amazonResponse' | 'amazonRequest' | 'contactId' | 'fullName' | 'note' | 'message' | 'contactIds' | 'channel' | 'override';
const EXTRA_FIELDS: readonly ExtraField[] = [
  'outcome',
  'amazonResponse',
  'amazonRequest',
  'contactId',
  'fullName',
  'note',
  'message',
  'contactIds',
  'channel',
  'override',
];

/** The fields each action takes besides `action` and `comment`; anything else is refused so a typo never goes unnoticed. */
const FIELDS_OF: Partial<Record<CaseAction, readonly ExtraField[]>> = {
  record_outcome: ['outcome', 'amazonResponse', 'amazonRequest'],
  start_drafting: ['amazonRequest'],
  reopen: ['amazonRequest'],
  client_approve: ['contactId', 'fullName', 'note'],
  mark_submitted: ['channel', 'override'],
  client_request_changes: ['note'],
  approve_internal: ['message', 'contactIds', 'override'],
};

/** The moves that send the plan out of the agency: to the client, and to Amazon. */
const CHECKED_ACTIONS: readonly CaseAction[] = ['approve_internal', 'mark_submitted'];

/** Moves a case through the workflow of @poa/domain; the case row lock makes two moves from one state never both succeed. */
@Injectable()
export class WorkflowService {
  constructor(
    private readonly db: TenantDb,
    private readonly cases: CasesService,
    private readonly repository: CasesRepository,
    private readonly approvals: ApprovalsService,
    private readonly comments: CommentsService,
    private readonly events: CaseEventsService,
    private readonly notifications: CaseNotificationsService,
    private readonly submissions: SubmissionsService,
    private readonly followUps: FollowUpsService,
    private readonly drafts: DraftsRepository,
    private readonly checker: CaseCheckerService,
    private readonly audit: AuditService,
  ) {}

  /** `expectedVersion` (the portal's approve): the draft version the caller reviewed must still be the latest, else 409 VERSION_CONFLICT. */
  async transition(caseId: string, input: TransitionInput, opts: { expectedVersion?: number } = {}) {
    const scope = TenantContext.require();
    const actor = currentWorkflowActor();
    const stray = EXTRA_FIELDS.filter((f) => input[f] !== undefined && !(FIELDS_OF[input.action] ?? []).includes(f));
    if (stray.length > 0) throw AppError.validation(stray.map((field) => ({ field, message: `not used by ${input.action}` })));
    if (input.action === 'record_outcome' && input.amazonRequest !== undefined && input.outcome !== 'more_info_requested') {
      throw AppError.validation([{ field: 'amazonRequest', message: 'only with the outcome more_info_requested' }]);
    }
    if (input.action === 'client_request_changes') {
      if (actor.kind === 'contact' && input.note)
        throw AppError.validation([{ field: 'note', message: 'only staff recording a request add a note' }]);
      // Staff record a decision the client made elsewhere: the note says where, so the record can be checked.
      if (actor.kind !== 'contact' && !input.note)
        throw AppError.validation([{ field: 'note', message: 'say how the client asked for changes (email, phone...)' }]);
    }

    return this.db.transaction(async (tx) => {
      const locked = await this.cases.lock(tx, caseId);
      // A portal contact sees only their own client's cases.
      if (actor.kind === 'contact' && scope.actor.clientId !== locked.client_id) throw AppError.notFound('Case');

      const plan = planTransition(locked.status, input.action, actor, {
        hasDraft: locked.latest_version > 0,
        outcome: input.outcome,
        comment: input.comment,
      });
      if (!plan.ok) {
        if (plan.code === 'INVALID_TRANSITION')
          throw new AppError('INVALID_TRANSITION', plan.reason ?? `Cannot ${input.action} now`, { allowed: plan.allowed });
        if (plan.code === 'FORBIDDEN') throw new AppError('FORBIDDEN', `Your role may not ${input.action}`);
        throw AppError.validation([{ field: plan.field, message: plan.message }]);
      }
      if (opts.expectedVersion !== undefined && opts.expectedVersion !== locked.latest_version) {
        throw new AppError(
          'VERSION_CONFLICT',
          `Version ${locked.latest_version} is the one under review, not ${opts.expectedVersion}: reload it`,
          { latestVersion: locked.latest_version },
        );
      }
      if (CHECKED_ACTIONS.includes(input.action)) await this.gate(tx, locked, input, actor);
      const round = plan.newRound ? locked.round + 1 : locked.round;
      await this.repository.setStatus(tx, caseId, plan.to, round);
      if (plan.newRound) await this.repository.openRound(tx, caseId, round, input.amazonRequest);
      if (input.action === 'record_outcome') await this.recordOutcome(tx, locked, input);
      if (input.action === 'mark_submitted') await this.repository.countAppeal(tx, caseId);
      await scheduleCaseReminders(tx, caseId);

      let commentId: string | undefined;
      if (input.comment) {
        const shared = input.action === 'client_request_changes' || actor.kind === 'contact';
        commentId = (await this.comments.insert(tx, caseId, { body: input.comment, visibility: shared ? 'shared' : 'internal' })).id;
      }
      await this.events.record(tx, caseId, 'case.transitioned', {
        action: input.action,
        from: locked.status,
        to: plan.to,
        round,
        version: locked.latest_version,
        ...(input.outcome ? { outcome: input.outcome } : {}),
        ...(commentId ? { commentId } : {}),
        ...(input.note && input.action === 'client_request_changes' ? { note: input.note } : {}),
      });
      if (plan.to !== locked.status)
        await emitWebhookEvent(tx, 'case.status_changed', caseId, { from: locked.status, to: plan.to, action: input.action });
      if (input.action === 'client_approve') await this.approve(tx, locked, input);
      if (input.action === 'mark_submitted') await this.submissions.record(tx, locked, input.channel ?? 'seller_central_form');
      await this.notifications.afterTransition(tx, {
        caseId,
        action: input.action,
        to: plan.to,
        comment: input.comment,
        fullName: input.fullName,
        message: input.message,
        contactIds: input.contactIds,
      });
      return this.cases.detailIn(tx, caseId);
    });
  }

  /**
   * The plan leaves the agency (to the client, or to Amazon) only without checker errors, unless a reviewer or above
   * overrides with a reason; the override and the errors of that moment go on the timeline and into the audit trail.
   */
  private async gate(tx: TenantTransaction, locked: LockedCase, input: TransitionInput, actor: WorkflowActor) {
    if (input.override && !(actor.kind === 'staff' && hasRoleAtLeast(actor.role, 'reviewer')))
      throw new AppError('FORBIDDEN', 'Only a reviewer or above may send a plan despite checker errors');
    const draft = await this.drafts.getIn(tx, locked.id, locked.latest_version);
    if (!draft) return;
    const errors = errorsOf(await this.checker.findingsIn(tx, locked.id, draft.sections));
    if (errors.length === 0) return;
    if (!input.override)
      throw new AppError(
        'CHECK_FAILED',
        `The POA checker finds ${errors.length} error${errors.length === 1 ? '' : 's'} in version ${locked.latest_version}: fix ${errors.length === 1 ? 'it' : 'them'}, or a reviewer overrides with a reason`,
        { findings: errors },
      );
    const record = { action: input.action, version: locked.latest_version, reason: input.override.reason, findings: errors };
    await this.events.record(tx, locked.id, 'case.check_overridden', record);
    await this.audit.record(tx, { type: 'case.check_overridden', targetType: 'case', targetId: locked.id, metadata: record });
  }

  private async approve(tx: TenantTransaction, locked: LockedCase, input: TransitionInput) {
    const actor = TenantContext.require().actor;
    const problems: { field: string; message: string }[] = [];
    if (!input.fullName) problems.push({ field: 'fullName', message: 'the full name the contact typed is required' });
    if (actor.kind === 'contact') {
      if (input.contactId && input.contactId !== actor.id)
        problems.push({ field: 'contactId', message: 'a contact approves for themselves' });
      if (input.note) problems.push({ field: 'note', message: 'only staff recording an approval add a note' });
    } else {
      if (!input.contactId) problems.push({ field: 'contactId', message: 'name the contact whose approval you record' });
      // An approval recorded on the client's behalf says how it arrived, so the proof can be checked later.
      if (!input.note) problems.push({ field: 'note', message: 'say how the approval arrived (email, phone...)' });
    }
    if (problems.length > 0) throw AppError.validation(problems);
    const approval = await this.approvals.recordClientApproval(tx, locked, {
      contactId: actor.kind === 'contact' ? actor.id! : input.contactId!,
      fullName: input.fullName!,
      note: input.note ?? null,
      recordedBy: actor.kind === 'contact' ? null : { id: actor.id!, name: actor.name },
    });
    // Each preventive measure of the approved version becomes a safety net to check (once, however often approved).
    await this.followUps.createFromApproval(tx, approval.draftVersionId);
  }

  /** Amazon's answer closes the current round; "more information requested" prepares the next one with what Amazon asked. */
  private async recordOutcome(tx: TenantTransaction, locked: LockedCase, input: TransitionInput) {
    await this.repository.recordOutcome(tx, locked.id, locked.round, input.outcome, input.amazonResponse ?? null);
    if (input.outcome === 'more_info_requested')
      await this.repository.openRound(tx, locked.id, locked.round + 1, input.amazonRequest ?? input.amazonResponse);
  }
}
