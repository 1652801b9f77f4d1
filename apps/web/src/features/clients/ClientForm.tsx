import { MARKETPLACES, type MarketplaceCode } from '@poa/domain';
import { useState, type FormEvent } from 'react';
import { fieldError } from '../../api/errors';
import { textOrNull } from '../../api/nullable';
import type { Client } from '../../api/types';
import { TextAreaField, TextField } from '../../ui/Field';
import { ErrorAlert } from '../../ui/states';
import { useSaveClient } from './clients.queries';

/** Create a client, or edit one when `client` is given. */
export function ClientForm({ client, onSaved, onCancel }: { client?: Client; onSaved: (client: Client) => void; onCancel?: () => void }) {
  const [name, setName] = useState(client?.name ?? '');
  const [sellerId, setSellerId] = useState(textOrNull(client?.sellerId) ?? '');
  const [externalId, setExternalId] = useState(textOrNull(client?.externalId) ?? '');
  const [notes, setNotes] = useState(client?.notes ?? '');
  const [marketplaces, setMarketplaces] = useState<string[]>(client?.marketplaces ?? []);

  const save = useSaveClient(client?.id, onSaved);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      name: name.trim(),
      sellerId: sellerId.trim() || null,
      externalId: externalId.trim() || null,
      notes,
      marketplaces: marketplaces as MarketplaceCode[],
    });
  };
  const toggle = (code: string) => setMarketplaces((list) => (list.includes(code) ? list.filter((c) => c !== code) : [...list, code]));

  return (
    <form onSubmit={submit} aria-label={client ? 'Edit client' : 'New client'}>
      <ErrorAlert error={save.error} />
      <div className="row">
        <TextField label="Name" required value={name} onChange={(e) => setName(e.target.value)} error={fieldError(save.error, 'name')} />
        <TextField
          label="Seller id"
          value={sellerId}
          onChange={(e) => setSellerId(e.target.value)}
          error={fieldError(save.error, 'sellerId')}
        />
        <TextField
          label="External id (CRM)"
          value={externalId}
          onChange={(e) => setExternalId(e.target.value)}
          error={fieldError(save.error, 'externalId')}
        />
      </div>
      <fieldset className="checkboxes">
        <legend>Marketplaces</legend>
        {MARKETPLACES.map((m) => (
          <label key={m.code} title={m.name}>
            <input type="checkbox" checked={marketplaces.includes(m.code)} onChange={() => toggle(m.code)} /> {m.code}
          </label>
        ))}
      </fieldset>
      <TextAreaField label="Notes" value={notes} onChange={(e) => setNotes(e.target.value)} />
      <div className="btn-group">
        <button type="submit" className="btn btn-primary" disabled={!name.trim() || save.isPending}>
          {save.isPending ? 'Saving…' : client ? 'Save changes' : 'Create client'}
        </button>
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
