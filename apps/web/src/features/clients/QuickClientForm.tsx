import { useState, type FormEvent } from 'react';
import { fieldError } from '../../api/errors';
import type { Client } from '../../api/types';
import { TextField } from '../../ui/Field';
import { ErrorAlert } from '../../ui/states';
import { useQuickAddClient } from './clients.queries';

/** Name and seller id: enough to open a case; the rest can follow on the client page. */
export function QuickClientForm({ onCreated }: { onCreated: (client: Client) => void }) {
  const [name, setName] = useState('');
  const [sellerId, setSellerId] = useState('');
  const create = useQuickAddClient((client) => {
    setName('');
    setSellerId('');
    onCreated(client);
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    create.mutate({ name: name.trim(), ...(sellerId.trim() ? { sellerId: sellerId.trim() } : {}) });
  };
  return (
    <form onSubmit={submit} aria-label="New client">
      <ErrorAlert error={create.error} />
      <TextField
        label="Client name"
        required
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={fieldError(create.error, 'name')}
      />
      <TextField
        label="Seller id"
        value={sellerId}
        onChange={(e) => setSellerId(e.target.value)}
        error={fieldError(create.error, 'sellerId')}
      />
      <button type="submit" className="btn" disabled={!name.trim() || create.isPending}>
        {create.isPending ? 'Adding…' : 'Add client'}
      </button>
      {create.isSuccess && (
        <p role="status" className="muted">
          Client added and selected.
        </p>
      )}
    </form>
  );
}
