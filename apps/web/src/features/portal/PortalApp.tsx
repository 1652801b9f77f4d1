import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/errors';
import { PortalSafetyChecks } from '../follow-ups/PortalSafetyChecks';
import { CaseListPage } from './CaseListPage';
import { CasePage } from './CasePage';
import { LoginPage } from './LoginPage';
import { rememberedAgency, usePortalLogin, usePortalSession } from './portal.queries';
import { navigate, useLocation } from './router';

/**
 * /portal/login, /portal (cases) and /portal/cases/:id. A `?token=` on any of them is a log-in link: it is exchanged
 * first (the new session replaces whoever was signed in), then removed from the address. Signed out, any page
 * leads to the log-in page.
 */
export function PortalApp() {
  const { path, search } = useLocation();
  const session = usePortalSession();
  const login = usePortalLogin();
  const [linkError, setLinkError] = useState<string | null>(null);
  const started = useRef(false);
  const token = search.get('token');

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (!token) {
      void session.reload();
      return;
    }
    const agency = rememberedAgency.fromToken(token);
    const next = path === '/portal/login' ? (search.get('next') ?? '/portal') : path;
    login.exchange(token).then(
      () => {
        navigate(next.startsWith('/portal') ? next : '/portal', true);
        void session.reload();
      },
      (e: unknown) => {
        setLinkError(
          e instanceof ApiError && e.status === 400
            ? 'This log-in link is invalid, expired or already used. Ask for a new one below.'
            : 'Could not log you in. Try again.',
        );
        navigate(`/portal/login${agency ? `?agency=${agency}` : ''}`, true);
        void session.reload();
      },
    );
  }, [token, path, search, login, session]);

  useEffect(() => {
    if (session.status === 'out' && path !== '/portal/login') {
      const agency = rememberedAgency.get();
      navigate(`/portal/login?next=${encodeURIComponent(path)}${agency ? `&agency=${agency}` : ''}`, true);
    }
  }, [session.status, path]);

  const me = session.me;
  useEffect(() => {
    if (me) document.documentElement.style.setProperty('--brand', me.agency.branding.primaryColor);
    document.title = me ? `${me.agency.name} — client portal` : 'Client portal';
  }, [me]);

  if (token || session.status === 'checking')
    return (
      <main className="narrow" id="main" aria-busy="true">
        <p role="status">{token ? 'Logging you in…' : 'Loading…'}</p>
      </main>
    );
  if (path === '/portal/login') {
    return (
      <LoginPage
        agencyId={search.get('agency') ?? rememberedAgency.get()}
        next={search.get('next')}
        linkError={linkError}
        signedInAs={me ? me.contact.name : null}
      />
    );
  }
  if (!me) return null;
  const caseMatch = /^\/portal\/cases\/([0-9a-f-]{36})$/i.exec(path);
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="brandbar">
        {me.agency.branding.logoDataUri ? <img src={me.agency.branding.logoDataUri} alt="" height={28} /> : null}
        <a
          href="/portal"
          className="brand-name"
          onClick={(e) => {
            e.preventDefault();
            navigate('/portal');
          }}
        >
          {me.agency.name}
        </a>
        <button
          type="button"
          className="link-button"
          onClick={() =>
            void login.logOut().then(() => {
              session.loggedOut();
              const agency = rememberedAgency.get();
              navigate(`/portal/login${agency ? `?agency=${agency}` : ''}`, true);
            })
          }
        >
          Log out
        </button>
      </header>
      {/* Keyed on the session: a new identity (here or from another tab) loads every page afresh. */}
      <main id="main" tabIndex={-1} key={`${me.contact.id}-${session.generation}`}>
        <p className="muted who">
          Signed in as <strong>{me.contact.name}</strong> ({me.contact.email}) for {me.client.name}
        </p>
        <nav aria-label="Portal" className="portal-nav">
          <PortalLink to="/portal" current={!caseMatch && path !== '/portal/safety-checks'} label="Your cases" />
          <PortalLink to="/portal/safety-checks" current={path === '/portal/safety-checks'} label="Your safety checks" />
        </nav>
        {caseMatch ? <CasePage id={caseMatch[1]} me={me} /> : path === '/portal/safety-checks' ? <PortalSafetyChecks /> : <CaseListPage />}
      </main>
    </>
  );
}

function PortalLink({ to, current, label }: { to: string; current: boolean; label: string }) {
  return (
    <a
      href={to}
      aria-current={current ? 'page' : undefined}
      onClick={(e) => {
        e.preventDefault();
        navigate(to);
      }}
    >
      {label}
    </a>
  );
}
