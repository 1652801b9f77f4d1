import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client';
import { ApiError, unwrap } from '../../../api/errors';
import type { CaseDetail } from '../../../api/types';
import { useCan, useTenantKey } from '../../auth/session';
import { formatDateTime } from '../../../lib/format';
import { fileNameFrom } from '../save-blob';
import { ErrorAlert } from '../../../ui/states';

const STATUS_TEXT = { queued: 'Queued for rendering…', rendering: 'Rendering…', ready: 'Ready', failed: 'Rendering failed' } as const;

/** Status of the approved version's PDF (the case detail polls while it renders) and its download. */
export function PdfPanel({ detail }: { detail: CaseDetail }) {
  const key = useTenantKey();
  const queryClient = useQueryClient();
  const canWrite = useCan('writer');
  const [file, setFile] = useState<{ url: string; name: string } | null>(null);
  const pdf = detail.pdf;

  const download = useMutation({
    mutationFn: async () => {
      const { data, response } = await api.GET('/api/v1/cases/{id}/pdf', { params: { path: { id: detail.id } }, parseAs: 'blob' });
      if (response.status === 202) {
        void queryClient.invalidateQueries({ queryKey: key('cases', detail.id) });
        throw new ApiError(202, 'NOT_READY', 'The PDF is not ready yet', null);
      }
      if (!response.ok || !(data instanceof Blob)) throw ApiError.from(response.status, data ? JSON.parse(await (data as Blob).text()) : null);
      return { blob: data, name: fileNameFrom(response, `${detail.reference}-v${detail.approvedVersion}.pdf`) };
    },
    onSuccess: ({ blob, name }) => {
      if (file) URL.revokeObjectURL(file.url);
      setFile({ url: URL.createObjectURL(blob), name });
    },
  });
  const retry = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/cases/{id}/pdf/retry', { params: { path: { id: detail.id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key('cases', detail.id) }),
  });

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
