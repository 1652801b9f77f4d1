import { API_KEY_SCOPES, type ApiKeyScope } from '@poa/domain';
import { useState, type FormEvent } from 'react';
import { fieldError } from '../../../api/errors';
import { formatDateTime } from '../../../lib/format';
import { CopyField } from '../../../ui/CopyField';
import { TextField } from '../../../ui/Field';
import { DataTable } from '../../../ui/DataTable';
import { ErrorAlert } from '../../../ui/states';
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from './api-keys.queries';

export function ApiKeysSettings() {
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();

  return (
    <div className="stack-lg">
      <CreateKeyForm />
      <div className="card">
        <h2>API keys</h2>
        <ErrorAlert error={revoke.error} />
        <DataTable
          query={keys}
          label="API keys"
          className="table-cards"
          empty="No API keys yet."
          columns={['Name', 'Prefix', 'Scopes', 'Created', 'Last used', { header: 'Actions', srOnly: true }]}
          row={(apiKey) => (
            <tr className={apiKey.revokedAt ? 'row-muted' : undefined}>
              <td data-label="Name">{apiKey.name}</td>
              <td data-label="Prefix" className="mono">
                {apiKey.prefix}…
              </td>
              <td data-label="Scopes">{apiKey.scopes.join(', ')}</td>
              <td data-label="Created">{formatDateTime(apiKey.createdAt)}</td>
              <td data-label="Last used">{apiKey.lastUsedAt ? formatDateTime(apiKey.lastUsedAt) : 'Never'}</td>
              <td className="actions">
                {apiKey.revokedAt ? (
                  <span className="pill">revoked</span>
                ) : (
                  <button
                    type="button"
                    className="btn btn-small btn-danger"
                    disabled={revoke.isPending}
                    onClick={() => {
                      if (window.confirm(`Revoke the key "${apiKey.name}"? Integrations using it stop at once.`)) revoke.mutate(apiKey.id);
                    }}
                  >
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          )}
        />
      </div>
    </div>
  );
}

function CreateKeyForm() {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['cases:read', 'clients:read']);
  const create = useCreateApiKey(() => setName(''));
  const toggle = (scope: ApiKeyScope) => setScopes((s) => (s.includes(scope) ? s.filter((x) => x !== scope) : [...s, scope]));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name, scopes });
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="new-key-title">
      <h2 id="new-key-title">Create an API key</h2>
      <ErrorAlert error={create.error} />
      <TextField
        label="Name"
        required
        value={name}
        onChange={(e) => setName(e.target.value)}
        hint="e.g. CRM sync"
        error={fieldError(create.error, 'name')}
      />
      <fieldset className="checkboxes">
        <legend>Scopes</legend>
        {API_KEY_SCOPES.map((scope) => (
          <label key={scope}>
            <input type="checkbox" checked={scopes.includes(scope)} onChange={() => toggle(scope)} /> {scope}
          </label>
        ))}
      </fieldset>
      <button className="btn btn-primary" type="submit" disabled={create.isPending || scopes.length === 0}>
        Create key
      </button>
      {create.data && (
        <div className="alert alert-success" role="status">
          <p>Copy this key now: it will not be shown again.</p>
          <CopyField label={`API key "${create.data.name}"`} value={create.data.key} />
        </div>
      )}
    </form>
  );
}
