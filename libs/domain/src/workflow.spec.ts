import { STAFF_ROLES, type StaffRole } from './roles';
import {
  ACTION_LABELS,
  ACTIVE_STATUSES,
  CASE_ACTIONS,
  CASE_STATUSES,
  STATUS_LABELS,
  WORKFLOW,
  allowedActions,
  availableActions,
  isTerminal,
  planTransition,
  type CaseAction,
  type CaseStatus,
  type WorkflowActor,
} from './workflow';

const staff = (role: StaffRole): WorkflowActor => ({ kind: 'staff', role });
const contact: WorkflowActor = { kind: 'contact' };
const writer = staff('writer');
const reviewer = staff('reviewer');
const withDraft = { hasDraft: true };

describe('workflow table', () => {
  it('labels every status and action', () => {
    expect(Object.keys(STATUS_LABELS).sort()).toEqual([...CASE_STATUSES].sort());
    expect(Object.keys(ACTION_LABELS).sort()).toEqual([...CASE_ACTIONS].sort());
    expect(Object.keys(WORKFLOW).sort()).toEqual([...CASE_ACTIONS].sort());
  });

  it('only targets known statuses', () => {
    for (const action of CASE_ACTIONS) {
      for (const s of [...WORKFLOW[action].from, ...WORKFLOW[action].to]) expect(CASE_STATUSES).toContain(s);
    }
  });

  it('only closed is terminal; active statuses exclude outcomes that end the case', () => {
    expect(CASE_STATUSES.filter(isTerminal)).toEqual(['closed']);
    expect(ACTIVE_STATUSES).toEqual([
      'intake',
      'drafting',
      'internal_review',
      'client_review',
      'approved',
      'submitted',
      'more_info_requested',
    ]);
  });
});

describe('allowedActions', () => {
  it.each<[CaseStatus, CaseAction[]]>([
    ['intake', ['start_drafting', 'close']],
    ['drafting', ['submit_for_review', 'close']],
    ['internal_review', ['request_changes', 'approve_internal', 'close']],
    ['client_review', ['client_request_changes', 'client_approve', 'close']],
    ['approved', ['mark_submitted', 'close']],
    ['submitted', ['record_outcome', 'close']],
    ['reinstated', ['close']],
    ['denied', ['reopen', 'close']],
    ['more_info_requested', ['start_drafting', 'close']],
    ['closed', ['reopen']],
  ])('%s -> %j', (status, actions) => {
    expect(allowedActions(status)).toEqual(actions);
  });
});

describe('availableActions', () => {
  it('gives a viewer nothing', () => {
    for (const status of CASE_STATUSES) expect(availableActions(status, staff('viewer'))).toEqual([]);
  });

  it('lets a writer draft and submit but not review or close', () => {
    expect(availableActions('intake', writer)).toEqual(['start_drafting']);
    expect(availableActions('internal_review', writer)).toEqual([]);
    expect(availableActions('approved', writer)).toEqual(['mark_submitted']);
    expect(availableActions('submitted', writer)).toEqual(['record_outcome']);
  });

  it('gives reviewers and above the review actions and close', () => {
    for (const role of ['reviewer', 'admin', 'owner'] as const) {
      expect(availableActions('internal_review', staff(role))).toEqual(['request_changes', 'approve_internal', 'close']);
      expect(availableActions('client_review', staff(role))).toEqual(['client_request_changes', 'client_approve', 'close']);
      expect(availableActions('closed', staff(role))).toEqual(['reopen']);
    }
  });

  it('lets a contact act only during client review', () => {
    expect(availableActions('client_review', contact)).toEqual(['client_request_changes', 'client_approve']);
    for (const status of CASE_STATUSES.filter((s) => s !== 'client_review')) {
      expect(availableActions(status, contact)).toEqual([]);
    }
  });

  it('hides submit_for_review when told there is no draft', () => {
    expect(availableActions('drafting', writer)).toEqual(['submit_for_review']);
    expect(availableActions('drafting', writer, { hasDraft: false })).toEqual([]);
    expect(availableActions('drafting', writer, { hasDraft: true })).toEqual(['submit_for_review']);
  });
});

describe('planTransition', () => {
  it('walks the happy path', () => {
    const steps: [CaseStatus, CaseAction, WorkflowActor, CaseStatus][] = [
      ['intake', 'start_drafting', writer, 'drafting'],
      ['drafting', 'submit_for_review', writer, 'internal_review'],
      ['internal_review', 'approve_internal', reviewer, 'client_review'],
      ['client_review', 'client_approve', contact, 'approved'],
      ['approved', 'mark_submitted', writer, 'submitted'],
    ];
    for (const [from, action, actor, to] of steps) {
      expect(planTransition(from, action, actor, withDraft)).toEqual({ ok: true, to, newRound: false });
    }
    expect(planTransition('submitted', 'record_outcome', writer, { ...withDraft, outcome: 'reinstated' })).toEqual({
      ok: true,
      to: 'reinstated',
      newRound: false,
    });
  });

  it('starts a new round when answering Amazon or reopening', () => {
    expect(planTransition('more_info_requested', 'start_drafting', writer, withDraft)).toEqual({
      ok: true,
      to: 'drafting',
      newRound: true,
    });
    expect(planTransition('denied', 'reopen', reviewer, withDraft)).toEqual({ ok: true, to: 'drafting', newRound: true });
    expect(planTransition('closed', 'reopen', reviewer, withDraft)).toEqual({ ok: true, to: 'drafting', newRound: true });
  });

  it('routes record_outcome by the outcome param', () => {
    for (const outcome of ['reinstated', 'denied', 'more_info_requested'] as const) {
      expect(planTransition('submitted', 'record_outcome', writer, { ...withDraft, outcome })).toEqual({
        ok: true,
        to: outcome,
        newRound: false,
      });
    }
  });

  it('fails validation on a missing or invalid outcome', () => {
    for (const outcome of [undefined, null, '', 'approved', 'closed']) {
      expect(planTransition('submitted', 'record_outcome', writer, { ...withDraft, outcome })).toMatchObject({
        ok: false,
        code: 'VALIDATION_FAILED',
        field: 'outcome',
      });
    }
  });

  it('refuses an action the state does not allow, listing what is allowed', () => {
    expect(planTransition('intake', 'mark_submitted', staff('owner'), withDraft)).toMatchObject({
      ok: false,
      code: 'INVALID_TRANSITION',
      allowed: ['start_drafting', 'close'],
    });
    expect(planTransition('closed', 'close', staff('owner'), withDraft)).toMatchObject({
      ok: false,
      code: 'INVALID_TRANSITION',
      allowed: ['reopen'],
    });
  });

  it('checks the state before the actor', () => {
    expect(planTransition('intake', 'approve_internal', staff('viewer'), withDraft)).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
  });

  it('checks the actor before the params', () => {
    expect(planTransition('internal_review', 'request_changes', writer, withDraft)).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(planTransition('submitted', 'record_outcome', staff('viewer'), withDraft)).toEqual({ ok: false, code: 'FORBIDDEN' });
  });

  it('forbids contacts everything but the client actions', () => {
    expect(planTransition('internal_review', 'approve_internal', contact, withDraft)).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(planTransition('drafting', 'close', contact, withDraft)).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(planTransition('client_review', 'client_approve', writer, withDraft)).toEqual({ ok: false, code: 'FORBIDDEN' });
  });

  it('lets a reviewer act on behalf of the client', () => {
    expect(planTransition('client_review', 'client_approve', reviewer, withDraft)).toMatchObject({ ok: true, to: 'approved' });
    expect(
      planTransition('client_review', 'client_request_changes', staff('admin'), { ...withDraft, comment: 'Client: add dates' }),
    ).toMatchObject({ ok: true, to: 'drafting' });
  });

  it('requires a draft version before internal review', () => {
    const plan = planTransition('drafting', 'submit_for_review', writer, { hasDraft: false });
    expect(plan).toMatchObject({ ok: false, code: 'INVALID_TRANSITION', allowed: ['submit_for_review', 'close'] });
    expect(plan.ok === false && plan.code === 'INVALID_TRANSITION' && plan.reason).toMatch(/no draft/);
  });

  it.each<[CaseAction, CaseStatus, WorkflowActor]>([
    ['request_changes', 'internal_review', reviewer],
    ['client_request_changes', 'client_review', contact],
  ])('%s requires a non-blank comment', (action, status, actor) => {
    for (const comment of [undefined, null, '', '   \n']) {
      expect(planTransition(status, action, actor, { ...withDraft, comment })).toEqual({
        ok: false,
        code: 'VALIDATION_FAILED',
        field: 'comment',
        message: 'A comment is required',
      });
    }
    expect(planTransition(status, action, actor, { ...withDraft, comment: 'Name the supplier' })).toMatchObject({
      ok: true,
      to: 'drafting',
    });
  });

  it('lets reviewers close any open case, and nobody below reviewer', () => {
    for (const status of CASE_STATUSES.filter((s) => s !== 'closed')) {
      expect(planTransition(status, 'close', reviewer, withDraft)).toEqual({ ok: true, to: 'closed', newRound: false });
      expect(planTransition(status, 'close', writer, withDraft)).toEqual({ ok: false, code: 'FORBIDDEN' });
    }
  });

  it('agrees with availableActions for every status, action and actor', () => {
    const actors = [...STAFF_ROLES.map(staff), contact];
    const context = { hasDraft: true, outcome: 'denied', comment: 'ok' };
    for (const status of CASE_STATUSES) {
      for (const actor of actors) {
        const available = availableActions(status, actor);
        for (const action of CASE_ACTIONS) {
          expect(planTransition(status, action, actor, context).ok).toBe(available.includes(action));
        }
      }
    }
  });
});
