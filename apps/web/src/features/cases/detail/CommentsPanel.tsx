import { useState, type FormEvent } from 'react';
import { fieldError } from '../../../api/errors';
import type { Comment } from '../../../api/types';
import { useCan } from '../../auth/session';
import { useAddComment, useComments } from '../comments.queries';
import { formatDateTime } from '../../../lib/format';
import { TextAreaField } from '../../../ui/Field';
import { ErrorAlert, QueryView } from '../../../ui/states';

/** Threaded comments: internal ones for staff, shared ones seen by the client too. */
export function CommentsPanel({ caseId, latestVersion }: { caseId: string; latestVersion: number }) {
  const canWrite = useCan('writer');
  const comments = useComments(caseId);
  return (
    <div className="grid-2">
      <section className="card" aria-labelledby="comments-title">
        <h2 id="comments-title">Comments</h2>
        <QueryView query={comments} isEmpty={(page) => page.data.length === 0} empty="No comments yet.">
          {(page) => <Thread all={page.data} parentId={null} caseId={caseId} canWrite={canWrite} latestVersion={latestVersion} />}
        </QueryView>
      </section>
      {canWrite && (
        <section className="card" aria-labelledby="new-comment-title">
          <h2 id="new-comment-title">New comment</h2>
          <CommentForm caseId={caseId} latestVersion={latestVersion} />
        </section>
      )}
    </div>
  );
}

function Thread({
  all,
  parentId,
  caseId,
  canWrite,
  latestVersion,
}: {
  all: Comment[];
  parentId: string | null;
  caseId: string;
  canWrite: boolean;
  latestVersion: number;
}) {
  const level = all.filter((c) => c.parentId === parentId);
  if (level.length === 0) return null;
  return (
    <div className={parentId ? 'replies' : undefined}>
      {level.map((comment) => (
        <CommentItem key={comment.id} comment={comment} all={all} caseId={caseId} canWrite={canWrite} latestVersion={latestVersion} />
      ))}
    </div>
  );
}

function CommentItem({
  comment,
  all,
  caseId,
  canWrite,
  latestVersion,
}: {
  comment: Comment;
  all: Comment[];
  caseId: string;
  canWrite: boolean;
  latestVersion: number;
}) {
  const [replying, setReplying] = useState(false);
  return (
    <article className={`comment ${comment.visibility}`} aria-label={`Comment by ${comment.author.name}`}>
      <div className="muted">
        <strong style={{ color: 'var(--text)' }}>{comment.author.name}</strong> · {formatDateTime(comment.createdAt)} ·{' '}
        <span className={`pill visibility-${comment.visibility}`}>
          {comment.visibility === 'shared' ? 'Shared with the client' : 'Internal · staff only'}
        </span>
        {comment.version ? ` · on v${comment.version}` : ''}
      </div>
      <p style={{ whiteSpace: 'pre-wrap', margin: '0.25rem 0' }}>{comment.body}</p>
      {canWrite && !comment.parentId && (
        <button type="button" className="btn btn-ghost btn-small" aria-expanded={replying} onClick={() => setReplying((r) => !r)}>
          Reply
        </button>
      )}
      {replying && <CommentForm caseId={caseId} latestVersion={latestVersion} parent={comment} onDone={() => setReplying(false)} />}
      <Thread all={all} parentId={comment.id} caseId={caseId} canWrite={canWrite} latestVersion={latestVersion} />
    </article>
  );
}

function CommentForm({
  caseId,
  latestVersion,
  parent,
  onDone,
}: {
  caseId: string;
  latestVersion: number;
  parent?: Comment;
  onDone?: () => void;
}) {
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<Comment['visibility']>(parent?.visibility ?? 'internal');
  const add = useAddComment(caseId, () => {
    setBody('');
    // Sharing is chosen per comment: the next one starts as staff only again.
    setVisibility(parent?.visibility ?? 'internal');
    onDone?.();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ body, visibility, ...(parent ? { parentId: parent.id } : {}), ...(latestVersion > 0 ? { version: latestVersion } : {}) });
  };
  return (
    <form onSubmit={submit} className="stack" aria-label={parent ? `Reply to ${parent.author.name}` : 'New comment'}>
      <ErrorAlert error={add.error} />
      <TextAreaField
        label={parent ? 'Reply' : 'Comment'}
        required
        value={body}
        onChange={(e) => setBody(e.target.value)}
        error={fieldError(add.error, 'body')}
      />
      <fieldset className="checkboxes">
        <legend>Visible to</legend>
        <label>
          <input
            type="radio"
            name={`visibility-${parent?.id ?? 'new'}`}
            value="internal"
            checked={visibility === 'internal'}
            onChange={() => setVisibility('internal')}
          />{' '}
          Staff only
        </label>
        <label>
          <input
            type="radio"
            name={`visibility-${parent?.id ?? 'new'}`}
            value="shared"
            checked={visibility === 'shared'}
            onChange={() => setVisibility('shared')}
          />{' '}
          Staff and client
        </label>
      </fieldset>
      {visibility === 'shared' && (
        <p className="alert alert-warning" role="note">
          The client will see this {parent ? 'reply' : 'comment'} in the portal.
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={!body.trim() || add.isPending}>
        {add.isPending ? 'Posting…' : `${parent ? 'Post reply' : 'Post comment'}${visibility === 'shared' ? ' to the client' : ''}`}
      </button>
    </form>
  );
}
