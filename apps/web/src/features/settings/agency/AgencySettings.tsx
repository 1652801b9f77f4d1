import { useState, type FormEvent } from 'react';
import { fieldError } from '../../../api/errors';
import { TextField } from '../../../ui/Field';
import { ErrorAlert } from '../../../ui/states';
import { saveBlob } from '../../cases/save-blob';
import { useTenant } from '../branding/branding.queries';
import { useCancelDeletion, useDownloadExport, useScheduleDeletion, useTenantExport } from './agency.queries';

export const formatDeletionDate = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });

/** Owners only: an archive of all of the agency's data, and deleting the agency. */
export function AgencySettings() {
  return (
    <div style={{ display: 'grid', gap: '1.5rem', maxWidth: '40rem' }}>
      <ExportSection />
      <DeletionSection />
    </div>
  );
}

function ExportSection() {
  const { start, status, exportId } = useTenantExport();
  const download = useDownloadExport((file) => saveBlob(file.blob, file.name));
  const current = status.data;
  const preparing = start.isPending || (exportId !== null && (!current || current.status === 'queued'));
  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title">Export all data</h2>
      <p className="muted">
        One archive (.tar.gz) of everything the agency keeps: clients, cases, drafts, comments, the audit trail as JSON, and the evidence
        files and PDFs. Passwords, keys and webhook secrets are left out.
      </p>
      <ErrorAlert error={start.error ?? status.error ?? download.error} />
      <div role="status" aria-live="polite">
        {preparing && <p>Preparing the archive… this takes a few seconds to a few minutes.</p>}
        {current?.status === 'ready' && (
          <p>
            The archive is ready ({formatSize(current.size ?? 0)}, {new Date(current.readyAt ?? current.createdAt).toLocaleString()}).
          </p>
        )}
        {current?.status === 'failed' && (
          <div className="alert alert-error">
            <span>The export failed: {current.error}. Try again.</span>
          </div>
        )}
      </div>
      <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
        <button type="button" className="btn" disabled={preparing} onClick={() => start.mutate()}>
          {exportId ? 'Export again' : 'Export all data'}
        </button>
        {current?.status === 'ready' && (
          <button type="button" className="btn btn-primary" disabled={download.isPending} onClick={() => download.mutate(current.id)}>
            {download.isPending ? 'Downloading…' : 'Download archive'}
          </button>
        )}
      </div>
    </section>
  );
}

function DeletionSection() {
  const tenant = useTenant().data;
  const schedule = useScheduleDeletion();
  const cancel = useCancelDeletion();
  const [typed, setTyped] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    schedule.mutate(typed, { onSuccess: () => setTyped('') });
  };
  return (
    <section className="card danger-zone" aria-labelledby="delete-agency-title">
      <h2 id="delete-agency-title">Delete agency</h2>
      {tenant.deletionScheduledFor ? (
        <>
          <div className="alert alert-warning">
            <span>
              {tenant.name} and all of its data will be deleted on <strong>{formatDeletionDate(tenant.deletionScheduledFor)}</strong>. Until
              then the team keeps working and you can cancel; clients can no longer log in to the portal.
            </span>
          </div>
          <ErrorAlert error={cancel.error} />
          <button type="button" className="btn" disabled={cancel.isPending} onClick={() => cancel.mutate()}>
            {cancel.isPending ? 'Cancelling…' : 'Cancel deletion'}
          </button>
        </>
      ) : (
        <form onSubmit={submit}>
          <p>
            Deletes every client, case, draft, file, PDF, webhook and user of the agency, for good, after a grace period in which you can
            still cancel. Export the data first if you need it.
          </p>
          <ErrorAlert error={fieldError(schedule.error, 'confirmName') ? null : schedule.error} />
          <TextField
            label={`Type the agency's name, ${tenant.name}, to confirm`}
            name="confirmName"
            autoComplete="off"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            error={fieldError(schedule.error, 'confirmName')}
          />
          <button type="submit" className="btn btn-danger" disabled={schedule.isPending || typed.trim() !== tenant.name.trim()}>
            {schedule.isPending ? 'Scheduling…' : 'Delete agency'}
          </button>
        </form>
      )}
    </section>
  );
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
