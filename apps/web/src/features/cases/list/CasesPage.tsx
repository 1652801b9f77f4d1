import { useEffect, useMemo, useRef } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { nextCursorOf } from '../../../api/nullable';
import { usePageTitle } from '../../../lib/page-title';
import { useCan } from '../../auth/session';
import { useCaseBoard, usePrefetchCaseLists } from '../cases.queries';
import {
  emptyListMessage,
  filtersFromParams,
  filtersToParams,
  filtersToQuery,
  viewFromParams,
  type CaseFilters,
  type CaseQueue,
  type CaseView,
} from './case-filters';
import { QueryView } from '../../../ui/states';
import { CaseBoard } from './CaseBoard';
import { CaseFiltersBar } from './CaseFiltersBar';
import { CaseTable } from './CaseTable';
import { SavedViews } from './SavedViews';
import { ShortcutsDialog, useListShortcuts } from './list-shortcuts';

export const QUEUE_TITLES: Record<CaseQueue, string> = { mine: 'My cases', review: 'Awaiting my review' };

export default function CasesPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const view = viewFromParams(params);
  const canWrite = useCan('writer');
  const reviews = useCan('reviewer');
  const navigate = useNavigate();
  const setFilters = (next: CaseFilters, nextView: CaseView = view) => setParams(filtersToParams(next, nextView), { replace: true });
  const title = filters.queue ? QUEUE_TITLES[filters.queue] : 'Cases';
  usePageTitle(title);

  // The first page of each view loads in the background once this one is shown.
  const prefetch = usePrefetchCaseLists();
  useEffect(() => {
    const base = filtersFromParams(new URLSearchParams());
    const queues: (CaseQueue | undefined)[] = [undefined, 'mine', ...(reviews ? (['review'] as const) : [])];
    const timer = setTimeout(() => prefetch(queues.map((queue) => filtersToQuery({ ...base, ...(queue ? { queue } : {}) }))), 500);
    return () => clearTimeout(timer);
  }, [prefetch, reviews]);

  const searchRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const shortcuts = useListShortcuts({
    search: searchRef,
    rows: tableRef,
    newCase: canWrite ? () => navigate('/cases/new') : undefined,
  });

  return (
    <section>
      <div className="page-header">
        <div>
          <h1>{title}</h1>
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
          <button type="button" className="btn btn-ghost btn-small" onClick={shortcuts.show} aria-keyshortcuts="?">
            Shortcuts
          </button>
          {canWrite && (
            <Link to="/cases/new" className="btn btn-primary" aria-keyshortcuts="c">
              New case
            </Link>
          )}
        </div>
      </div>
      <CaseFiltersBar filters={filters} onChange={setFilters} searchRef={searchRef} />
      <SavedViews search={filtersToParams(filters, view).toString()} />
      {view === 'board' ? (
        <BoardView filters={filters} />
      ) : (
        <div ref={tableRef}>
          <CaseTable filters={filters} onSort={(sort, order) => setFilters({ ...filters, sort, order })} />
        </div>
      )}
      <ShortcutsDialog control={shortcuts} canWrite={canWrite} />
    </section>
  );
}

function BoardView({ filters }: { filters: CaseFilters }) {
  const cases = useCaseBoard(filtersToQuery(filters));
  return (
    <QueryView query={cases} isEmpty={(page) => page.data.length === 0} empty={emptyListMessage(filters)}>
      {(page) => (
        <>
          {nextCursorOf(page) && <p className="muted">Showing the first 100 cases; narrow the filters to see the rest.</p>}
          <CaseBoard cases={page.data} statuses={filters.statuses} />
        </>
      )}
    </QueryView>
  );
}
