import { ApiError } from '../../api/errors';
import { STATUS_LABELS } from './labels';
import { useState } from 'react';
import type { PortalMe } from './api';
import { Comments } from './Comments';
import { DraftDocument } from './DraftDocument';
import { PdfDownload } from './PdfDownload';
import { usePortalCase } from './portal.queries';
import { ApproveForm, RequestChangesForm } from './ReviewForms';
import { navigate } from './router';

export function CasePage({ id }: { id: string; me: PortalMe | null }) {
  const { data, error: failure, reload } = usePortalCase(id);
  const [message, setMessage] = useState<string | null>(null);
  const error =
    failure === null
      ? null
      : failure instanceof ApiError && failure.status === 404
        ? 'There is nothing to review on this case at the moment.'
        : 'Could not load this case.';

  const done = (text: string) => {
    setMessage(text);
    reload();
  };

  return (
    <>
      <p>
        <a
          href="/portal"
          onClick={(e) => {
            e.preventDefault();
            navigate('/portal');
          }}
        >
          ← All your cases
        </a>
      </p>
      <div role="status" aria-live="polite" className={message ? 'notice' : 'sr-only'}>
        {message}
      </div>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {!data && !error ? <p role="status">Loading…</p> : null}
      {data ? (
        <>
          <h1>
            {data.reference}: {data.title}
          </h1>
          <p>
            <span className={`pill ${data.awaitingReview ? 'pill-action' : ''}`} data-status={data.status}>
              {data.awaitingReview ? 'Awaiting your review' : STATUS_LABELS[data.status]}
            </span>{' '}
            <span className="muted">Amazon deadline: {new Date(data.dueAt).toLocaleDateString()}</span>
          </p>
          {data.approval ? (
            <section className="panel" aria-labelledby="proof-title">
              <h2 id="proof-title">Approved</h2>
              <p>
                Version {data.approval.version} approved by <strong>{data.approval.fullName}</strong> ({data.approval.contactEmail}) on{' '}
                <time dateTime={data.approval.approvedAt}>{new Date(data.approval.approvedAt).toLocaleString()}</time>.
              </p>
              <p className="muted mono small">Content fingerprint (SHA-256): {data.approval.contentSha256}</p>
              {data.pdf ? <PdfDownload caseId={data.id} version={data.pdf.version} status={data.pdf.status} latest /> : null}
            </section>
          ) : null}
          {data.draft ? <DraftDocument draft={data.draft} reference={data.reference} title={data.title} /> : <p>No draft to show yet.</p>}
          {data.availableActions.includes('approve') && data.draft ? (
            <ApproveForm caseId={data.id} version={data.draft.version} onDone={done} />
          ) : null}
          {data.availableActions.includes('request_changes') ? <RequestChangesForm caseId={data.id} onDone={done} /> : null}
          <Comments caseId={data.id} version={data.draft?.version ?? null} />
          {data.approvedVersions.length > 1 ? (
            <section className="panel" aria-labelledby="versions-title">
              <h2 id="versions-title">Earlier approved versions</h2>
              <ul className="versions">
                {data.approvedVersions.slice(1).map((v) => (
                  <li key={v.version}>
                    Version {v.version}, approved by {v.fullName} on {new Date(v.approvedAt).toLocaleDateString()}
                    {v.pdf ? <PdfDownload caseId={data.id} version={v.version} status={v.pdf.status} latest={false} /> : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
