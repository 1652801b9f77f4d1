import { Fragment, type ReactNode } from 'react';
import { ErrorAlert, QueryView } from './states';

interface ListPage<T> {
  data: T[];
}

/** A list query of the API: one page (useQuery), or pages fetched one after the other (useInfiniteQuery). */
interface ListQuery<T> {
  isPending: boolean;
  error: unknown;
  data: ListPage<T> | { pages: ListPage<T>[] } | undefined;
  refetch: () => unknown;
  hasNextPage?: boolean;
  isFetchingNextPage?: boolean;
  isFetchNextPageError?: boolean;
  fetchNextPage?: () => unknown;
}

/** A column header: its text, or a header whose text is for screen readers only (actions), or one that sorts. */
export type Column = string | { header: ReactNode; srOnly?: boolean; sort?: 'ascending' | 'descending' | 'none' };

interface DataTableProps<T extends { id: string }> {
  query: ListQuery<T>;
  /** The table's accessible name. */
  label?: string;
  /** The header row; none when omitted. `false` leaves a column out (one only some roles see). */
  columns?: (Column | false)[];
  /** What an empty list says. */
  empty: ReactNode;
  /** One `<tr>` per item. */
  row: (item: T) => ReactNode;
  /** In a card of its own that scrolls sideways on narrow screens, for a table that is the page's content. */
  framed?: boolean;
  /** A class beside `table` (e.g. one that turns rows into cards on narrow screens). */
  className?: string;
}

function itemsOf<T>(data: NonNullable<ListQuery<T>['data']>): T[] {
  return 'pages' in data ? data.pages.flatMap((page) => page.data) : data.data;
}

/** The list tables: loading, error and empty states, the header row, the rows, and "Load more" while pages remain. */
export function DataTable<T extends { id: string }>({ query, label, columns, empty, row, framed, className }: DataTableProps<T>) {
  // A page that failed after the first keeps the rows already loaded: its error shows under them, by "Load more".
  const firstPage = {
    isPending: query.isPending,
    error: query.isFetchNextPageError ? null : query.error,
    data: query.data,
    refetch: query.refetch,
  };
  return (
    <QueryView query={firstPage} isEmpty={(data) => itemsOf(data).length === 0} empty={empty}>
      {(data) => {
        const table = (
          <table className={className ? `table ${className}` : 'table'} aria-label={label}>
            {columns && (
              <thead>
                <tr>{columns.map((column, index) => column !== false && <HeaderCell key={index} column={column} />)}</tr>
              </thead>
            )}
            <tbody>
              {itemsOf(data).map((item) => (
                <Fragment key={item.id}>{row(item)}</Fragment>
              ))}
            </tbody>
          </table>
        );
        return (
          <>
            {framed ? <div className="card table-frame">{table}</div> : table}
            <ErrorAlert error={query.isFetchNextPageError ? query.error : null} />
            {query.hasNextPage && (
              <button
                type="button"
                className="btn table-more"
                onClick={() => void query.fetchNextPage?.()}
                disabled={query.isFetchingNextPage}
              >
                {query.isFetchingNextPage ? 'Loading…' : 'Load more'}
              </button>
            )}
          </>
        );
      }}
    </QueryView>
  );
}

function HeaderCell({ column }: { column: Column }) {
  if (typeof column === 'string') return <th scope="col">{column}</th>;
  return (
    <th scope="col" aria-sort={column.sort}>
      {column.srOnly ? <span className="sr-only">{column.header}</span> : column.header}
    </th>
  );
}
