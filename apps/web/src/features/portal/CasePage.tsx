import { ApiError } from '../../api/errors';
import { useState } from 'react';
import type { PortalCase, PortalMe } from './api';
import { Comments } from './Comments';
import { DraftDocument } from './DraftDocument';
import { formatDate, formatDateTime } from './format';
import { caseStateLabel } from './labels';
import { PdfDownload } from './PdfDownload';
import { DocumentsRequested } from './DocumentsRequested';
import { usePortalCase, usePortalEvidence } from './portal.queries';
import { ApproveForm, RequestChangesForm } from './ReviewForms';
import { navigate } from './router';

const SECTION_NAMES: Record<NonNullable<PortalCase['changesSinceSeen']>['changes'][number]['section'], string> = {
  summary: 'Summary',
  rootCauses: 'Root causes',
  correctiveActions: 'Corrective actions taken',
  preventiveMeasures: 'Preventive measures',
  supportingDocuments: 'Supporting documents',
};
const CHANGE_NAMES = { added: 'Added', removed: 'Removed', changed: 'Changed' } as const;

export function CasePage({ id, me }: { id: string; me: PortalMe | null }) {
  const { data, error: failure, reload } = usePortalCase(id);
  const evidence = usePortalEvidence(id);
  const [message, setMessage] = useState<string | null>(null);
  // A case still being written has no draft to show the client, but may ask them for documents.
  const asksForDocuments = (evidence.data?.data.length ?? 0) > 0;
  const error =
    failure === null
      ? null
      : failure instanceof ApiError && failure.status === 404
        ? asksForDocuments
          ? null
          : 'There is nothing to show on this case at the moment.'
        : 'Could not load this case.';

  const done = (text: string) => {
    setMessage(text);
    reload();
  };
  const documents = evidence.data ? (
    <DocumentsRequested
      items={evidence.data.data}
      upload={evidence.upload}
      onUploaded={(text) => {
        setMessage(text);
        evidence.reload();
      }}
    />
  ) : null;

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
      {!data && !error && !asksForDocuments ? <p role="status">Loading…</p> : null}
      {!data && asksForDocuments && evidence.data ? (
        <>
          <h1>
            {evidence.data.case.reference}: {evidence.data.case.title}
          </h1>
          <p className="muted">We are preparing your plan of action. We will e-mail you when it is ready for your review.</p>
          {documents}
        </>
      ) : null}
      {data ? (
        <>
          <h1>
            {data.reference}: {data.title}
          </h1>
          <p>
            <span
              className={`pill ${data.awaitingReview ? 'pill-action' : data.workingOnChanges ? 'pill-working' : ''}`}
              data-status={data.status}
            >
              {caseStateLabel(data)}
            </span>{' '}
            <span className="muted">Amazon deadline: {formatDate(data.dueAt)}</span>
          </p>
          {documents}
          {data.changeRequest ? (
            <section className="panel working" aria-labelledby="working-title">
              <h2 id="working-title">We’re working on your changes</h2>
              <p>
                {data.agency.name} is revising the plan with your request. We will e-mail you when the revised plan is ready for your
                review.
              </p>
              <p className="muted small">
                {data.changeRequest.requestedBy.type === 'staff'
                  ? `Your request, recorded by ${data.changeRequest.requestedBy.name},`
                  : data.changeRequest.requestedBy.name === me?.contact.name
                    ? 'You asked'
                    : `${data.changeRequest.requestedBy.name} asked`}{' '}
                on <time dateTime={data.changeRequest.requestedAt}>{formatDateTime(data.changeRequest.requestedAt)}</time>:
              </p>
              <blockquote className="prose">{data.changeRequest.comment}</blockquote>
            </section>
          ) : null}
          {data.changesSinceSeen && data.changesSinceSeen.changes.length > 0 ? (
            <section className="panel changes" aria-labelledby="changes-since-title">
              <h2 id="changes-since-title">What changed since the version you saw</h2>
              <p className="muted small">Changes made since the change request of {formatDateTime(data.changesSinceSeen.requestedAt)}:</p>
              <ul className="change-list">
                {data.changesSinceSeen.changes.map((c, i) => (
                  <li key={i} data-kind={c.kind}>
                    <strong>
                      {CHANGE_NAMES[c.kind]} · {SECTION_NAMES[c.section]}
                    </strong>
                    <p className="prose">{c.text}</p>
                    {c.previousText !== null ? (
                      <p className="prose muted small">
                        <span className="sr-only">Before: </span>
                        <del>{c.previousText}</del>
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {data.approval ? (
            <section className="panel" aria-labelledby="proof-title">
              <h2 id="proof-title">Approved</h2>
              <p>
                Approved by <strong>{data.approval.fullName}</strong> ({data.approval.contactEmail}) on{' '}
                <time dateTime={data.approval.approvedAt}>{formatDateTime(data.approval.approvedAt)}</time>.
              </p>
              <p className="muted mono small">Content fingerprint (SHA-256): {data.approval.contentSha256}</p>
              {data.pdf ? <PdfDownload caseId={data.id} version={data.pdf.version} status={data.pdf.status} latest /> : null}
            </section>
          ) : null}
          {data.draft ? (
            <DraftDocument draft={data.draft} reference={data.reference} title={data.title} caseId={data.id} />
          ) : (
            <p>No draft to show yet.</p>
          )}
          {data.availableActions.includes('approve') && data.draft ? (
            <ApproveForm caseId={data.id} version={data.draft.version} onDone={done} />
          ) : null}
          {data.availableActions.includes('request_changes') ? <RequestChangesForm caseId={data.id} onDone={done} /> : null}
          <Comments caseId={data.id} version={data.draft?.version ?? null} />
          {data.approvedVersions.length > 1 ? (
            <section className="panel" aria-labelledby="versions-title">
              <h2 id="versions-title">Earlier approved plans</h2>
              <ul className="versions">
                {data.approvedVersions.slice(1).map((v) => (
                  <li key={v.version}>
                    Approved by {v.fullName} on {formatDate(v.approvedAt)}
                    {v.pdf ? (
                      <PdfDownload
                        caseId={data.id}
                        version={v.version}
                        status={v.pdf.status}
                        latest={false}
                        label={`Download the PDF approved on ${formatDate(v.approvedAt)}`}
                      />
                    ) : null}
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
