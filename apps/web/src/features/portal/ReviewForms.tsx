import { ApiError, fieldError } from '../../api/errors';
import { useRef, useState, type FormEvent } from 'react';
import { usePortalReview } from './portal.queries';

type ApproveErrors = { fullName?: string; confirmed?: string; form?: string };

/** Approve: the typed full name is the signature; a confirmation checkbox makes it deliberate. Each error names its field. */
export function ApproveForm({ caseId, version, onDone }: { caseId: string; version: number; onDone: (message: string) => void }) {
  const review = usePortalReview(caseId);
  const [fullName, setFullName] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [errors, setErrors] = useState<ApproveErrors>({});
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const checkRef = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: ApproveErrors = {};
    if (!fullName.trim()) problems.fullName = 'Type your full name to approve.';
    if (!confirmed) problems.confirmed = 'Tick the box to confirm that you approve this plan.';
    setErrors(problems);
    if (problems.fullName) return nameRef.current?.focus();
    if (problems.confirmed) return checkRef.current?.focus();
    setBusy(true);
    try {
      await review.approve(version, fullName.trim());
      onDone('Thank you: the plan is approved. The PDF is being prepared.');
    } catch (e) {
      const conflict = e instanceof ApiError && e.code === 'VERSION_CONFLICT';
      const onName = e instanceof ApiError ? fieldError(e, 'fullName') : undefined;
      setErrors(
        conflict
          ? { form: 'A newer revision arrived while you were reading: reload the page to review it.' }
          : onName
            ? { fullName: onName }
            : { form: e instanceof ApiError ? e.message : 'Could not approve. Try again.' },
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="approve-title" className="panel">
      <h2 id="approve-title">Approve this plan</h2>
      <label htmlFor="approve-name">Your full name</label>
      <input
        id="approve-name"
        ref={nameRef}
        autoComplete="name"
        value={fullName}
        onChange={(e) => setFullName(e.target.value)}
        aria-invalid={errors.fullName ? true : undefined}
        aria-describedby={errors.fullName ? 'approve-hint approve-name-error' : 'approve-hint'}
      />
      <p id="approve-hint" className="muted">
        Typing your name signs your approval of this exact text.
      </p>
      {errors.fullName ? (
        <p className="error" id="approve-name-error" role="alert">
          {errors.fullName}
        </p>
      ) : null}
      <label className="check">
        <input
          type="checkbox"
          ref={checkRef}
          checked={confirmed}
          onChange={(e) => setConfirmed(e.target.checked)}
          aria-invalid={errors.confirmed ? true : undefined}
          aria-describedby={errors.confirmed ? 'approve-confirm-error' : undefined}
        />{' '}
        I have read this Plan of Action and approve it
      </label>
      {errors.confirmed ? (
        <p className="error" id="approve-confirm-error" role="alert">
          {errors.confirmed}
        </p>
      ) : null}
      {errors.form ? (
        <p className="error" role="alert">
          {errors.form}
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
  const ref = useRef<HTMLTextAreaElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!comment.trim()) {
      setError('Tell us what to change.');
      return ref.current?.focus();
    }
    setBusy(true);
    setError(null);
    try {
      await review.requestChanges(comment.trim());
      onDone('Thank you: we are working on your changes and will send you the revised plan.');
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
      <textarea
        id="changes-comment"
        ref={ref}
        rows={4}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'changes-error' : undefined}
      />
      {error ? (
        <p className="error" id="changes-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="secondary" disabled={busy}>
        {busy ? 'Sending…' : 'Send change request'}
      </button>
    </form>
  );
}
