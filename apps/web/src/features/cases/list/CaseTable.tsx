import { violationLabel, type ViolationType } from '@poa/domain';
import { Link } from 'react-router-dom';
import type { CaseSummary } from '../../../api/types';
import { emptyListMessage, filtersToQuery, type CaseFilters } from './case-filters';
import { formatDateTime } from '../../../lib/format';
import { useNow } from '../../../lib/use-now';
import { DataTable, type Column } from '../../../ui/DataTable';
import { DeadlineBadge } from '../../../ui/DeadlineBadge';
import { StatusPill } from '../../../ui/StatusPill';
import { useCaseList } from '../cases.queries';

type Sort = CaseFilters['sort'];

/** The cases matching the filters, 50 at a time, sorted by due or update time from the column headers. */
export function CaseTable({ filters, onSort }: { filters: CaseFilters; onSort: (sort: Sort, order: CaseFilters['order']) => void }) {
  const query = useCaseList(filtersToQuery(filters));
  const now = useNow(60_000);
  const sortColumn = (sort: Sort, label: string): Column => {
    const active = filters.sort === sort;
    const nextOrder = active ? (filters.order === 'asc' ? 'desc' : 'asc') : sort === 'dueAt' ? 'asc' : 'desc';
    return {
      sort: active ? (filters.order === 'asc' ? 'ascending' : 'descending') : 'none',
      header: (
        <button type="button" className="btn btn-ghost btn-small" onClick={() => onSort(sort, nextOrder)}>
          {label} <span aria-hidden="true">{active ? (filters.order === 'asc' ? '▲' : '▼') : ''}</span>
        </button>
      ),
    };
  };
  const loaded = query.data?.pages.flatMap((page) => page.data).length;
  const more = query.hasNextPage ? ' or more' : '';
  return (
    <>
      {/* Always in the page, so the count is announced each time a search or filter changes the list. */}
      <p className="sr-only" role="status">
        {query.isFetching || loaded === undefined
          ? ''
          : loaded === 0
            ? 'No cases match.'
            : `${loaded}${more} ${loaded === 1 && !more ? 'case' : 'cases'}.`}
      </p>
      <DataTable
        framed
        query={query}
        label="Cases"
        className="table-cards"
        empty={emptyListMessage(filters)}
        columns={['Case', 'Client', 'Violation', 'Status', 'Assignee', sortColumn('dueAt', 'Due'), sortColumn('updatedAt', 'Updated')]}
        row={(c: CaseSummary) => (
          <tr>
            <td data-label="Case">
              <CaseLink summary={c} />
            </td>
            <td data-label="Client">{c.client.name}</td>
            <td data-label="Violation">
              {safeViolationLabel(c.violationType)} <span className="muted">· {c.marketplace}</span>
            </td>
            <td data-label="Status">
              <StatusPill status={c.status} />
            </td>
            <td data-label="Assignee">{c.assignee?.name ?? <span className="muted">Unassigned</span>}</td>
            <td data-label="Due">
              <DeadlineBadge dueAt={c.dueAt} status={c.status} now={now} />
            </td>
            <td data-label="Updated" className="muted">
              {formatDateTime(c.updatedAt)}
            </td>
          </tr>
        )}
      />
    </>
  );
}

/** The reference and title of a case, linking to its page. */
export function CaseLink({ summary }: { summary: Pick<CaseSummary, 'id' | 'reference' | 'title'> }) {
  return (
    <Link to={`/cases/${summary.id}`} data-case-link>
      <span className="mono">{summary.reference}</span> {summary.title}
    </Link>
  );
}

export function safeViolationLabel(key: string): string {
  try {
    return violationLabel(key as ViolationType);
  } catch {
    return key;
  }
}
