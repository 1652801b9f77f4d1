import { CASE_STATUSES, STATUS_LABELS, type CaseStatus } from '@poa/domain';
import { Link } from 'react-router-dom';
import type { CaseSummary } from '../../../api/types';
import { useNow } from '../../../lib/use-now';
import { DeadlineBadge } from '../../../ui/DeadlineBadge';
import { safeViolationLabel } from './CaseTable';

/** One column per status (only the filtered ones, when a status filter is set). */
export function CaseBoard({ cases, statuses }: { cases: CaseSummary[]; statuses: CaseStatus[] }) {
  const now = useNow(60_000);
  const columns = statuses.length > 0 ? statuses : CASE_STATUSES;
  return (
    <div className="board" aria-label="Cases by status">
      {columns.map((status) => {
        const inColumn = cases.filter((c) => c.status === status);
        return (
          <section key={status} className="board-column" aria-labelledby={`col-${status}`}>
            <h2 id={`col-${status}`}>
              {STATUS_LABELS[status]} <span>{inColumn.length}</span>
            </h2>
            {inColumn.map((c) => (
              <Link key={c.id} to={`/cases/${c.id}`} className="board-card">
                <div className="mono muted">{c.reference}</div>
                <div>{c.title}</div>
                <div className="muted">
                  {c.client.name} · {safeViolationLabel(c.violationType)}
                </div>
                <DeadlineBadge dueAt={c.dueAt} status={c.status} now={now} />
              </Link>
            ))}
          </section>
        );
      })}
    </div>
  );
}
