import { describeCadence } from '@poa/domain';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { formatDate, formatDateTime } from '../../lib/format';
import { ErrorAlert } from '../../ui/states';
import { useCan } from '../auth/session';
import { useCheckIn, useUpdateFollowUp, type Cadence, type FollowUp } from './follow-ups.queries';

const STATUS_TEXT = { overdue: 'Overdue', due: 'Due soon', ok: 'On track' } as const;
const STATUS_PILL = { overdue: 'pill-overdue', due: 'pill-soon', ok: 'pill-ok' } as const;

export const cadenceText = (cadence: Cadence) => (cadence === 'event' ? 'each time it applies' : describeCadence(cadence));

/** Follow-ups as a list of cards: what is checked, how often, when next, the last check, and the forms to check in or edit. */
export function FollowUpList({ followUps, showClient }: { followUps: FollowUp[]; showClient?: boolean }) {
  return (
    <ul className="follow-up-list">
      {followUps.map((f) => (
        <FollowUpItem key={f.id} followUp={f} showClient={showClient} />
      ))}
    </ul>
  );
}

type ItemForm = 'check-in' | 'edit';

/** The buttons that open (and close) a follow-up's forms. */
const FORM_BUTTONS: { form: ItemForm; label: string; className: string }[] = [
  { form: 'check-in', label: 'Check in', className: 'btn btn-small' },
  { form: 'edit', label: 'Edit cadence', className: 'btn btn-small btn-ghost' },
];

function FollowUpItem({ followUp: f, showClient }: { followUp: FollowUp; showClient?: boolean }) {
  const canWrite = useCan('writer');
  const [open, setOpen] = useState<ItemForm | null>(null);
  const titleId = useId();
  return (
    <li className="card follow-up" aria-labelledby={titleId} data-follow-up={f.id}>
      <div className="follow-up-head">
        <h3 id={titleId}>{f.measure}</h3>
        <span className={`pill ${STATUS_PILL[f.status]}`}>{STATUS_TEXT[f.status]}</span>
      </div>
      <p className="muted follow-up-meta">
        {showClient && (
          <>
            <Link to={`/clients/${f.clientId}`}>{f.clientName}</Link> ·{' '}
          </>
        )}
        <Link to={`/cases/${f.caseId}`}>{f.caseReference}</Link> · Checked {cadenceText(f.cadence)}
        {f.cadenceSource === 'default' &&
          (f.frequency ? <> (the plan said “{f.frequency}”: set how often)</> : <> (the plan named no frequency: set how often)</>)}
        {f.owner && <> · {f.owner}</>}
      </p>
      <p className="follow-up-dates">
        {f.nextDueAt ? <>Next check {formatDate(f.nextDueAt)}</> : <>Checked when it happens</>}
        {' · '}
        {f.lastCheckIn ? (
          <>
            Last: {f.lastCheckIn.result === 'done' ? 'done' : <strong className="field-error">problem</strong>} on{' '}
            {formatDateTime(f.lastCheckIn.checkedAt)} by {f.lastCheckIn.by.name}
            {f.lastCheckIn.note && <> — “{f.lastCheckIn.note}”</>}
          </>
        ) : (
          'No check yet'
        )}
      </p>
      {canWrite && (
        <div className="btn-group">
          {FORM_BUTTONS.map((b) => (
            <button
              key={b.form}
              type="button"
              className={b.className}
              aria-expanded={open === b.form}
              onClick={() => setOpen(open === b.form ? null : b.form)}
            >
              {b.label}
            </button>
          ))}
        </div>
      )}
      {open === 'check-in' && <CheckInForm followUp={f} onDone={() => setOpen(null)} />}
      {open === 'edit' && <CadenceForm followUp={f} onDone={() => setOpen(null)} />}
    </li>
  );
}

export function CheckInForm({ followUp, onDone }: { followUp: FollowUp; onDone: () => void }) {
  const checkIn = useCheckIn();
  const [result, setResult] = useState<'done' | 'problem'>('done');
  const [note, setNote] = useState('');
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    checkIn.mutate({ id: followUp.id, body: { result, note } }, { onSuccess: onDone });
  };
  return (
    <form className="stack follow-up-form" onSubmit={submit} aria-label={`Check in: ${followUp.measure}`}>
      <fieldset className="result-choice">
        <legend>Result</legend>
        <label>
          <input type="radio" name={`${id}-result`} checked={result === 'done'} onChange={() => setResult('done')} /> Done, all fine
        </label>
        <label>
          <input type="radio" name={`${id}-result`} checked={result === 'problem'} onChange={() => setResult('problem')} /> Problem found
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-note`}>Note</label>
        <textarea id={`${id}-note`} rows={2} value={note} maxLength={4000} onChange={(e) => setNote(e.target.value)} />
      </div>
      <ErrorAlert error={checkIn.error} />
      <div className="btn-group">
        <button type="submit" className="btn btn-primary btn-small" disabled={checkIn.isPending}>
          Record check
        </button>
        <button type="button" className="btn btn-small btn-ghost" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function CadenceForm({ followUp, onDone }: { followUp: FollowUp; onDone: () => void }) {
  const update = useUpdateFollowUp();
  const current = followUp.cadence;
  const [unit, setUnit] = useState<'day' | 'week' | 'month' | 'quarter' | 'event'>(current === 'event' ? 'event' : current.unit);
  const [every, setEvery] = useState(current === 'event' ? 1 : current.every);
  const [owner, setOwner] = useState(followUp.owner);
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const cadence: Cadence = unit === 'event' ? 'event' : { every, unit };
    update.mutate({ id: followUp.id, body: { cadence, owner } }, { onSuccess: onDone });
  };
  return (
    <form className="stack follow-up-form" onSubmit={submit} aria-label={`Cadence: ${followUp.measure}`}>
      <div className="cadence-row">
        <div className="field">
          <label htmlFor={`${id}-every`}>Every</label>
          <input
            id={`${id}-every`}
            type="number"
            min={1}
            max={366}
            value={every}
            disabled={unit === 'event'}
            onChange={(e) => setEvery(Math.max(1, Number(e.target.value) || 1))}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-unit`}>Unit</label>
          <select id={`${id}-unit`} value={unit} onChange={(e) => setUnit(e.target.value as typeof unit)}>
            <option value="day">day(s)</option>
            <option value="week">week(s)</option>
            <option value="month">month(s)</option>
            <option value="quarter">quarter(s)</option>
            <option value="event">each time it applies</option>
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-owner`}>Responsible</label>
        <input id={`${id}-owner`} value={owner} maxLength={200} onChange={(e) => setOwner(e.target.value)} />
      </div>
      <ErrorAlert error={update.error} />
      <div className="btn-group">
        <button type="submit" className="btn btn-primary btn-small" disabled={update.isPending}>
          Save
        </button>
        <button type="button" className="btn btn-small btn-ghost" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
