import { ACTIVE_STATUSES, type CaseStatus } from '@poa/domain';
import { deadlineLabel, deadlineState } from '../lib/deadline';
import { formatDateTime } from '../lib/format';

/** Overdue or due within 24 hours (red), due within 72 hours (amber); only for cases whose deadline still matters. */
export function DeadlineBadge({ dueAt, status, now }: { dueAt: string; status: CaseStatus; now?: Date }) {
  if (!ACTIVE_STATUSES.includes(status)) return <span className="muted">{formatDateTime(dueAt)}</span>;
  const state = deadlineState(dueAt, now);
  return (
    <span className={`pill pill-${state}`} title={formatDateTime(dueAt)}>
      {state === 'ok' ? formatDateTime(dueAt) : deadlineLabel(dueAt, now)}
    </span>
  );
}
