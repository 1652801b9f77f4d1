import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../ui/states';
import { useConfirmEmail } from './auth.queries';
import { useSessionContext } from './session';
import { AuthLayout } from './AuthLayout';

/** The link emailed after sign-up or an accepted invite: confirms the address, after which the password logs in. */
export default function ConfirmEmailPage() {
  const { state } = useSessionContext();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirm = useConfirmEmail(token);
  // The link works once: never send it twice (React runs effects twice in development).
  const sent = useRef(false);
  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    confirm.mutate();
  }, [token, confirm]);

  const next = state.status === 'authenticated' ? <Link to="/cases">Go to your cases</Link> : <Link to="/login">Log in</Link>;
  return (
    <AuthLayout title="Confirm your email address">
      {!token && (
        <p role="alert" className="alert alert-error">
          This link has no confirmation token. Open the link from the email again.
        </p>
      )}
      {confirm.isPending && <p className="muted">Confirming…</p>}
      <ErrorAlert error={confirm.error} />
      {confirm.isSuccess && <p role="status">Your email address is confirmed: you can log in with your password.</p>}
      {(confirm.isSuccess || confirm.isError || !token) && next}
    </AuthLayout>
  );
}
