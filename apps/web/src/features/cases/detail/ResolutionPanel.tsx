import { isViolationType, RESOLUTION_PATH_LABELS, violationTypeInfo } from '@poa/domain';
import { useState, type FormEvent } from 'react';
import { fieldError, listFieldError } from '../../../api/errors';
import type { CaseDetail, ComplianceDocuments, ListingFixes, Retraction, RetractionBody } from '../../../api/types';
import { formatDateTime } from '../../../lib/format';
import { SelectField, TextAreaField, TextField } from '../../../ui/Field';
import { ErrorAlert, QueryView } from '../../../ui/states';
import { useCan } from '../../auth/session';
import { useAttachments, useUploadAttachment } from '../attachments.queries';
import {
  useComplianceDocuments,
  useListingFixes,
  useRetraction,
  useRetractionLetter,
  useSaveComplianceDocuments,
  useSaveListingFixes,
  useSaveRetraction,
} from '../resolution.queries';

const RETRACTION_STATUS_LABELS: Record<RetractionBody['status'], string> = {
  not_contacted: 'Not contacted yet',
  contacted: 'Rights owner contacted',
  agreed: 'Rights owner agreed to retract',
  sent_to_amazon: 'Retraction sent to Amazon',
  confirmed: 'Amazon confirmed the retraction',
};

/** What the case's path needs besides a POA: the retraction, the listing fixes or the compliance documents. */
export function ResolutionPanel({ detail }: { detail: CaseDetail }) {
  if (detail.path === 'poa') return null;
  return (
    <section className="card" aria-labelledby="path-title" data-testid="path-panel">
      <h2 id="path-title">{RESOLUTION_PATH_LABELS[detail.path]}</h2>
      {detail.path === 'retraction' && <RetractionTracker caseId={detail.id} />}
      {detail.path === 'listing_fix' && <ListingFixesEditor detail={detail} />}
      {detail.path === 'compliance_documents' && <ComplianceDocumentsEditor detail={detail} />}
      <p className="muted" style={{ marginBottom: 0 }}>
        A Plan of Action can still be written below: Amazon sometimes asks for one anyway.
      </p>
    </section>
  );
}

function RetractionTracker({ caseId }: { caseId: string }) {
  const tracker = useRetraction(caseId);
  return <QueryView query={tracker}>{(data) => <RetractionForm caseId={caseId} saved={data} />}</QueryView>;
}

function RetractionForm({ caseId, saved }: { caseId: string; saved: Retraction }) {
  const canWrite = useCan('writer');
  const [form, setForm] = useState({
    complaintId: saved.complaintId ?? '',
    rightsOwner: saved.rightsOwner ?? '',
    contactEmail: saved.contactEmail ?? '',
    datesContacted: saved.datesContacted.join(', '),
    status: saved.status,
    note: saved.note,
  });
  const update = (fields: Partial<typeof form>) => setForm((f) => ({ ...f, ...fields }));
  const save = useSaveRetraction(caseId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      complaintId: form.complaintId.trim() || null,
      rightsOwner: form.rightsOwner.trim() || null,
      contactEmail: form.contactEmail.trim() || null,
      datesContacted: form.datesContacted
        .split(/[\s,;]+/)
        .map((d) => d.trim())
        .filter(Boolean),
      status: form.status,
      note: form.note,
    });
  };
  return (
    <div className="stack">
      <p className="muted" style={{ margin: 0 }}>
        Amazon takes a retraction only from the rights owner, sent to Amazon directly: a forwarded or attached one is refused.
      </p>
      <form onSubmit={submit} aria-label="Retraction tracker">
        <fieldset disabled={!canWrite} style={{ border: 0, padding: 0, margin: 0 }}>
          <ErrorAlert error={save.error} />
          <div className="row">
            <TextField
              label="Complaint ID"
              value={form.complaintId}
              onChange={(e) => update({ complaintId: e.target.value })}
              error={fieldError(save.error, 'complaintId')}
            />
            <TextField
              label="Rights owner"
              value={form.rightsOwner}
              onChange={(e) => update({ rightsOwner: e.target.value })}
              error={fieldError(save.error, 'rightsOwner')}
            />
          </div>
          <div className="row">
            <TextField
              label="Rights owner's e-mail"
              type="email"
              value={form.contactEmail}
              onChange={(e) => update({ contactEmail: e.target.value })}
              error={fieldError(save.error, 'contactEmail')}
            />
            <TextField
              label="Dates contacted"
              value={form.datesContacted}
              onChange={(e) => update({ datesContacted: e.target.value })}
              hint="YYYY-MM-DD, separated by commas"
              error={listFieldError(save.error, 'datesContacted')}
            />
          </div>
          <SelectField
            label="Retraction status"
            value={form.status}
            onChange={(e) => update({ status: e.target.value as RetractionBody['status'] })}
            error={fieldError(save.error, 'status')}
          >
            {Object.entries(RETRACTION_STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
          <TextAreaField label="Retraction note" rows={2} value={form.note} onChange={(e) => update({ note: e.target.value })} />
          {canWrite && (
            <button type="submit" className="btn btn-primary" disabled={save.isPending}>
              {save.isPending ? 'Saving…' : 'Save retraction'}
            </button>
          )}
          {save.isSuccess && !save.isPending && (
            <span role="status" className="muted">
              {' '}
              Saved.
            </span>
          )}
        </fieldset>
      </form>
      {saved.updatedAt && <p className="muted">Last updated {formatDateTime(saved.updatedAt)}</p>}
      <RetractionLetterView caseId={caseId} />
    </div>
  );
}

function RetractionLetterView({ caseId }: { caseId: string }) {
  const letter = useRetractionLetter(caseId);
  return (
    <details>
      <summary>Letter to the rights owner</summary>
      <QueryView query={letter}>
        {(data) => (
          <div className="stack" style={{ marginTop: '0.5rem' }}>
            {data.missing.length > 0 && (
              <p className="alert alert-warning">Fill in {data.missing.join(' and ')} above: the letter names them.</p>
            )}
            <p style={{ margin: 0 }}>
              <strong>To:</strong> {data.to ?? <span className="muted">the rights owner's e-mail</span>}
              <br />
              <strong>Subject:</strong> {data.subject}
            </p>
            <div className="letter-text" data-testid="retraction-letter">
              {data.body}
            </div>
            <CopyButton text={`Subject: ${data.subject}\n\n${data.body}`} />
          </div>
        )}
      </QueryView>
    </details>
  );
}

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="btn btn-small"
      style={{ alignSelf: 'flex-start' }}
      onClick={() =>
        void navigator.clipboard.writeText(text).then(
          () => setCopied(true),
          () => setCopied(false),
        )
      }
    >
      {copied ? 'Copied' : 'Copy letter'}
    </button>
  );
}

type FixRow = { key: string; id?: string; asin: string; change: string; confirmed: boolean };

function ListingFixesEditor({ detail }: { detail: CaseDetail }) {
  const fixes = useListingFixes(detail.id);
  return <QueryView query={fixes}>{(data) => <ListingFixesForm detail={detail} saved={data} />}</QueryView>;
}

function ListingFixesForm({ detail, saved }: { detail: CaseDetail; saved: ListingFixes }) {
  const canWrite = useCan('writer');
  const [rows, setRows] = useState<FixRow[]>(() =>
    saved.items.map((f) => ({ key: f.id, id: f.id, asin: f.asin ?? '', change: f.change, confirmed: f.confirmed })),
  );
  const save = useSaveListingFixes(detail.id);
  const byId = new Map(saved.items.map((f) => [f.id, f]));
  const update = (index: number, fields: Partial<FixRow>) => setRows((list) => list.map((r, i) => (i === index ? { ...r, ...fields } : r)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        items: rows.map((r) => ({ ...(r.id ? { id: r.id } : {}), asin: r.asin || null, change: r.change.trim(), confirmed: r.confirmed })),
      },
      {
        onSuccess: (next) =>
          setRows(next.items.map((f) => ({ key: f.id, id: f.id, asin: f.asin ?? '', change: f.change, confirmed: f.confirmed }))),
      },
    );
  };
  const done = saved.items.filter((f) => f.confirmed).length;
  return (
    <form onSubmit={submit} aria-label="Listing fixes" className="stack">
      <p className="muted" style={{ margin: 0 }}>
        The changes to make on the listings; confirm each once it is live.{' '}
        {saved.items.length > 0 && `${done} of ${saved.items.length} confirmed.`}
      </p>
      <ErrorAlert error={save.error} />
      <fieldset disabled={!canWrite} style={{ border: 0, padding: 0, margin: 0 }}>
        {rows.map((row, i) => {
          const confirmedBy = row.id ? byId.get(row.id) : undefined;
          return (
            <div key={row.key} className="issue-row">
              <div className="row">
                <SelectField
                  label={`Change ${i + 1}: ASIN`}
                  value={row.asin}
                  onChange={(e) => update(i, { asin: e.target.value })}
                  error={fieldError(save.error, `items.${i}.asin`)}
                >
                  <option value="">All listings</option>
                  {detail.asins.map((a) => (
                    <option key={a} value={a}>
                      {a}
                    </option>
                  ))}
                </SelectField>
              </div>
              <TextAreaField
                label={`Change ${i + 1}: what to change`}
                rows={2}
                value={row.change}
                onChange={(e) => update(i, { change: e.target.value })}
                error={fieldError(save.error, `items.${i}.change`)}
              />
              <div className="check-row">
                <label>
                  <input type="checkbox" checked={row.confirmed} onChange={(e) => update(i, { confirmed: e.target.checked })} /> Change{' '}
                  {i + 1} is live on Amazon
                </label>
                {confirmedBy?.confirmedAt && row.confirmed && (
                  <span className="muted">
                    confirmed by {confirmedBy.confirmedBy} on {formatDateTime(confirmedBy.confirmedAt)}
                  </span>
                )}
                <button type="button" className="btn btn-small" onClick={() => setRows((list) => list.filter((_, j) => j !== i))}>
                  Remove change {i + 1}
                </button>
              </div>
            </div>
          );
        })}
        {canWrite && (
          <div className="btn-group">
            <button
              type="button"
              className="btn btn-small"
              onClick={() =>
                setRows((list) => [...list, { key: `new-${Date.now()}-${list.length}`, asin: '', change: '', confirmed: false }])
              }
            >
              + Add listing change
            </button>
            <button type="submit" className="btn btn-primary" disabled={save.isPending || rows.some((r) => !r.change.trim())}>
              {save.isPending ? 'Saving…' : 'Save listing changes'}
            </button>
          </div>
        )}
      </fieldset>
    </form>
  );
}

type DocumentRow = { key: string; id?: string; label: string; evidenceKey: string | null; attachmentId: string; note: string };

function ComplianceDocumentsEditor({ detail }: { detail: CaseDetail }) {
  const documents = useComplianceDocuments(detail.id);
  return <QueryView query={documents}>{(data) => <ComplianceDocumentsForm detail={detail} saved={data} />}</QueryView>;
}

const documentRowsOf = (saved: ComplianceDocuments): DocumentRow[] =>
  saved.items.map((d) => ({
    key: d.id,
    id: d.id,
    label: d.label,
    evidenceKey: d.evidenceKey,
    attachmentId: d.attachment?.id ?? '',
    note: d.note,
  }));

/** The catalogue's evidence for the case's issues that is not on the list yet. */
function suggestedDocuments(detail: CaseDetail, rows: DocumentRow[]): DocumentRow[] {
  const have = new Set(rows.map((r) => r.evidenceKey));
  const suggestions = detail.issues
    .flatMap((issue) => (isViolationType(issue.violationType) ? violationTypeInfo(issue.violationType).evidence : []))
    .filter((e, i, all) => !have.has(e.key) && all.findIndex((x) => x.key === e.key) === i);
  return suggestions.map((e) => ({ key: `suggested-${e.key}`, label: e.label, evidenceKey: e.key, attachmentId: '', note: '' }));
}

function ComplianceDocumentsForm({ detail, saved }: { detail: CaseDetail; saved: ComplianceDocuments }) {
  const canWrite = useCan('writer');
  const attachments = useAttachments(detail.id);
  const [rows, setRows] = useState<DocumentRow[]>(() => documentRowsOf(saved));
  const save = useSaveComplianceDocuments(detail.id);
  const update = (index: number, fields: Partial<DocumentRow>) =>
    setRows((list) => list.map((r, i) => (i === index ? { ...r, ...fields } : r)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        items: rows.map((r) => ({
          ...(r.id ? { id: r.id } : {}),
          label: r.label.trim(),
          evidenceKey: r.evidenceKey,
          attachmentId: r.attachmentId || null,
          note: r.note,
        })),
      },
      { onSuccess: (next) => setRows(documentRowsOf(next)) },
    );
  };
  const suggestions = suggestedDocuments(detail, rows);
  const provided = saved.items.filter((d) => d.attachment).length;
  return (
    <form onSubmit={submit} aria-label="Compliance documents" className="stack">
      <p className="muted" style={{ margin: 0 }}>
        Certificates and test reports go to Amazon through Manage Your Compliance, not the appeal.{' '}
        {saved.items.length > 0 && `${provided} of ${saved.items.length} uploaded.`}
      </p>
      <ErrorAlert error={save.error} />
      <fieldset disabled={!canWrite} style={{ border: 0, padding: 0, margin: 0 }}>
        {rows.map((row, i) => (
          <div key={row.key} className="issue-row">
            <TextField
              label={`Document ${i + 1}`}
              value={row.label}
              onChange={(e) => update(i, { label: e.target.value })}
              error={fieldError(save.error, `items.${i}.label`)}
            />
            <div className="row">
              <SelectField
                label={`Document ${i + 1}: file`}
                value={row.attachmentId}
                onChange={(e) => update(i, { attachmentId: e.target.value })}
                error={fieldError(save.error, `items.${i}.attachmentId`)}
              >
                <option value="">Not uploaded yet</option>
                {attachments.data?.data.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.fileName}
                  </option>
                ))}
              </SelectField>
              {canWrite && <UploadFor caseId={detail.id} index={i} onUploaded={(id) => update(i, { attachmentId: id })} />}
            </div>
            <div className="check-row">
              <TextField label={`Document ${i + 1}: note`} value={row.note} onChange={(e) => update(i, { note: e.target.value })} />
              <button type="button" className="btn btn-small" onClick={() => setRows((list) => list.filter((_, j) => j !== i))}>
                Remove document {i + 1}
              </button>
            </div>
          </div>
        ))}
        {canWrite && (
          <div className="btn-group">
            {suggestions.length > 0 && (
              <button type="button" className="btn btn-small" onClick={() => setRows((list) => [...list, ...suggestions])}>
                + Add what the catalogue asks for ({suggestions.map((s) => s.label).join(', ')})
              </button>
            )}
            <button
              type="button"
              className="btn btn-small"
              onClick={() =>
                setRows((list) => [...list, { key: `new-${Date.now()}`, label: '', evidenceKey: null, attachmentId: '', note: '' }])
              }
            >
              + Add document
            </button>
            <button type="submit" className="btn btn-primary" disabled={save.isPending || rows.some((r) => !r.label.trim())}>
              {save.isPending ? 'Saving…' : 'Save documents'}
            </button>
          </div>
        )}
      </fieldset>
    </form>
  );
}

/** Uploads a file as evidence of the case and links it to one document row. */
function UploadFor({ caseId, index, onUploaded }: { caseId: string; index: number; onUploaded: (attachmentId: string) => void }) {
  const [progress, setProgress] = useState<number | null>(null);
  const upload = useUploadAttachment(caseId, { onProgress: setProgress, onUploaded: (a) => onUploaded(a.id) });
  return (
    <div className="field">
      <label htmlFor={`compliance-upload-${index}`}>Document {index + 1}: upload</label>
      <input
        id={`compliance-upload-${index}`}
        type="file"
        accept="application/pdf,image/jpeg,image/png,image/gif"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) upload.mutate(file);
        }}
      />
      {progress !== null && <small className="muted">Uploading… {Math.round(progress * 100)}%</small>}
      {upload.error ? <small className="field-error">{upload.error.message}</small> : null}
    </div>
  );
}
