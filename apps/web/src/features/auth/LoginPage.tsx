import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { fieldError } from '../../api/errors';
import { useSessionContext } from './session';
import { TextField } from '../../ui/Field';
import { ErrorAlert } from '../../ui/states';
import { useLogin } from './auth.queries';
import { AuthLayout } from './AuthLayout';

export default function LoginPage() {
  const { signIn } = useSessionContext();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useLogin((session) => {
    signIn(session);
    const from = (location.state as { from?: string } | null)?.from;
    void navigate(from ?? '/cases', { replace: true });
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email, password });
  };

  return (
    <AuthLayout
      title="Log in"
      footer={
        <>
          New agency? <Link to="/signup">Create an account</Link>
        </>
      }
    >
      <form onSubmit={submit} className="stack">
        <ErrorAlert error={login.error} />
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldError(login.error, 'email')}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldError(login.error, 'password')}
        />
        <button className="btn btn-primary" type="submit" disabled={login.isPending}>
          {login.isPending ? 'Logging in…' : 'Log in'}
        </button>
      </form>
    </AuthLayout>
  );
}
