import { useRef, useState, type FormEvent } from 'react';
import { useCan } from '../../auth/session';
import { formatDateTime } from '../../../lib/format';
import { DataTable } from '../../../ui/DataTable';
import { ErrorAlert } from '../../../ui/states';
import { useAttachments, useDownloadAttachment, useUploadAttachment } from '../attachments.queries';
import { EvidenceChecklist } from './EvidenceChecklist';

/** Evidence files (PDF, JPG, PNG, GIF up to 20 MB) that the draft's supporting documents cite. */
export function EvidencePanel({ caseId }: { caseId: string }) {
  const canWrite = useCan('writer');
  const attachments = useAttachments(caseId);
  const download = useDownloadAttachment(caseId);

  return (
    <div className="stack-lg">
      <EvidenceChecklist caseId={caseId} />
      <div className="grid-2">
        <section className="card" aria-labelledby="evidence-title">
          <h2 id="evidence-title">All files</h2>
          <ErrorAlert error={download.error} />
          <DataTable
            query={attachments}
            empty="No files uploaded yet."
            columns={['File', 'Type', 'Size', 'Uploaded', { header: 'Download', srOnly: true }]}
            row={(a) => (
              <tr>
                <td>{a.fileName}</td>
                <td className="muted">{a.contentType}</td>
                <td>{formatSize(a.size)}</td>
                <td className="muted">{formatDateTime(a.createdAt)}</td>
                <td className="actions">
                  <button type="button" className="btn btn-small" onClick={() => download.mutate(a)}>
                    Download
                  </button>
                </td>
              </tr>
            )}
          />
        </section>
        {canWrite && <UploadForm caseId={caseId} />}
      </div>
    </div>
  );
}

function UploadForm({ caseId }: { caseId: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const upload = useUploadAttachment(caseId, {
    onProgress: setProgress,
    onUploaded: (attachment) => {
      setDone(attachment.fileName);
      if (input.current) input.current.value = '';
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    setDone(null);
    if (file) upload.mutate(file);
  };
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="upload-title">
      <h2 id="upload-title">Upload another file</h2>
      <ErrorAlert error={upload.error} />
      <div className="field">
        <label htmlFor="evidence-file">File (PDF, JPG, PNG or GIF, up to 20 MB)</label>
        <input id="evidence-file" ref={input} type="file" name="file" accept="application/pdf,image/jpeg,image/png,image/gif" />
      </div>
      {progress !== null && (
        <div>
          <label htmlFor="upload-progress">Uploading… {Math.round(progress * 100)}%</label>
          <progress id="upload-progress" max={1} value={progress} />
        </div>
      )}
      {done && (
        <p role="status" className="alert alert-success">
          {done} uploaded. Cite it in the draft's supporting documents.
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={upload.isPending}>
        Upload
      </button>
    </form>
  );
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
