import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { nextCursorOf } from '../../../api/nullable';
import { useCan } from '../../auth/session';
import { useCaseBoard, useDueToday } from '../cases.queries';
import { filtersFromParams, filtersToParams, filtersToQuery, viewFromParams, type CaseFilters, type CaseView } from './case-filters';
import { QueryView } from '../../../ui/states';
import { CaseBoard } from './CaseBoard';
import { CaseFiltersBar } from './CaseFiltersBar';
import { CaseTable } from './CaseTable';
import { SavedViews } from './SavedViews';

export default function CasesPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const view = viewFromParams(params);
  const canWrite = useCan('writer');
  const setFilters = (next: CaseFilters, nextView: CaseView = view) => setParams(filtersToParams(next, nextView), { replace: true });

  return (
    <section>
      <div className="page-header">
        <div>
          <h1>Cases</h1>
          <DueTodaySummary />
        </div>
        <div className="btn-group">
          <div className="tabs" role="group" aria-label="View">
            <Link
              to={`/cases?${filtersToParams(filters, 'list').toString()}`}
              aria-current={view === 'list' ? 'page' : undefined}
              className={view === 'list' ? 'active' : undefined}
            >
              List
            </Link>
            <Link
              to={`/cases?${filtersToParams(filters, 'board').toString()}`}
              aria-current={view === 'board' ? 'page' : undefined}
              className={view === 'board' ? 'active' : undefined}
            >
              Board
            </Link>
          </div>
          {canWrite && (
            <Link to="/cases/new" className="btn btn-primary">
              New case
            </Link>
          )}
        </div>
      </div>
      <CaseFiltersBar filters={filters} onChange={setFilters} />
      <SavedViews search={filtersToParams(filters, view).toString()} />
      {view === 'board' ? (
        <BoardView filters={filters} />
      ) : (
        <CaseTable filters={filters} onSort={(sort, order) => setFilters({ ...filters, sort, order })} />
      )}
    </section>
  );
}

function DueTodaySummary() {
  const due = useDueToday();
  if (!due.data) return null;
  const count = due.data.data.length;
  const overdue = due.data.data.filter((c) => c.overdue).length;
  return (
    <p className="muted" aria-live="polite">
      <Link to="/cases?dueToday=true&sort=dueAt">{nextCursorOf(due.data) ? `${count}+` : count} due today</Link>
      {overdue > 0 && (
        <>
          {' '}
          · <Link to="/cases?overdue=true&sort=dueAt">{overdue} overdue</Link>
        </>
      )}
    </p>
  );
}

function BoardView({ filters }: { filters: CaseFilters }) {
  const cases = useCaseBoard(filtersToQuery(filters));
  return (
    <QueryView query={cases} isEmpty={(page) => page.data.length === 0} empty="No cases match these filters.">
      {(page) => (
        <>
          {nextCursorOf(page) && <p className="muted">Showing the first 100 cases; narrow the filters to see the rest.</p>}
          <CaseBoard cases={page.data} statuses={filters.statuses} />
        </>
      )}
    </QueryView>
  );
}
