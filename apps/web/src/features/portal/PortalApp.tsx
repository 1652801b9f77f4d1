import { useEffect, useState } from 'react';
import { portalToken } from './api';
import { CaseListPage } from './CaseListPage';
import { CasePage } from './CasePage';
import { LoginPage } from './LoginPage';
import { usePortalLogin, usePortalMe } from './portal.queries';
import { navigate, useLocation } from './router';

/** /portal/login, /portal (cases) and /portal/cases/:id; anything else while logged out goes to the log-in page. */
export function PortalApp() {
  const { path, search } = useLocation();
  const [loggedIn, setLoggedIn] = useState(() => Boolean(portalToken.get()));
  const [me, setMe] = usePortalMe(loggedIn);
  const { logOut } = usePortalLogin();

  useEffect(() => {
    const out = () => {
      setLoggedIn(false);
      setMe(null);
    };
    window.addEventListener('portal:logged-out', out);
    return () => window.removeEventListener('portal:logged-out', out);
  }, [setMe]);

  useEffect(() => {
    if (!loggedIn && path !== '/portal/login') navigate(`/portal/login?next=${encodeURIComponent(path)}`, true);
  }, [loggedIn, path]);

  useEffect(() => {
    if (me) document.documentElement.style.setProperty('--brand', me.agency.branding.primaryColor);
    document.title = me ? `${me.agency.name} — client portal` : 'Client portal';
  }, [me]);

  if (path === '/portal/login') {
    return <LoginPage token={search.get('token')} next={search.get('next')} onLoggedIn={() => setLoggedIn(true)} />;
  }
  if (!loggedIn) return null;
  const caseMatch = /^\/portal\/cases\/([0-9a-f-]{36})$/i.exec(path);
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="brandbar">
        {me?.agency.branding.logoDataUri ? <img src={me.agency.branding.logoDataUri} alt="" height={28} /> : null}
        <a
          href="/portal"
          className="brand-name"
          onClick={(e) => {
            e.preventDefault();
            navigate('/portal');
          }}
        >
          {me?.agency.name ?? 'Client portal'}
        </a>
        <button
          type="button"
          className="link-button"
          onClick={() =>
            void logOut().then(() => {
              setLoggedIn(false);
              setMe(null);
            })
          }
        >
          Log out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {me ? (
          <p className="muted who">
            Signed in as {me.contact.name} for {me.client.name}
          </p>
        ) : null}
        {caseMatch ? <CasePage id={caseMatch[1]} me={me} /> : <CaseListPage />}
      </main>
    </>
  );
}
