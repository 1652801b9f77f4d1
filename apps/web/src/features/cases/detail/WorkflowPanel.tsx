import {
  ACTION_LABELS,
  CASE_OUTCOMES,
  STATUS_LABELS,
  SUBMISSION_CHANNELS,
  WORKFLOW,
  type CaseAction,
  type CaseOutcome,
  type SubmissionChannel,
} from '@poa/domain';
import { useState, type FormEvent, type RefObject } from 'react';
import { Link } from 'react-router-dom';
import { fieldError } from '../../../api/errors';
import type { CaseDetail, TransitionBody } from '../../../api/types';
import { useCan } from '../../auth/session';
import { useContacts } from '../../clients/clients.queries';
import { useCaseTransition } from '../cases.queries';
import type { EditorControl } from '../editor/DraftEditor';
import { SelectField, TextAreaField, TextField } from '../../../ui/Field';
import { ErrorAlert } from '../../../ui/states';
import { CHANNEL_LABELS } from './channels';

/** Actions that need more than a click. */
const NEEDS_FORM: readonly CaseAction[] = [
  'request_changes',
  'client_request_changes',
  'record_outcome',
  'client_approve',
  'mark_submitted',
  'close',
];

export function WorkflowPanel({ detail, editor }: { detail: CaseDetail; editor: RefObject<EditorControl | null> }) {
  const canWrite = useCan('writer');
  const [open, setOpen] = useState<CaseAction | null>(null);
  const transition = useCaseTransition(detail.id, {
    // What was typed goes in before the case moves on.
    beforeSend: () => editor.current?.flush(),
    onMoved: () => setOpen(null),
  });

  const actions = canWrite ? detail.availableActions : [];
  return (
    <section className="card" aria-labelledby="workflow-title">
      <h2 id="workflow-title">Workflow · {STATUS_LABELS[detail.status]}</h2>
      {actions.length === 0 ? (
        <p className="muted">{canWrite ? 'Nothing for you to do at this stage.' : 'Viewers follow the case; they do not move it.'}</p>
      ) : (
        <div className="btn-group" role="group" aria-label="Workflow actions">
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              className={action === 'close' ? 'btn btn-danger' : 'btn btn-primary'}
              aria-expanded={NEEDS_FORM.includes(action) ? open === action : undefined}
              disabled={transition.isPending}
              onClick={() => (NEEDS_FORM.includes(action) ? setOpen(open === action ? null : action) : transition.mutate({ action }))}
            >
              {ACTION_LABELS[action]}
            </button>
          ))}
        </div>
      )}
      <ErrorAlert error={open ? null : transition.error} />
      {open && (
        <ActionForm
          key={open}
          action={open}
          detail={detail}
          pending={transition.isPending}
          error={transition.error}
          onCancel={() => setOpen(null)}
          onSubmit={(body) => transition.mutate(body)}
        />
      )}
    </section>
  );
}

function ActionForm({
  action,
  detail,
  pending,
  error,
  onCancel,
  onSubmit,
}: {
  action: CaseAction;
  detail: CaseDetail;
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  onSubmit: (body: TransitionBody) => void;
}) {
  const rule = WORKFLOW[action];
  const [comment, setComment] = useState('');
  const [outcome, setOutcome] = useState<CaseOutcome>('reinstated');
  const [amazonResponse, setAmazonResponse] = useState('');
  const [amazonRequest, setAmazonRequest] = useState('');
  const [contactId, setContactId] = useState('');
  const [fullName, setFullName] = useState('');
  const [note, setNote] = useState('');
  const [channel, setChannel] = useState<SubmissionChannel>('seller_central_form');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: TransitionBody = { action };
    if (comment.trim()) body.comment = comment.trim();
    if (action === 'record_outcome') {
      body.outcome = outcome;
      if (amazonResponse.trim()) body.amazonResponse = amazonResponse;
      if (outcome === 'more_info_requested' && amazonRequest.trim()) body.amazonRequest = amazonRequest;
    }
    if (action === 'mark_submitted') body.channel = channel;
    if (action === 'client_approve') {
      body.contactId = contactId;
      body.fullName = fullName.trim();
      if (note.trim()) body.note = note.trim();
    }
    onSubmit(body);
  };
  const incomplete = (rule.commentRequired && !comment.trim()) || (action === 'client_approve' && (!contactId || !fullName.trim()));

  return (
    <form onSubmit={submit} className="stack" style={{ marginTop: '1rem' }} aria-label={ACTION_LABELS[action]}>
      <h3>{ACTION_LABELS[action]}</h3>
      <ErrorAlert error={error} />
      {action === 'client_approve' && (
        <ClientApprovalFields
          clientId={detail.client.id}
          contactId={contactId}
          setContactId={setContactId}
          fullName={fullName}
          setFullName={setFullName}
          note={note}
          setNote={setNote}
          error={error}
        />
      )}
      {action === 'mark_submitted' && (
        <>
          <p className="muted">What was sent is kept: the next round compares with it.</p>
          <SelectField
            label="Sent through"
            value={channel}
            onChange={(e) => setChannel(e.target.value as SubmissionChannel)}
            error={fieldError(error, 'channel')}
          >
            {SUBMISSION_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {CHANNEL_LABELS[c][0].toUpperCase() + CHANNEL_LABELS[c].slice(1)}
              </option>
            ))}
          </SelectField>
        </>
      )}
      {action === 'record_outcome' && (
        <>
          <SelectField
            label="Outcome"
            value={outcome}
            onChange={(e) => setOutcome(e.target.value as CaseOutcome)}
            error={fieldError(error, 'outcome')}
          >
            {CASE_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {STATUS_LABELS[o]}
              </option>
            ))}
          </SelectField>
          <TextAreaField label="Amazon's reply" value={amazonResponse} onChange={(e) => setAmazonResponse(e.target.value)} />
          {outcome === 'more_info_requested' && (
            <TextAreaField label="What Amazon asks for next" value={amazonRequest} onChange={(e) => setAmazonRequest(e.target.value)} />
          )}
        </>
      )}
      <TextAreaField
        label={rule.commentRequired ? 'Comment (required)' : 'Comment (optional)'}
        name="transition-comment"
        required={rule.commentRequired}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        hint={
          action === 'request_changes'
            ? 'Tell the writer what to change.'
            : action === 'client_request_changes'
              ? 'What the client wants changed; shared with the client.'
              : undefined
        }
        error={fieldError(error, 'comment')}
      />
      <div className="btn-group">
        <button type="submit" className={action === 'close' ? 'btn btn-danger' : 'btn btn-primary'} disabled={pending || incomplete}>
          {pending ? 'Working…' : `Confirm: ${ACTION_LABELS[action]}`}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function ClientApprovalFields(props: {
  clientId: string;
  contactId: string;
  setContactId: (v: string) => void;
  fullName: string;
  setFullName: (v: string) => void;
  note: string;
  setNote: (v: string) => void;
  error: unknown;
}) {
  const contacts = useContacts(props.clientId);
  if (contacts.data && contacts.data.data.length === 0) {
    return (
      <p role="alert" className="alert alert-warning">
        The client has no contacts yet. <Link to={`/clients/${props.clientId}`}>Add the person who approved</Link> first.
      </p>
    );
  }
  return (
    <>
      <p className="muted">Record an approval the client gave by email or phone, on their behalf.</p>
      <SelectField
        label="Contact who approved"
        required
        value={props.contactId}
        onChange={(e) => props.setContactId(e.target.value)}
        error={fieldError(props.error, 'contactId')}
      >
        <option value="">{contacts.isPending ? 'Loading contacts…' : 'Choose a contact'}</option>
        {contacts.data?.data.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} ({c.email})
          </option>
        ))}
      </SelectField>
      <TextField
        label="Full name as they typed it"
        required
        value={props.fullName}
        onChange={(e) => props.setFullName(e.target.value)}
        error={fieldError(props.error, 'fullName')}
      />
      <TextField
        label="How the approval arrived"
        placeholder="e.g. email of 12 March"
        value={props.note}
        onChange={(e) => props.setNote(e.target.value)}
      />
    </>
  );
}
