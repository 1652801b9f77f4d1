import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { Link } from 'react-router-dom';
import { useSession } from '../../auth/session';
import { loadSavedViews, removeSavedView, storeSavedView } from './saved-views';

/** Named views in localStorage; every view is also just a bookmarkable URL. */
export function SavedViews({ search }: { search: string }) {
  const tenantId = useSession().tenant.id;
  const [views, setViews] = useState(() => loadSavedViews(tenantId));
  const [name, setName] = useState('');
  const bar = useRef<HTMLDivElement>(null);

  // The deleted view's button goes away: focus moves to the view now in its place, or to the name field.
  const remove = (index: number) => {
    const next = removeSavedView(tenantId, views[index].name);
    flushSync(() => setViews(next));
    const links = bar.current?.querySelectorAll<HTMLElement>('.saved-view-link');
    (links?.[Math.min(index, next.length - 1)] ?? bar.current?.querySelector<HTMLElement>('#view-name'))?.focus();
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    setViews(storeSavedView(tenantId, { name: name.trim(), search }));
    setName('');
  };

  return (
    <div className="row saved-views" style={{ margin: '0 0 1rem', alignItems: 'center' }} ref={bar}>
      <span className="muted">Saved views:</span>
      {views.length === 0 && <span className="muted">none yet</span>}
      {views.map((view, index) => (
        <span key={view.name} className="pill">
          <Link to={`/cases?${view.search}`} className="saved-view-link">
            {view.name}
          </Link>{' '}
          <button
            type="button"
            className="btn btn-ghost btn-small"
            aria-label={`Delete the view ${view.name}`}
            onClick={() => remove(index)}
          >
            ×
          </button>
        </span>
      ))}
      <form onSubmit={save} className="row" style={{ alignItems: 'center', marginLeft: 'auto' }}>
        <label className="sr-only" htmlFor="view-name">
          Name of this view
        </label>
        <input id="view-name" placeholder="Name this view" value={name} onChange={(e) => setName(e.target.value)} style={{ width: 180 }} />
        <button type="submit" className="btn btn-small" disabled={!name.trim()}>
          Save view
        </button>
      </form>
    </div>
  );
}
