import { useRef, type ReactNode } from 'react';
import { describeError } from '../api/errors';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="muted loading" role="status" aria-live="polite">
      {label}
    </p>
  );
}

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert">
      <span>{describeError(error)}</span>
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
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
  const region = useRef<HTMLDivElement>(null);
  const retry = () => {
    region.current?.focus();
    void query.refetch();
  };
  let content: ReactNode;
  if (query.isPending) content = <Loading />;
  else if (query.error || query.data === undefined) content = <ErrorAlert error={query.error} onRetry={retry} />;
  else if (isEmpty?.(query.data)) content = <Empty>{empty ?? 'Nothing here yet.'}</Empty>;
  else content = children(query.data);
  return (
    <div ref={region} tabIndex={-1} className="query-view">
      {content}
    </div>
  );
}
