import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/errors';
import type { PortalEvidenceItem } from './api';

const MAX_BYTES = 20 * 1024 * 1024;
const STATUS_TEXT = { missing: 'Still needed', provided: 'Received', waived: 'No longer needed' } as const;

function acceptOf(item: PortalEvidenceItem): string {
  return item.accepts.flatMap((a) => (a === 'pdf' ? ['application/pdf'] : ['image/jpeg', 'image/png', 'image/gif'])).join(',');
}

function uploadError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 413) return 'The file is larger than 20 MB.';
    if (error.status === 415) return 'Only PDF, JPG, PNG or GIF files are accepted.';
  }
  return 'The file could not be sent. Please try again.';
}

/** "Documents we need from you": each document the agency asks for, what it shows Amazon, and an upload that works on a phone. */
export function DocumentsRequested({
  items,
  upload,
  onUploaded,
}: {
  items: PortalEvidenceItem[];
  upload: (key: string, file: File) => Promise<unknown>;
  onUploaded: (message: string) => void;
}) {
  if (items.length === 0) return null;
  const open = items.filter((i) => i.status === 'missing').length;
  return (
    <section className="panel documents" aria-labelledby="documents-title">
      <h2 id="documents-title">Documents we need from you</h2>
      <p className="muted small">
        {open === 0
          ? 'We have everything we asked for. Thank you.'
          : `${open} of ${items.length} still needed. Photos from your phone are fine.`}
      </p>
      <ul className="document-list">
        {items.map((item) => (
          <DocumentItem key={item.key} item={item} upload={upload} onUploaded={onUploaded} />
        ))}
      </ul>
    </section>
  );
}

function DocumentItem({
  item,
  upload,
  onUploaded,
}: {
  item: PortalEvidenceItem;
  upload: (key: string, file: File) => Promise<unknown>;
  onUploaded: (message: string) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = `document-${item.key}`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    setError(null);
    if (!file) return setError('Choose a file first.');
    if (file.size > MAX_BYTES) return setError('The file is larger than 20 MB.');
    setBusy(true);
    try {
      await upload(item.key, file);
      if (input.current) input.current.value = '';
      onUploaded(`${file.name} was sent for “${item.label}”.`);
    } catch (failure) {
      setError(uploadError(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li data-status={item.status}>
      <div className="document-head">
        <strong>{item.label}</strong>
        <span className={`pill ${item.status === 'missing' ? 'pill-action' : ''}`}>{STATUS_TEXT[item.status]}</span>
      </div>
      {item.proves ? <p className="muted small">Why: {item.proves}.</p> : null}
      {item.attachments.length > 0 ? <p className="small">You sent: {item.attachments.map((a) => a.fileName).join(', ')}</p> : null}
      {item.status !== 'waived' ? (
        <form className="document-upload" onSubmit={(e) => void submit(e)}>
          <label htmlFor={inputId}>{item.attachments.length > 0 ? 'Send another file' : 'Choose a file'} (PDF or photo, up to 20 MB)</label>
          <input id={inputId} ref={input} type="file" name="file" accept={acceptOf(item)} />
          {error ? (
            <p role="alert" className="error">
              {error}
            </p>
          ) : null}
          <button type="submit" disabled={busy}>
            {busy ? 'Sending…' : `Send ${item.label.toLowerCase()}`}
          </button>
        </form>
      ) : null}
    </li>
  );
}
