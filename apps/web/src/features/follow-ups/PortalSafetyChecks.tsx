import type { Schemas } from '@poa/sdk';
import { describeCadence } from '@poa/domain';
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { ApiError, describeError } from '../../api/errors';

type SafetyCheck = Schemas['FollowUpDto_Output'];

/** The portal's own calls (the session cookie goes with same-origin requests). */
async function portalCall<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api/v1/portal${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) window.dispatchEvent(new Event('portal:logged-out'));
  if (!response.ok) throw ApiError.from(response.status, await response.json().catch(() => null));
  return (await response.json()) as T;
}

const dateText = (iso: string) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const STATUS_TEXT = { overdue: 'Due now', due: 'Due soon', ok: 'Up to date' } as const;

/** "Your safety checks": the preventive measures of the seller's approved plans, each recorded as done or a problem. */
export function PortalSafetyChecks() {
  const [checks, setChecks] = useState<SafetyCheck[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(
    () =>
      portalCall<{ data: SafetyCheck[] }>('GET', '/follow-ups?limit=100').then(
        (page) => setChecks(page.data),
        (e: unknown) => setError(e),
      ),
    [],
  );
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section aria-labelledby="safety-checks-title">
      <h1 id="safety-checks-title">Your safety checks</h1>
      <p className="muted">
        The checks your Plan of Action promises Amazon. Record each one when you do it: your agency sees it at once, and the log is your
        proof if Amazon asks.
      </p>
      {error ? (
        <p role="alert" className="error">
          {describeError(error)}
        </p>
      ) : checks === null ? (
        <p role="status">Loading…</p>
      ) : checks.length === 0 ? (
        <p>No safety checks yet: they start when you approve a plan.</p>
      ) : (
        <ul className="safety-checks">
          {checks.map((c) => (
            <SafetyCheckItem
              key={c.id}
              check={c}
              onRecorded={(updated) => setChecks((all) => all!.map((x) => (x.id === updated.id ? updated : x)))}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function SafetyCheckItem({ check, onRecorded }: { check: SafetyCheck; onRecorded: (c: SafetyCheck) => void }) {
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<'done' | 'problem'>('done');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    portalCall<SafetyCheck>('POST', `/follow-ups/${check.id}/check-ins`, { result, note }).then(
      (updated) => {
        setBusy(false);
        setOpen(false);
        setNote('');
        setSaved(true);
        onRecorded(updated);
      },
      (e: unknown) => {
        setBusy(false);
        setError(e);
      },
    );
  };
  const how = check.cadence === 'event' ? 'each time it applies' : describeCadence(check.cadence);
  return (
    <li className={`safety-check safety-check-${check.status}`} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{check.measure}</h2>
      <p className="muted">
        {how[0].toUpperCase() + how.slice(1)}
        {check.owner && <> · {check.owner}</>}
      </p>
      <p>
        <strong>{STATUS_TEXT[check.status]}</strong>
        {check.nextDueAt && <> · next by {dateText(check.nextDueAt)}</>}
        {check.lastCheckIn && (
          <>
            <br />
            Last checked {dateText(check.lastCheckIn.checkedAt)}: {check.lastCheckIn.result === 'done' ? 'done' : 'problem reported'}
          </>
        )}
      </p>
      {saved && (
        <p role="status" className="notice">
          Recorded. Thank you.
        </p>
      )}
      {!open ? (
        <button
          type="button"
          onClick={() => {
            setOpen(true);
            setSaved(false);
          }}
        >
          Record a check
        </button>
      ) : (
        <form onSubmit={submit} className="check-form" aria-label={`Record a check: ${check.measure}`}>
          <fieldset>
            <legend>How did it go?</legend>
            <label className="choice">
              <input type="radio" name={`${id}-result`} checked={result === 'done'} onChange={() => setResult('done')} /> Done, all fine
            </label>
            <label className="choice">
              <input type="radio" name={`${id}-result`} checked={result === 'problem'} onChange={() => setResult('problem')} /> I found a
              problem
            </label>
          </fieldset>
          <label htmlFor={`${id}-note`}>{result === 'problem' ? 'What did you find?' : 'Note (optional)'}</label>
          <textarea id={`${id}-note`} rows={3} value={note} maxLength={4000} onChange={(e) => setNote(e.target.value)} />
          {Boolean(error) && (
            <p role="alert" className="error">
              {describeError(error)}
            </p>
          )}
          <div className="actions">
            <button type="submit" disabled={busy}>
              {busy ? 'Saving…' : 'Save check'}
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
