import { CASE_STATUSES, STATUS_LABELS, type CaseStatus } from '@poa/domain';
import { useState, type DragEvent } from 'react';
import { Link } from 'react-router-dom';
import type { CaseSummary } from '../../../api/types';
import { useNow } from '../../../lib/use-now';
import { DeadlineBadge } from '../../../ui/DeadlineBadge';
import { ErrorAlert } from '../../../ui/states';
import { useSession } from '../../auth/session';
import { useBoardMove } from '../cases.queries';
import { boardMove } from './board-moves';
import { safeViolationLabel } from './CaseTable';

/**
 * One column per status (only the filtered ones, when a status filter is set); empty columns fold to a narrow strip.
 * A card dragged onto another column moves the case where the workflow allows it in one step; everything else is
 * done from the case page (which is also the way without a mouse).
 */
export function CaseBoard({ cases, statuses }: { cases: CaseSummary[]; statuses: CaseStatus[] }) {
  const now = useNow(60_000);
  const role = useSession().user.role;
  const move = useBoardMove();
  const [dragged, setDragged] = useState<CaseSummary | null>(null);
  const [message, setMessage] = useState('');
  const columns = statuses.length > 0 ? statuses : CASE_STATUSES;
  const actionTo = (status: CaseStatus) => (dragged ? boardMove(dragged.status, status, role, dragged.latestVersion > 0) : null);

  const drop = (status: CaseStatus) => (event: DragEvent) => {
    event.preventDefault();
    const action = actionTo(status);
    const card = dragged;
    setDragged(null);
    if (!card || !action) return;
    move.mutate({ caseId: card.id, action }, { onSuccess: () => setMessage(`${card.reference} moved to ${STATUS_LABELS[status]}.`) });
  };

  return (
    <>
      <ErrorAlert error={move.error} />
      <p className="sr-only" role="status">
        {message}
      </p>
      <div className="board" aria-label="Cases by status">
        {columns.map((status) => {
          const inColumn = cases.filter((c) => c.status === status);
          const target = actionTo(status) !== null;
          return (
            <section
              key={status}
              className={`board-column${inColumn.length === 0 ? ' empty' : ''}${target ? ' drop-target' : ''}`}
              aria-labelledby={`col-${status}`}
              data-status={status}
              onDragOver={(event) => target && event.preventDefault()}
              onDrop={drop(status)}
            >
              <h2 id={`col-${status}`}>
                {STATUS_LABELS[status]} <span>{inColumn.length}</span>
              </h2>
              {inColumn.map((c) => (
                <Link
                  key={c.id}
                  to={`/cases/${c.id}`}
                  className="board-card"
                  draggable
                  data-case-link
                  onDragStart={(event) => {
                    event.dataTransfer.setData('text/plain', c.reference);
                    setDragged(c);
                  }}
                  onDragEnd={() => setDragged(null)}
                >
                  <div className="mono muted">{c.reference}</div>
                  <div>{c.title}</div>
                  <div className="muted">
                    {c.client.name} · {safeViolationLabel(c.violationType)}
                  </div>
                  <div className="board-card-foot">
                    <DeadlineBadge dueAt={c.dueAt} status={c.status} now={now} />
                    <span className="muted">{c.assignee?.name ?? 'Unassigned'}</span>
                  </div>
                </Link>
              ))}
            </section>
          );
        })}
      </div>
    </>
  );
}
