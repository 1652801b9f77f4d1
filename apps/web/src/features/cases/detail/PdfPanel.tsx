import { useState } from 'react';
import type { CaseDetail } from '../../../api/types';
import { useCan } from '../../auth/session';
import { formatDateTime } from '../../../lib/format';
import { ErrorAlert } from '../../../ui/states';
import { useFetchPdf, useRetryPdf } from '../pdfs.queries';

const STATUS_TEXT = { queued: 'Queued for rendering…', rendering: 'Rendering…', ready: 'Ready', failed: 'Rendering failed' } as const;

/** Status of the approved version's PDF (the case detail polls while it renders) and its download. */
export function PdfPanel({ detail }: { detail: CaseDetail }) {
  const canWrite = useCan('writer');
  const [file, setFile] = useState<{ url: string; name: string } | null>(null);
  const pdf = detail.pdf;

  const download = useFetchPdf(detail, ({ blob, name }) => {
    if (file) URL.revokeObjectURL(file.url);
    setFile({ url: URL.createObjectURL(blob), name });
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
          <button type="button" className="btn btn-primary" onClick={() => download.mutate()} disabled={download.isPending}>
            {download.isPending ? 'Preparing…' : 'Get the PDF'}
          </button>
          {file && (
            <>
              <a className="btn" href={file.url} download={file.name} data-testid="pdf-download">
                Download {file.name}
              </a>
              <a className="btn" href={file.url} target="_blank" rel="noreferrer">
                Preview
              </a>
            </>
          )}
        </div>
      )}
    </section>
  );
}
