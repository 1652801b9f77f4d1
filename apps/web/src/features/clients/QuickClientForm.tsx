import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { fieldError, unwrap } from '../../api/errors';
import type { Client } from '../../api/types';
import { useTenantKey } from '../auth/session';
import { TextField } from '../../ui/Field';
import { ErrorAlert } from '../../ui/states';

/** Name and seller id: enough to open a case; the rest can follow on the client page. */
export function QuickClientForm({ onCreated }: { onCreated: (client: Client) => void }) {
  const key = useTenantKey();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [sellerId, setSellerId] = useState('');
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/clients', { body: { name: name.trim(), ...(sellerId.trim() ? { sellerId: sellerId.trim() } : {}) } })),
    onSuccess: async (client) => {
      await queryClient.invalidateQueries({ queryKey: key('clients') });
      setName('');
      setSellerId('');
      onCreated(client);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    create.mutate();
  };
  return (
    <form onSubmit={submit} aria-label="New client">
      <ErrorAlert error={create.error} />
      <TextField label="Client name" required value={name} onChange={(e) => setName(e.target.value)} error={fieldError(create.error, 'name')} />
      <TextField label="Seller id" value={sellerId} onChange={(e) => setSellerId(e.target.value)} error={fieldError(create.error, 'sellerId')} />
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
