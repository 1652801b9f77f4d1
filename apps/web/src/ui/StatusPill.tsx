import { STATUS_LABELS, type CaseStatus } from '@poa/domain';

export function StatusPill({ status }: { status: CaseStatus }) {
  return <span className={`pill status-${status}`}>{STATUS_LABELS[status]}</span>;
}
