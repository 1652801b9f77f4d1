import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { fieldError } from '../../api/errors';
import { useSessionContext } from './session';
import { TextField } from '../../ui/Field';
import { ErrorAlert } from '../../ui/states';
import { useSignup } from './auth.queries';
import { AuthLayout } from './AuthLayout';

export default function SignupPage() {
  const { signIn } = useSessionContext();
  const navigate = useNavigate();
  const [form, setForm] = useState({ agencyName: '', name: '', email: '', password: '' });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const signup = useSignup((session) => {
    signIn(session);
    void navigate('/cases', { replace: true });
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signup.mutate(form);
  };

  return (
    <AuthLayout
      title="Create your agency"
      footer={
        <>
          Already have an account? <Link to="/login">Log in</Link>
        </>
      }
    >
      <form onSubmit={submit} className="stack">
        <ErrorAlert error={signup.error} />
        <TextField
          label="Agency name"
          name="agencyName"
          required
          value={form.agencyName}
          onChange={set('agencyName')}
          error={fieldError(signup.error, 'agencyName')}
        />
        <TextField
          label="Your name"
          name="name"
          autoComplete="name"
          required
          value={form.name}
          onChange={set('name')}
          error={fieldError(signup.error, 'name')}
        />
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
          required
          value={form.email}
          onChange={set('email')}
          error={fieldError(signup.error, 'email')}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="new-password"
          required
          minLength={10}
          value={form.password}
          onChange={set('password')}
          hint="At least 10 characters"
          error={fieldError(signup.error, 'password')}
        />
        <p className="muted">We email you a link to confirm your address: from then on you can log in with your password.</p>
        <button className="btn btn-primary" type="submit" disabled={signup.isPending}>
          {signup.isPending ? 'Creating…' : 'Create account'}
        </button>
      </form>
    </AuthLayout>
  );
}
