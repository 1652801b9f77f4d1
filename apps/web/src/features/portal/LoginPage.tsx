import { ApiError } from '../../api/errors';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { usePortalLogin } from './portal.queries';
import { navigate } from './router';

/** Email form (always "check your inbox"), or, with ?token=, the one-time exchange of a log-in link. */
export function LoginPage({ token, next, onLoggedIn }: { token: string | null; next: string | null; onLoggedIn: () => void }) {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const exchanged = useRef(false);
  const login = usePortalLogin();

  useEffect(() => {
    if (!token || exchanged.current) return;
    exchanged.current = true;
    login.exchange(token).then(
      () => {
        onLoggedIn();
        navigate(next?.startsWith('/portal') ? next : '/portal', true);
      },
      (e: unknown) => {
        setError(
          e instanceof ApiError && e.status === 400
            ? 'This log-in link is invalid, expired or already used. Ask for a new one below.'
            : 'Could not log you in. Try again.',
        );
        history.replaceState(null, '', '/portal/login');
      },
    );
  }, [token, next, onLoggedIn, login]);

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

  if (token && !error)
    return (
      <main className="narrow" aria-busy="true">
        <p role="status">Logging you in…</p>
      </main>
    );
  return (
    <main className="narrow" id="main">
      <h1>Client portal</h1>
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
  );
}
