import { useState, type FormEvent } from 'react';
import { fieldError } from '../../api/errors';
import type { Contact } from '../../api/types';
import { useCan } from '../auth/session';
import { formatDateTime } from '../../lib/format';
import { CopyField } from '../../ui/CopyField';
import { TextField } from '../../ui/Field';
import { ErrorAlert, QueryView } from '../../ui/states';
import { useAddContact, useContacts, useCreateLoginLink } from './clients.queries';

/** The seller's people who review and approve POAs in the client portal. */
export function ContactsPanel({ clientId }: { clientId: string }) {
  const canWrite = useCan('writer');
  const contacts = useContacts(clientId);
  return (
    <section className="card" aria-labelledby="contacts-title">
      <h2 id="contacts-title">Contacts</h2>
      <p className="muted">
        The seller's people who review and approve POAs in the client portal. They log in with a one-time link sent to their email, or one
        you share.
      </p>
      <QueryView query={contacts} isEmpty={(list) => list.data.length === 0} empty="No contacts yet.">
        {(list) => (
          <ul className="stack" style={{ paddingLeft: '1.1rem' }}>
            {list.data.map((contact) => (
              <ContactItem key={contact.id} contact={contact} canWrite={canWrite} />
            ))}
          </ul>
        )}
      </QueryView>
      {canWrite && <AddContactForm clientId={clientId} />}
    </section>
  );
}

function ContactItem({ contact, canWrite }: { contact: Contact; canWrite: boolean }) {
  const link = useCreateLoginLink(contact);
  return (
    <li>
      <div className="btn-group" style={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <span>
          {contact.name} <span className="muted">&lt;{contact.email}&gt;</span>
        </span>
        {canWrite && (
          <button
            type="button"
            className="btn btn-small"
            aria-label={`Create portal log-in link for ${contact.name}`}
            disabled={link.isPending}
            onClick={() => link.mutate()}
          >
            {link.isPending ? 'Creating…' : 'Create portal log-in link'}
          </button>
        )}
      </div>
      <ErrorAlert error={link.error} />
      {link.data && (
        <div className="alert alert-success" role="status" style={{ marginTop: '0.5rem' }}>
          <CopyField label={`Portal log-in link for ${contact.name}`} value={link.data.url} />
          <p>
            It works once, until {formatDateTime(link.data.expiresAt)}. Share it with {contact.name} only.
          </p>
        </div>
      )}
    </li>
  );
}

function AddContactForm({ clientId }: { clientId: string }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const add = useAddContact(clientId, () => {
    setName('');
    setEmail('');
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ name: name.trim(), email: email.trim() });
  };
  return (
    <form onSubmit={submit} aria-label="Add a contact" style={{ marginTop: '1rem' }}>
      <h3>Add a contact</h3>
      <ErrorAlert error={add.error} />
      <TextField
        label="Contact name"
        required
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={fieldError(add.error, 'name')}
      />
      <TextField
        label="Contact email"
        type="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={fieldError(add.error, 'email')}
      />
      <button type="submit" className="btn" disabled={!name.trim() || !email.trim() || add.isPending}>
        Add contact
      </button>
    </form>
  );
}
