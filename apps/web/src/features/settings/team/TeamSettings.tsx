import { STAFF_ROLES, type StaffRole } from '@poa/domain';
import { useState, type FormEvent } from 'react';
import { fieldError } from '../../../api/errors';
import type { User } from '../../../api/types';
import { useCan, useSession } from '../../auth/session';
import { CopyField } from '../../../ui/CopyField';
import { SelectField, TextField } from '../../../ui/Field';
import { DataTable } from '../../../ui/DataTable';
import { ErrorAlert } from '../../../ui/states';
import { formatDateTime } from '../../../lib/format';
import { useChangeRole, useDeactivateUser, useInviteUser, useTeam } from './users.queries';

export function TeamSettings() {
  const canManage = useCan('admin');
  const users = useTeam();

  return (
    <div className="stack-lg">
      {canManage && <InviteForm />}
      <div className="card">
        <h2>Team</h2>
        <DataTable
          query={users}
          empty="No team members yet."
          columns={['Name', 'Email', 'Role', 'Status', 'Last log-in', canManage && { header: 'Actions', srOnly: true }]}
          row={(user) => <UserRow user={user} canManage={canManage} />}
        />
      </div>
    </div>
  );
}

function UserRow({ user, canManage }: { user: User; canManage: boolean }) {
  const me = useSession().user;
  const changeRole = useChangeRole(user.id);
  const deactivate = useDeactivateUser(user.id);
  const editable = canManage && user.id !== me.id && user.status !== 'deactivated';

  return (
    <tr>
      <td>{user.name}</td>
      <td>{user.email}</td>
      <td>
        {editable ? (
          <label>
            <span className="sr-only">Role of {user.name}</span>
            <select value={user.role} disabled={changeRole.isPending} onChange={(e) => changeRole.mutate(e.target.value as StaffRole)}>
              {STAFF_ROLES.map((role) => (
                <option key={role} value={role}>
                  {role}
                </option>
              ))}
            </select>
          </label>
        ) : (
          user.role
        )}
        <ErrorAlert error={changeRole.error} />
      </td>
      <td>
        <span className={`pill pill-${user.status}`}>{user.status}</span>
      </td>
      <td>{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : '—'}</td>
      {canManage && (
        <td className="actions">
          {editable && (
            <button
              type="button"
              className="btn btn-small btn-danger"
              disabled={deactivate.isPending}
              onClick={() => {
                if (window.confirm(`Deactivate ${user.name}? They will be signed out everywhere.`)) deactivate.mutate();
              }}
            >
              Deactivate
            </button>
          )}
          <ErrorAlert error={deactivate.error} />
        </td>
      )}
    </tr>
  );
}

function InviteForm() {
  const [form, setForm] = useState<{ name: string; email: string; role: StaffRole }>({ name: '', email: '', role: 'writer' });
  const invite = useInviteUser(() => setForm((f) => ({ name: '', email: '', role: f.role })));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate(form);
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="invite-title">
      <h2 id="invite-title">Invite a team member</h2>
      <ErrorAlert error={invite.error} />
      <div className="row">
        <TextField
          label="Name"
          required
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
          error={fieldError(invite.error, 'name')}
        />
        <TextField
          label="Email"
          type="email"
          required
          value={form.email}
          onChange={(e) => setForm({ ...form, email: e.target.value })}
          error={fieldError(invite.error, 'email')}
        />
        <SelectField label="Role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as StaffRole })}>
          {STAFF_ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </SelectField>
      </div>
      <button className="btn btn-primary" type="submit" disabled={invite.isPending}>
        {invite.isPending ? 'Inviting…' : 'Send invitation'}
      </button>
      {invite.data && (
        <div className="alert alert-success" role="status">
          <p>
            {invite.data.user.email} is invited (the link expires {formatDateTime(invite.data.inviteExpiresAt)}). Send them this link:
          </p>
          <CopyField label="Invitation link" value={invite.data.inviteUrl} />
        </div>
      )}
    </form>
  );
}
