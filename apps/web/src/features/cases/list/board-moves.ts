import { availableActions, WORKFLOW, type CaseAction, type CaseStatus, type StaffRole } from '@poa/domain';

/** Moves a card can make by dragging: one click's worth of workflow, with no comment, outcome or approval to give. */
const DRAGGABLE: readonly CaseAction[] = ['start_drafting', 'submit_for_review', 'approve_internal', 'mark_submitted', 'reopen'];

/** The action that moves a case from `from` to `to` on the board for this role, or null where the workflow says no. */
export function boardMove(from: CaseStatus, to: CaseStatus, role: StaffRole, hasDraft: boolean): CaseAction | null {
  if (from === to) return null;
  return (
    availableActions(from, { kind: 'staff', role }, { hasDraft }).find(
      (action) => DRAGGABLE.includes(action) && WORKFLOW[action].to.length === 1 && WORKFLOW[action].to[0] === to,
    ) ?? null
  );
}
