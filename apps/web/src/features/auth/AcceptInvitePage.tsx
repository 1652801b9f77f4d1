import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { fieldError } from '../../api/errors';
import { useSessionContext } from './session';
import { TextField } from '../../ui/Field';
import { ErrorAlert } from '../../ui/states';
import { useAcceptInvite } from './auth.queries';
import { AuthLayout } from './AuthLayout';

export default function AcceptInvitePage() {
  const { signIn } = useSessionContext();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const accept = useAcceptInvite((session) => {
    signIn(session);
    void navigate('/cases', { replace: true });
  });
  const mismatch = confirm !== '' && confirm !== password;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!mismatch) accept.mutate({ token, password });
  };

  if (!token) {
    return (
      <AuthLayout title="Accept your invitation">
        <p role="alert" className="alert alert-error">
          This link has no invitation token. Ask your agency for a new invitation.
        </p>
        <Link to="/login">Go to log-in</Link>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="Accept your invitation">
      <p className="muted">
        Choose a password to join your agency on POA Desk. We then email you a link to confirm your address: from then on the password logs
        you in.
      </p>
      <form onSubmit={submit} className="stack">
        <ErrorAlert error={accept.error} />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldError(accept.error, 'password')}
          hint="At least 10 characters"
        />
        <TextField
          label="Repeat password"
          type="password"
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={mismatch ? 'The passwords differ' : undefined}
        />
        <button className="btn btn-primary" type="submit" disabled={accept.isPending || mismatch}>
          {accept.isPending ? 'Joining…' : 'Join the agency'}
        </button>
      </form>
    </AuthLayout>
  );
}
