import { useRef, type ReactNode } from 'react';
import { describeError } from '../api/errors';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="muted loading" role="status" aria-live="polite">
      {label}
    </p>
  );
}

/**
 * An error, with "Retry" when it can be tried again. Retry replaces the alert (by "Loading…", then the answer), so
 * focus first moves to the nearest holder that stays (an element with tabindex -1: a query's region, a tab panel)
 * rather than falling to the page.
 */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const alert = useRef<HTMLDivElement>(null);
  if (!error) return null;
  const retry = () => {
    alert.current?.parentElement?.closest<HTMLElement>('[tabindex="-1"]')?.focus();
    onRetry?.();
  };
  return (
    <div ref={alert} className="alert alert-error" role="alert">
      <span>{describeError(error)}</span>
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={retry}>
          Retry
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}

/**
 * Renders the three states of a query, or its data, in one element that stays: "Retry" moves focus to it, so focus
 * does not fall to the page when the error it sat in is replaced.
 */
export function QueryView<T>({
  query,
  children,
  isEmpty,
  empty,
}: {
  query: { isPending: boolean; error: unknown; data: T | undefined; refetch: () => unknown };
  children: (data: T) => ReactNode;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
}) {
  let content: ReactNode;
  if (query.isPending) content = <Loading />;
  else if (query.error || query.data === undefined) content = <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  else if (isEmpty?.(query.data)) content = <Empty>{empty ?? 'Nothing here yet.'}</Empty>;
  else content = children(query.data);
  return (
    <div tabIndex={-1} className="query-view">
      {content}
    </div>
  );
}
