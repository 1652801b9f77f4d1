import { ACTIVE_STATUSES, type CaseStatus } from '@poa/domain';
import { deadlineLabel, deadlineState } from '../../../lib/deadline';
import { useNow } from '../../../lib/use-now';

/** A live countdown to the deadline, ticking every second. */
export function Countdown({ dueAt, status }: { dueAt: string; status: CaseStatus }) {
  const now = useNow(1000);
  if (!ACTIVE_STATUSES.includes(status)) return <span className="muted">deadline no longer applies</span>;
  const state = deadlineState(dueAt, now);
  return (
    <span className={`pill pill-${state} countdown`} role="timer" aria-live="off">
      {deadlineLabel(dueAt, now, { seconds: true })}
    </span>
  );
}
