import { useState } from 'react';
import type { CaseDetail, PdfVariant } from '../../../api/types';
import { useCan } from '../../auth/session';
import { formatDateTime } from '../../../lib/format';
import { ErrorAlert } from '../../../ui/states';
import { useFetchPdf, useRetryPdf } from '../pdfs.queries';

const STATUS_TEXT = { queued: 'Queued for rendering…', rendering: 'Rendering…', ready: 'Ready', failed: 'Rendering failed' } as const;

/**
 * Status of the approved version's PDF (the case detail polls while it renders) and its downloads: the agency's copy,
 * the copy for Amazon and the approval certificate (those two render on first request, then download).
 */
export function PdfPanel({ detail }: { detail: CaseDetail }) {
  const canWrite = useCan('writer');
  const [file, setFile] = useState<{ url: string; name: string; variant: PdfVariant } | null>(null);
  const pdf = detail.pdf;

  const download = useFetchPdf(detail, ({ blob, name, variant }) => {
    if (file) URL.revokeObjectURL(file.url);
    setFile({ url: URL.createObjectURL(blob), name, variant });
  });
  const retry = useRetryPdf(detail.id);

  const status = pdf?.status ?? 'queued';
  return (
    <section className="card" aria-labelledby="pdf-title">
      <h2 id="pdf-title">PDF of version {detail.approvedVersion}</h2>
      <p role="status" aria-live="polite" data-pdf-status={status}>
        {STATUS_TEXT[status]}
        {pdf?.status === 'ready' && pdf.readyAt && (
          <span className="muted">
            {' '}
            · {pdf.pageCount ?? '?'} pages · {formatDateTime(pdf.readyAt)}
          </span>
        )}
      </p>
      {pdf?.status === 'failed' && (
        <>
          <p className="field-error">{pdf.error}</p>
          {canWrite && (
            <button type="button" className="btn" onClick={() => retry.mutate()} disabled={retry.isPending}>
              Render again
            </button>
          )}
        </>
      )}
      <ErrorAlert error={download.error ?? retry.error} />
      {status === 'ready' && (
        <div className="btn-group">
          <button type="button" className="btn btn-primary" onClick={() => download.mutate('standard')} disabled={download.isPending}>
            {download.isPending && download.variables === 'standard' ? 'Preparing…' : 'Get the PDF'}
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => download.mutate('amazon')}
            disabled={download.isPending}
            title="The plan alone in the seller's name: no agency letterhead, internal keys or approval proof"
          >
            {download.isPending && download.variables === 'amazon' ? 'Preparing…' : 'PDF for Amazon'}
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => download.mutate('certificate')}
            disabled={download.isPending}
            title="Who approved which version, when, and the SHA-256 of what they approved"
          >
            {download.isPending && download.variables === 'certificate' ? 'Preparing…' : 'Approval certificate'}
          </button>
        </div>
      )}
      {status === 'ready' && file && (
        <div className="btn-group" style={{ marginTop: '0.5rem' }}>
          <a className="btn" href={file.url} download={file.name} data-testid="pdf-download" data-variant={file.variant}>
            Download {file.name}
          </a>
          <a className="btn" href={file.url} target="_blank" rel="noreferrer">
            Preview
          </a>
        </div>
      )}
    </section>
  );
}
