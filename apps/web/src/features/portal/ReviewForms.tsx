import { ApiError, fieldError } from '../../api/errors';
import { useState, type FormEvent } from 'react';
import { usePortalReview } from './portal.queries';

/** Approve: the typed full name is the signature; a confirmation checkbox makes it deliberate. */
export function ApproveForm({ caseId, version, onDone }: { caseId: string; version: number; onDone: (message: string) => void }) {
  const review = usePortalReview(caseId);
  const [fullName, setFullName] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!fullName.trim()) return setError('Type your full name to approve.');
    if (!confirmed) return setError('Tick the box to confirm that you approve this version.');
    setBusy(true);
    setError(null);
    try {
      await review.approve(version, fullName.trim());
      onDone(`Thank you: version ${version} is approved. The PDF is being prepared.`);
    } catch (e) {
      const conflict = e instanceof ApiError && e.code === 'VERSION_CONFLICT';
      setError(
        conflict
          ? 'A newer version arrived while you were reading: reload the page to review it.'
          : e instanceof ApiError
            ? (fieldError(e, 'fullName') ?? e.message)
            : 'Could not approve. Try again.',
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="approve-title" className="panel">
      <h2 id="approve-title">Approve version {version}</h2>
      <label htmlFor="approve-name">Your full name</label>
      <input
        id="approve-name"
        autoComplete="name"
        value={fullName}
        onChange={(e) => setFullName(e.target.value)}
        aria-describedby="approve-hint"
      />
      <p id="approve-hint" className="muted">
        Typing your name signs your approval of this exact text.
      </p>
      <label className="check">
        <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> I have read this Plan of Action and
        approve it
      </label>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={busy}>
        {busy ? 'Approving…' : 'Approve'}
      </button>
    </form>
  );
}

/** Request changes: the comment says what to change, so it is required. */
export function RequestChangesForm({ caseId, onDone }: { caseId: string; onDone: (message: string) => void }) {
  const review = usePortalReview(caseId);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!comment.trim()) return setError('Tell us what to change.');
    setBusy(true);
    setError(null);
    try {
      await review.requestChanges(comment.trim());
      onDone('Thank you: we will send you a new version.');
    } catch (e) {
      setError(e instanceof ApiError ? (fieldError(e, 'comment') ?? e.message) : 'Could not send. Try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="changes-title" className="panel">
      <h2 id="changes-title">Request changes</h2>
      <label htmlFor="changes-comment">What should change?</label>
      <textarea id="changes-comment" rows={4} value={comment} onChange={(e) => setComment(e.target.value)} aria-invalid={Boolean(error)} />
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="secondary" disabled={busy}>
        {busy ? 'Sending…' : 'Send change request'}
      </button>
    </form>
  );
}
