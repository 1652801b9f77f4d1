import { hasRoleAtLeast, type StaffRole } from './roles';

export const CASE_STATUSES = [
  'intake',
  'drafting',
  'internal_review',
  'client_review',
  'approved',
  'submitted',
  'reinstated',
  'denied',
  'more_info_requested',
  'closed',
] as const;

export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_ACTIONS = [
  'start_drafting',
  'submit_for_review',
  'request_changes',
  'approve_internal',
  'client_request_changes',
  'client_approve',
  'mark_submitted',
  'record_outcome',
  'reopen',
  'close',
] as const;

export type CaseAction = (typeof CASE_ACTIONS)[number];

export const CASE_OUTCOMES = ['reinstated', 'denied', 'more_info_requested'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

/** A member of the agency, or a client's portal contact. */
export type WorkflowActor = { kind: 'staff'; role: StaffRole } | { kind: 'contact' };

export interface TransitionRule {
  readonly from: readonly CaseStatus[];
  /** One target, or (record_outcome) the targets the `outcome` param chooses from. */
  readonly to: readonly CaseStatus[];
  /** Least staff role allowed to act. */
  readonly minimumRole: StaffRole;
  /** The client's portal contact may act too (staff then act on the client's behalf). */
  readonly contactMayAct: boolean;
  readonly commentRequired: boolean;
  /** Leaving one of these states opens a new draft round (answer to Amazon, or reopening). */
  readonly newRoundFrom: readonly CaseStatus[];
  /** Guard: the case needs at least one draft version. */
  readonly requiresDraft: boolean;
  /** The target is chosen by the `outcome` param. */
  readonly targetFromOutcome: boolean;
}

function rule(partial: Pick<TransitionRule, 'from' | 'to' | 'minimumRole'> & Partial<TransitionRule>): TransitionRule {
  return {
    contactMayAct: false,
    commentRequired: false,
    newRoundFrom: [],
    requiresDraft: false,
    targetFromOutcome: false,
    ...partial,
  };
}

export const WORKFLOW: Readonly<Record<CaseAction, TransitionRule>> = {
  start_drafting: rule({
    from: ['intake', 'more_info_requested'],
    to: ['drafting'],
    minimumRole: 'writer',
    newRoundFrom: ['more_info_requested'],
  }),
  submit_for_review: rule({ from: ['drafting'], to: ['internal_review'], minimumRole: 'writer', requiresDraft: true }),
  request_changes: rule({ from: ['internal_review'], to: ['drafting'], minimumRole: 'reviewer', commentRequired: true }),
  approve_internal: rule({ from: ['internal_review'], to: ['client_review'], minimumRole: 'reviewer' }),
  client_request_changes: rule({
    from: ['client_review'],
    to: ['drafting'],
    minimumRole: 'reviewer',
    contactMayAct: true,
    commentRequired: true,
  }),
  client_approve: rule({ from: ['client_review'], to: ['approved'], minimumRole: 'reviewer', contactMayAct: true }),
  mark_submitted: rule({ from: ['approved'], to: ['submitted'], minimumRole: 'writer' }),
  record_outcome: rule({ from: ['submitted'], to: CASE_OUTCOMES, minimumRole: 'writer', targetFromOutcome: true }),
  reopen: rule({ from: ['denied', 'closed'], to: ['drafting'], minimumRole: 'reviewer', newRoundFrom: ['denied', 'closed'] }),
  close: rule({ from: CASE_STATUSES.filter((s) => s !== 'closed'), to: ['closed'], minimumRole: 'reviewer' }),
};

export const STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  intake: 'Intake',
  drafting: 'Drafting',
  internal_review: 'Internal review',
  client_review: 'Client review',
  approved: 'Approved',
  submitted: 'Submitted to Amazon',
  reinstated: 'Reinstated',
  denied: 'Denied',
  more_info_requested: 'More information requested',
  closed: 'Closed',
};

export const ACTION_LABELS: Readonly<Record<CaseAction, string>> = {
  start_drafting: 'Start drafting',
  submit_for_review: 'Submit for internal review',
  request_changes: 'Request changes',
  approve_internal: 'Approve and send to client',
  client_request_changes: 'Client requests changes',
  client_approve: 'Client approves',
  mark_submitted: 'Mark as submitted to Amazon',
  record_outcome: "Record Amazon's outcome",
  reopen: 'Reopen',
  close: 'Close',
};

/** Statuses whose deadlines still matter. */
export const ACTIVE_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter((s) => s !== 'reinstated' && s !== 'denied' && s !== 'closed');

export function isCaseStatus(x: unknown): x is CaseStatus {
  return typeof x === 'string' && (CASE_STATUSES as readonly string[]).includes(x);
}

export function isCaseAction(x: unknown): x is CaseAction {
  return typeof x === 'string' && (CASE_ACTIONS as readonly string[]).includes(x);
}

export function isTerminal(status: CaseStatus): boolean {
  return status === 'closed';
}

/** Actions the state allows, whoever acts. */
export function allowedActions(status: CaseStatus): CaseAction[] {
  return CASE_ACTIONS.filter((action) => WORKFLOW[action].from.includes(status));
}

export function actorMayPerform(action: CaseAction, actor: WorkflowActor): boolean {
  const rule = WORKFLOW[action];
  if (actor.kind === 'contact') return rule.contactMayAct;
  return hasRoleAtLeast(actor.role, rule.minimumRole);
}

/**
 * What this actor may do now (for buttons). Pass `{ hasDraft: false }` to hide actions whose guard
 * would fail; without it, guards are not considered.
 */
export function availableActions(status: CaseStatus, actor: WorkflowActor, context: { hasDraft?: boolean } = {}): CaseAction[] {
  return allowedActions(status).filter(
    (action) => actorMayPerform(action, actor) && !(WORKFLOW[action].requiresDraft && context.hasDraft === false),
  );
}

export interface TransitionContext {
  hasDraft: boolean;
  /** For record_outcome; typed loosely because it comes straight from a request. */
  outcome?: string | null;
  comment?: string | null;
}

export type TransitionPlan =
  | { ok: true; to: CaseStatus; newRound: boolean }
  | { ok: false; code: 'INVALID_TRANSITION'; allowed: CaseAction[]; reason?: string }
  | { ok: false; code: 'FORBIDDEN' }
  | { ok: false; code: 'VALIDATION_FAILED'; field: string; message: string };

/** Checks, in order: the state allows the action, the actor may perform it, its guard, then its params. */
export function planTransition(status: CaseStatus, action: CaseAction, actor: WorkflowActor, context: TransitionContext): TransitionPlan {
  const rule = WORKFLOW[action];
  const allowed = allowedActions(status);
  if (!rule.from.includes(status)) {
    return { ok: false, code: 'INVALID_TRANSITION', allowed, reason: `Cannot ${action} a case in ${status}` };
  }
  if (!actorMayPerform(action, actor)) return { ok: false, code: 'FORBIDDEN' };
  if (rule.requiresDraft && !context.hasDraft) {
    return { ok: false, code: 'INVALID_TRANSITION', allowed, reason: 'The case has no draft version yet' };
  }
  if (rule.commentRequired && !context.comment?.trim()) {
    return { ok: false, code: 'VALIDATION_FAILED', field: 'comment', message: 'A comment is required' };
  }

  let to = rule.to[0];
  if (rule.targetFromOutcome) {
    const outcome = context.outcome;
    if (!outcome || !rule.to.includes(outcome as CaseStatus)) {
      return {
        ok: false,
        code: 'VALIDATION_FAILED',
        field: 'outcome',
        message: `outcome must be one of: ${rule.to.join(', ')}`,
      };
    }
    to = outcome as CaseStatus;
  }
  return { ok: true, to, newRound: rule.newRoundFrom.includes(status) };
}
