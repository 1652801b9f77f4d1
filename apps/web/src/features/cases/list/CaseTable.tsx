import { violationLabel, type ViolationType } from '@poa/domain';
import { Link } from 'react-router-dom';
import type { CaseSummary } from '../../../api/types';
import type { CaseFilters } from './case-filters';
import { formatDateTime } from '../../../lib/format';
import { useNow } from '../../../lib/use-now';
import { DeadlineBadge } from '../../../ui/DeadlineBadge';
import { StatusPill } from '../../../ui/StatusPill';

type Sort = CaseFilters['sort'];

export function CaseTable({ cases, filters, onSort }: { cases: CaseSummary[]; filters: CaseFilters; onSort: (sort: Sort, order: CaseFilters['order']) => void }) {
  const now = useNow(60_000);
  const sortHeader = (sort: Sort, label: string) => {
    const active = filters.sort === sort;
    const nextOrder = active ? (filters.order === 'asc' ? 'desc' : 'asc') : sort === 'dueAt' ? 'asc' : 'desc';
    return (
      <th scope="col" aria-sort={active ? (filters.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button type="button" className="btn btn-ghost btn-small" onClick={() => onSort(sort, nextOrder)}>
          {label} {active ? (filters.order === 'asc' ? '▲' : '▼') : ''}
        </button>
      </th>
    );
  };
  return (
    <div className="card" style={{ padding: 0, overflowX: 'auto' }}>
      <table className="table" aria-label="Cases">
        <thead>
          <tr>
            <th scope="col">Case</th>
            <th scope="col">Client</th>
            <th scope="col">Violation</th>
            <th scope="col">Status</th>
            <th scope="col">Assignee</th>
            {sortHeader('dueAt', 'Due')}
            {sortHeader('updatedAt', 'Updated')}
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.id}>
              <td>
                <Link to={`/cases/${c.id}`}>
                  <span className="mono">{c.reference}</span> {c.title}
                </Link>
              </td>
              <td>{c.client.name}</td>
              <td>
                {safeViolationLabel(c.violationType)} <span className="muted">· {c.marketplace}</span>
              </td>
              <td>
                <StatusPill status={c.status} />
              </td>
              <td>{c.assignee?.name ?? <span className="muted">Unassigned</span>}</td>
              <td>
                <DeadlineBadge dueAt={c.dueAt} status={c.status} now={now} />
              </td>
              <td className="muted">{formatDateTime(c.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function safeViolationLabel(key: string): string {
  try {
    return violationLabel(key as ViolationType);
  } catch {
    return key;
  }
}
