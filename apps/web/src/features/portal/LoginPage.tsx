import { ApiError } from '../../api/errors';
import { useEffect, useState, type FormEvent } from 'react';
import { usePortalAgency, usePortalLogin } from './portal.queries';
import { navigate } from './router';

/**
 * The agency's log-in page (its name, logo and colour when known from its links): an e-mail form that always
 * answers "check your inbox". A failed log-in link arrives here with its error.
 */
export function LoginPage({
  agencyId,
  next,
  linkError,
  signedInAs,
}: {
  agencyId: string | null;
  next: string | null;
  linkError: string | null;
  signedInAs: string | null;
}) {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(linkError);
  const [busy, setBusy] = useState(false);
  const login = usePortalLogin();
  const agency = usePortalAgency(agencyId);

  useEffect(() => setError(linkError), [linkError]);
  useEffect(() => {
    if (agency) document.documentElement.style.setProperty('--brand', agency.branding.primaryColor);
    document.title = agency ? `Log in — ${agency.name} client portal` : 'Log in — client portal';
  }, [agency]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) {
      setError('Enter your email address, e.g. name@example.com.');
      return;
    }
    setBusy(true);
    try {
      await login.requestLink(email.trim());
      setSent(true);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not send the link. Try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <header className="brandbar login-brandbar">
        {agency?.branding.logoDataUri ? <img src={agency.branding.logoDataUri} alt="" height={32} /> : null}
        <span className="brand-name">{agency?.name ?? 'Client portal'}</span>
      </header>
      <main className="narrow" id="main">
        <h1>{agency ? `Log in to ${agency.name}'s client portal` : 'Log in to the client portal'}</h1>
        {signedInAs ? (
          <p className="notice">
            You are signed in as {signedInAs}.{' '}
            <a
              href={next?.startsWith('/portal') ? next : '/portal'}
              onClick={(e) => {
                e.preventDefault();
                navigate(next?.startsWith('/portal') ? next : '/portal');
              }}
            >
              Go to your cases
            </a>
          </p>
        ) : null}
        {sent ? (
          <div role="status" className="notice">
            <h2>Check your inbox</h2>
            <p>If {email.trim()} belongs to one of our clients' contacts, a log-in link is on its way. It works once, within 15 minutes.</p>
            <button type="button" className="link-button" onClick={() => setSent(false)}>
              Use another address
            </button>
          </div>
        ) : (
          <form onSubmit={submit} noValidate>
            <p>Enter your email address: we send you a link to log in, no password needed.</p>
            <label htmlFor="portal-email">Email address</label>
            <input
              id="portal-email"
              type="email"
              autoComplete="email"
              inputMode="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-invalid={Boolean(error)}
              aria-describedby={error ? 'login-error' : undefined}
            />
            {error ? (
              <p id="login-error" className="error" role="alert">
                {error}
              </p>
            ) : null}
            <button type="submit" disabled={busy}>
              {busy ? 'Sending…' : 'Email me a log-in link'}
            </button>
          </form>
        )}
      </main>
    </>
  );
}
