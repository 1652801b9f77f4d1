import { Suspense, useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { useTenant } from '../features/settings/branding/branding.queries';
import { useSession, useSessionContext } from '../features/auth/session';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { Loading } from '../ui/states';
import { DueTodayBadge } from './DueTodayBadge';

export function Layout() {
  const tenant = useTenant().data;
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);

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
          <NavLink to="/cases" end>
            Cases
          </NavLink>
          <NavLink to="/clients">Clients</NavLink>
          <NavLink to="/settings">Settings</NavLink>
        </nav>
        <DueTodayBadge />
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

function UserMenu() {
  const { user } = useSession();
  const { signOut } = useSessionContext();
  const [open, setOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !menuRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  return (
    <div className="user-menu" ref={menuRef}>
      <button type="button" className="btn btn-ghost" aria-haspopup="true" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {user.name} <span className="muted">({user.role})</span>
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
