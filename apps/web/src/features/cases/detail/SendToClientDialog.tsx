import type { DraftSections } from '@poa/domain';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { fieldError } from '../../../api/errors';
import type { CaseDetail, TransitionBody } from '../../../api/types';
import { ActionDialog } from '../../../ui/ActionDialog';
import { CopyField } from '../../../ui/CopyField';
import { TextAreaField, SelectField } from '../../../ui/Field';
import { ErrorAlert, Loading } from '../../../ui/states';
import { useContacts } from '../../clients/clients.queries';
import { useCasePortalLink } from '../cases.queries';
import { useDraftVersion } from '../drafts.queries';
import { sectionsOf } from '../editor/draft-body';
import { CheckFailed, otherError, useCheckFailure } from './CheckFailed';

type Contact = { id: string; name: string; email: string };

/** "Approve and send to client": what the client will see, a message, whom to e-mail, then whom it e-mailed. */
export function SendToClientDialog({
  detail,
  pending,
  error,
  sent,
  onSend,
  onClose,
}: {
  detail: CaseDetail;
  pending: boolean;
  error: unknown;
  sent: boolean;
  onSend: (body: TransitionBody) => void;
  onClose: () => void;
}) {
  const contacts = useContacts(detail.client.id);
  const draft = useDraftVersion(detail.id, detail.latestVersion, detail.latestVersion > 0);
  const [message, setMessage] = useState('');
  const [unchecked, setUnchecked] = useState<Set<string>>(new Set());
  const [recipients, setRecipients] = useState<Contact[]>([]);
  const blocked = useCheckFailure(error);
  const [reason, setReason] = useState('');
  const doneRef = useRef<HTMLButtonElement>(null);
  // The confirmation replaces the form inside the same dialog: focus moves to its button.
  useEffect(() => {
    if (sent) doneRef.current?.focus();
  }, [sent]);
  const all = contacts.data?.data ?? [];
  const chosen = all.filter((c) => !unchecked.has(c.id));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length === 0) return;
    setRecipients(chosen);
    onSend({
      action: 'approve_internal',
      contactIds: chosen.map((c) => c.id),
      ...(message.trim() ? { message: message.trim() } : {}),
      ...(blocked && reason.trim() ? { override: { reason: reason.trim() } } : {}),
    });
  };

  if (sent) {
    return (
      <ActionDialog title="Sent to the client" onClose={onClose}>
        <div className="stack">
          <p role="status">
            {detail.reference} is now with the client. We e-mailed a link that opens the case to{' '}
            {recipients.map((c, i) => (
              <span key={c.id}>
                {i > 0 ? (i === recipients.length - 1 ? ' and ' : ', ') : null}
                <strong>{c.name}</strong> ({c.email})
              </span>
            ))}
            .
          </p>
          <div className="btn-group">
            <button type="button" className="btn btn-primary" ref={doneRef} onClick={onClose}>
              Done
            </button>
          </div>
        </div>
      </ActionDialog>
    );
  }

  return (
    <ActionDialog title="Approve and send to the client" onClose={onClose} wide>
      <form onSubmit={submit} className="stack" aria-label="Send to the client">
        <ErrorAlert error={otherError(error)} />
        {blocked ? <CheckFailed findings={blocked} error={error} reason={reason} onReason={setReason} /> : null}
        <section aria-labelledby="preview-title" className="send-preview">
          <h3 id="preview-title">What the client will see</h3>
          {draft.isPending && detail.latestVersion > 0 ? <Loading label="Loading the draft…" /> : null}
          {draft.data ? <DraftPreview title={detail.title} sections={sectionsOf(draft.data)} /> : null}
        </section>
        <TextAreaField
          label="Message to the client (optional)"
          rows={3}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          hint="It appears in the e-mail, above the link to the plan."
          error={fieldError(error, 'message')}
          data-autofocus
        />
        <fieldset className="contact-choice" aria-describedby={fieldError(error, 'contactIds') ? 'send-contacts-error' : undefined}>
          <legend>E-mail a link to</legend>
          {contacts.isPending ? <Loading label="Loading contacts…" /> : null}
          {contacts.data && all.length === 0 ? (
            <p className="alert alert-warning">
              The client has no contacts yet. <Link to={`/clients/${detail.client.id}`}>Add a contact</Link> first.
            </p>
          ) : null}
          {all.map((c) => (
            <label key={c.id} className="check">
              <input
                type="checkbox"
                checked={!unchecked.has(c.id)}
                onChange={(e) => {
                  const next = new Set(unchecked);
                  if (e.target.checked) next.delete(c.id);
                  else next.add(c.id);
                  setUnchecked(next);
                }}
              />{' '}
              {c.name} <span className="muted">({c.email})</span>
            </label>
          ))}
          {all.length > 0 && chosen.length === 0 ? (
            <p className="field-error" id="send-contacts-error" role="alert">
              Choose at least one contact.
            </p>
          ) : fieldError(error, 'contactIds') ? (
            <p className="field-error" id="send-contacts-error" role="alert">
              {fieldError(error, 'contactIds')}
            </p>
          ) : null}
        </fieldset>
        <div className="btn-group">
          <button type="submit" className="btn btn-primary" disabled={pending || chosen.length === 0}>
            {pending
              ? 'Sending…'
              : `${blocked && reason.trim() ? 'Send anyway' : 'Send'} to ${chosen.length} ${chosen.length === 1 ? 'contact' : 'contacts'}`}
          </button>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </ActionDialog>
  );
}

/** The draft as the portal lays it out, in short. */
function DraftPreview({ title, sections }: { title: string; sections: DraftSections }) {
  const lists: [string, string[]][] = [
    ['Root causes', sections.rootCauses.map((x) => x.text)],
    ['Corrective actions taken', sections.correctiveActions.map((x) => x.text)],
    ['Preventive measures', sections.preventiveMeasures.map((x) => x.text)],
    ['Supporting documents', sections.supportingDocuments.map((x) => x.description)],
  ];
  return (
    <div className="preview-doc" tabIndex={0} aria-label="Preview of the plan">
      <p className="preview-heading">Plan of Action: {title}</p>
      {sections.summary ? <p className="prose">{sections.summary}</p> : null}
      {lists
        .filter(([, items]) => items.length > 0)
        .map(([heading, items]) => (
          <div key={heading}>
            <p className="preview-heading">{heading}</p>
            <ol>
              {items.map((text, i) => (
                <li key={i} className="prose">
                  {text}
                </li>
              ))}
            </ol>
          </div>
        ))}
    </div>
  );
}

/** "Close case…": says what closing means, takes an optional comment, and closes only when confirmed. */
export function CloseCaseDialog({
  detail,
  pending,
  error,
  onClose,
  onConfirm,
}: {
  detail: CaseDetail;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: (body: TransitionBody) => void;
}) {
  const [comment, setComment] = useState('');
  return (
    <ActionDialog title={`Close ${detail.reference}?`} onClose={onClose}>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm({ action: 'close', ...(comment.trim() ? { comment: comment.trim() } : {}) });
        }}
      >
        <ErrorAlert error={error} />
        <p>Closing ends the work on this case: no more drafts or workflow steps. A reviewer can reopen it later.</p>
        <TextAreaField
          label="Comment (optional)"
          rows={2}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          error={fieldError(error, 'comment')}
        />
        <div className="btn-group">
          <button type="submit" className="btn btn-danger" disabled={pending}>
            {pending ? 'Closing…' : 'Close case'}
          </button>
          <button type="button" className="btn" data-autofocus onClick={onClose}>
            Keep it open
          </button>
        </div>
      </form>
    </ActionDialog>
  );
}

/** A one-time link that opens this case in the portal for one contact, to share by hand. */
export function PortalLinkDialog({ detail, onClose }: { detail: CaseDetail; onClose: () => void }) {
  const contacts = useContacts(detail.client.id);
  const link = useCasePortalLink(detail.id);
  const [contactId, setContactId] = useState('');
  return (
    <ActionDialog title="Portal link for a contact" onClose={onClose}>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (contactId) link.mutate(contactId);
        }}
      >
        <p className="muted">The link opens this case in the client portal and logs the contact in. It works once, within 15 minutes.</p>
        <ErrorAlert error={link.error} />
        <SelectField
          label="Contact"
          required
          value={contactId}
          onChange={(e) => setContactId(e.target.value)}
          error={fieldError(link.error, 'contactId')}
        >
          <option value="">{contacts.isPending ? 'Loading contacts…' : 'Choose a contact'}</option>
          {contacts.data?.data.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.email})
            </option>
          ))}
        </SelectField>
        {link.data ? <CopyField label="Link to share" value={link.data.url} /> : null}
        <div className="btn-group">
          <button type="submit" className="btn btn-primary" disabled={!contactId || link.isPending}>
            {link.isPending ? 'Creating…' : link.data ? 'Create another link' : 'Create link'}
          </button>
          <button type="button" className="btn" onClick={onClose}>
            Close
          </button>
        </div>
      </form>
    </ActionDialog>
  );
}
