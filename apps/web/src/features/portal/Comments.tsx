import { ApiError } from '../../api/errors';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { formatDateTime } from './format';
import { usePortalComments } from './portal.queries';

/** Shared comments only (the API never sends internal ones); a contact's comment is seen by the agency. */
export function Comments({ caseId, version }: { caseId: string; version: number | null }) {
  const { comments, load, add } = usePortalComments(caseId);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  const reload = useCallback(async () => {
    if (!(await load())) setError('Could not load the comments.');
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) return setError('Write a comment first.');
    setError(null);
    try {
      await add(body.trim(), version ?? undefined);
      setBody('');
      setStatus('Comment sent.');
      await reload();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not send the comment.');
    }
  }

  return (
    <section aria-labelledby="comments-title" className="panel">
      <h2 id="comments-title">Comments</h2>
      {comments.length === 0 ? <p className="muted">No comments yet.</p> : null}
      <ul className="comments">
        {comments.map((c) => (
          <li key={c.id}>
            <p className="meta">
              <strong>{c.author.name}</strong>
              {c.author.type === 'staff' ? ' (agency)' : ''} · <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
            </p>
            <p className="prose">{c.body}</p>
          </li>
        ))}
      </ul>
      <form onSubmit={submit} noValidate>
        <label htmlFor="comment-body">Add a comment</label>
        <textarea
          id="comment-body"
          rows={3}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? 'comment-error' : undefined}
        />
        {error ? (
          <p className="error" role="alert" id="comment-error">
            {error}
          </p>
        ) : null}
        <p className="sr-only" role="status" aria-live="polite">
          {status}
        </p>
        <button type="submit" className="secondary">
          Send comment
        </button>
      </form>
    </section>
  );
}
