import { Suspense, useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { useCaseCounts } from '../features/cases/cases.queries';
import { useTenant } from '../features/settings/branding/branding.queries';
import { useCan, useSession, useSessionContext } from '../features/auth/session';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { Loading } from '../ui/states';
import { DueTodayBadge } from './DueTodayBadge';

export function Layout() {
  const tenant = useTenant().data;
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const reviews = useCan('reviewer');
  // The cases list answers the counts with its first page; every other page asks for them.
  const counts = useCaseCounts(location.pathname !== '/cases' || new URLSearchParams(location.search).get('view') === 'board');

  // Move focus to the page on navigation so keyboard and screen-reader users land on the new content.
  useEffect(() => {
    mainRef.current?.focus({ preventScroll: true });
  }, [location.pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/cases" className="topbar-brand">
          {tenant.name}
        </Link>
        <nav aria-label="Main" className="topbar-nav">
          <QueueLink queue={null} label="Cases" />
          <QueueLink queue="mine" label="My cases" count={counts.data?.mine} />
          {reviews && <QueueLink queue="review" label="Awaiting my review" count={counts.data?.review} />}
          <NavLink to="/clients">Clients</NavLink>
          {reviews && <NavLink to="/results">Results</NavLink>}
          <NavLink to="/settings">Settings</NavLink>
        </nav>
        <DueTodayBadge counts={counts.data} />
        <NotificationBell />
        <UserMenu />
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="page">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}

/** A link to the cases list or one of its queues, current when the list shows it. */
function QueueLink({ queue, label, count }: { queue: 'mine' | 'review' | null; label: string; count?: number }) {
  const location = useLocation();
  const current = location.pathname === '/cases' && new URLSearchParams(location.search).get('queue') === queue;
  return (
    <Link
      to={queue ? `/cases?queue=${queue}&sort=dueAt` : '/cases'}
      className={current ? 'active' : undefined}
      aria-current={current ? 'page' : undefined}
    >
      {label}
      {count !== undefined && <span className="nav-count">{count}</span>}
    </Link>
  );
}

function UserMenu() {
  const { user } = useSession();
  const { signOut } = useSessionContext();
  const [open, setOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent) {
        if (event.key !== 'Escape') return;
        // Focus was in the menu, which goes away: back to the button that opened it.
        setOpen(false);
        buttonRef.current?.focus();
      } else if (!menuRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  return (
    <div className="user-menu account-menu" ref={menuRef}>
      <button
        ref={buttonRef}
        type="button"
        className="btn btn-ghost"
        aria-haspopup="true"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="user-name">{user.name}</span> <span className="muted">({user.role})</span>
      </button>
      {open && (
        <div className="menu" role="menu">
          <p className="menu-label muted">{user.email}</p>
          <Link role="menuitem" to="/settings" onClick={() => setOpen(false)}>
            Settings
          </Link>
          <button role="menuitem" type="button" onClick={() => void signOut()}>
            Log out
          </button>
        </div>
      )}
    </div>
  );
}
