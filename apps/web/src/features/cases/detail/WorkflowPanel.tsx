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
import { ActionDialog } from '../../../ui/ActionDialog';
import { CheckFailed, otherError, useCheckFailure } from './CheckFailed';
import { CloseCaseDialog, PortalLinkDialog, SendToClientDialog } from './SendToClientDialog';

/** Actions that need more than a click: an inline form. */
const NEEDS_FORM: readonly CaseAction[] = ['request_changes', 'record_outcome', 'mark_submitted'];
/** Staff recording a decision the client made elsewhere (e-mail, phone): kept out of the main row, with a required note. */
const CLIENT_DECISIONS: readonly CaseAction[] = ['client_approve', 'client_request_changes'];
const DECISION_LABELS: Partial<Record<CaseAction, string>> = {
  client_approve: 'Record the client’s approval…',
  client_request_changes: 'Record the client’s change request…',
};

type Dialog = { kind: 'send' } | { kind: 'close' } | { kind: 'decision'; action: CaseAction } | { kind: 'portal-link' };

export function WorkflowPanel({ detail, editor }: { detail: CaseDetail; editor: RefObject<EditorControl | null> }) {
  const canWrite = useCan('writer');
  const [open, setOpen] = useState<CaseAction | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [moreOpen, setMoreOpen] = useState(false);
  const transition = useCaseTransition(detail.id, {
    // What was typed goes in before the case moves on.
    beforeSend: () => editor.current?.flush(),
    onMoved: () => {
      setOpen(null);
      // The send dialog stays open to confirm whom it e-mailed; the others close once the case moved.
      setDialog((d) => (d?.kind === 'send' ? d : null));
    },
  });

  const actions = canWrite ? detail.availableActions : [];
  const primary = actions.filter((a) => !CLIENT_DECISIONS.includes(a) && a !== 'close');
  const decisions = actions.filter((a) => CLIENT_DECISIONS.includes(a));
  const closeDialog = () => {
    transition.reset();
    setDialog(null);
  };
  const openDialog = (next: Dialog) => {
    transition.reset();
    setMoreOpen(false);
    setDialog(next);
  };
  return (
    <section className="card" aria-labelledby="workflow-title">
      <h2 id="workflow-title">Workflow · {STATUS_LABELS[detail.status]}</h2>
      {actions.length === 0 ? (
        <p className="muted">{canWrite ? 'Nothing for you to do at this stage.' : 'Viewers follow the case; they do not move it.'}</p>
      ) : (
        <div className="btn-group" role="group" aria-label="Workflow actions">
          {primary.map((action) => (
            <button
              key={action}
              type="button"
              className="btn btn-primary"
              aria-expanded={NEEDS_FORM.includes(action) ? open === action : undefined}
              aria-haspopup={action === 'approve_internal' ? 'dialog' : undefined}
              disabled={transition.isPending}
              onClick={() =>
                action === 'approve_internal'
                  ? openDialog({ kind: 'send' })
                  : NEEDS_FORM.includes(action)
                    ? setOpen(open === action ? null : action)
                    : transition.mutate({ action })
              }
            >
              {action === 'approve_internal' ? 'Approve and send to client…' : ACTION_LABELS[action]}
            </button>
          ))}
          {actions.includes('close') && (
            <button type="button" className="btn btn-danger" aria-haspopup="dialog" onClick={() => openDialog({ kind: 'close' })}>
              Close case…
            </button>
          )}
        </div>
      )}
      {canWrite && (
        <div className="more-actions">
          <button
            type="button"
            className="btn btn-small"
            aria-expanded={moreOpen}
            aria-controls="more-actions"
            onClick={() => setMoreOpen(!moreOpen)}
          >
            More actions
          </button>
          <ul id="more-actions" className="more-actions-list" hidden={!moreOpen}>
            <li>
              <button type="button" className="btn btn-ghost" aria-haspopup="dialog" onClick={() => openDialog({ kind: 'portal-link' })}>
                Portal link for a contact…
              </button>
            </li>
            {decisions.map((action) => (
              <li key={action}>
                <button
                  type="button"
                  className="btn btn-ghost"
                  aria-haspopup="dialog"
                  onClick={() => openDialog({ kind: 'decision', action })}
                >
                  {DECISION_LABELS[action]}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <ErrorAlert error={open || dialog ? null : transition.error} />
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
      {dialog?.kind === 'send' && (
        <SendToClientDialog
          detail={detail}
          pending={transition.isPending}
          error={transition.error}
          sent={transition.isSuccess}
          onSend={(body) => transition.mutate(body)}
          onClose={closeDialog}
        />
      )}
      {dialog?.kind === 'close' && (
        <CloseCaseDialog
          detail={detail}
          pending={transition.isPending}
          error={transition.error}
          onClose={closeDialog}
          onConfirm={(body) => transition.mutate(body)}
        />
      )}
      {dialog?.kind === 'decision' && (
        <ActionDialog title={DECISION_LABELS[dialog.action]!.replace('…', '')} onClose={closeDialog}>
          <ActionForm
            action={dialog.action}
            detail={detail}
            pending={transition.isPending}
            error={transition.error}
            onCancel={closeDialog}
            onSubmit={(body) => transition.mutate(body)}
          />
        </ActionDialog>
      )}
      {dialog?.kind === 'portal-link' && <PortalLinkDialog detail={detail} onClose={closeDialog} />}
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
  const blocked = useCheckFailure(action === 'mark_submitted' ? error : null);
  const [reason, setReason] = useState('');

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
    if (action === 'mark_submitted' && blocked && reason.trim()) body.override = { reason: reason.trim() };
    if (action === 'client_approve') {
      body.contactId = contactId;
      body.fullName = fullName.trim();
    }
    if (CLIENT_DECISIONS.includes(action)) body.note = note.trim();
    onSubmit(body);
  };
  const incomplete =
    (rule.commentRequired && !comment.trim()) ||
    (action === 'client_approve' && (!contactId || !fullName.trim())) ||
    (CLIENT_DECISIONS.includes(action) && !note.trim());
  const inDialog = CLIENT_DECISIONS.includes(action);

  return (
    <form onSubmit={submit} className="stack" style={{ marginTop: inDialog ? 0 : '1rem' }} aria-label={ACTION_LABELS[action]}>
      {inDialog ? null : <h3>{ACTION_LABELS[action]}</h3>}
      <ErrorAlert error={otherError(error)} />
      {blocked ? <CheckFailed findings={blocked} error={error} reason={reason} onReason={setReason} /> : null}
      {action === 'client_approve' && (
        <ClientApprovalFields
          clientId={detail.client.id}
          contactId={contactId}
          setContactId={setContactId}
          fullName={fullName}
          setFullName={setFullName}
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
      {action === 'client_request_changes' && (
        <p className="muted">Record a change request the client made by email or phone, on their behalf.</p>
      )}
      <TextAreaField
        label={
          action === 'client_request_changes'
            ? 'What the client wants changed (required)'
            : rule.commentRequired
              ? 'Comment (required)'
              : 'Comment (optional)'
        }
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
      {CLIENT_DECISIONS.includes(action) && (
        <TextField
          label="How it arrived (required)"
          placeholder="e.g. email of 12 March, phone call with Ann"
          required
          value={note}
          onChange={(e) => setNote(e.target.value)}
          hint="Kept with the record, so anyone can check where the client's decision came from."
          error={fieldError(error, 'note')}
        />
      )}
      <div className="btn-group">
        <button type="submit" className="btn btn-primary" disabled={pending || incomplete}>
          {pending
            ? 'Working…'
            : blocked && reason.trim()
              ? `Override and confirm: ${ACTION_LABELS[action]}`
              : `Confirm: ${ACTION_LABELS[action]}`}
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
    </>
  );
}
