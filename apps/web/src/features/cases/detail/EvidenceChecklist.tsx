import { useRef, useState, type FormEvent } from 'react';
import { fieldError } from '../../../api/errors';
import { ErrorAlert, Loading } from '../../../ui/states';
import { useCan } from '../../auth/session';
import { useUploadAttachment } from '../attachments.queries';
import { useEvidence, useSaveEvidenceDetails, useWaiveEvidence, type EvidenceDetails, type EvidenceItem } from '../evidence.queries';

const STATUS = {
  missing: { text: 'Missing', className: 'pill pill-urgent' },
  provided: { text: 'Provided', className: 'pill pill-ok' },
  waived: { text: 'Waived', className: 'pill' },
} as const;

/**
 * The case's evidence checklist from its playbook: what is still missing, what the client sent from the portal, an
 * upload per item, waivers with a reason, and the fields typed from invoices and letters of authorisation.
 */
export function EvidenceChecklist({ caseId }: { caseId: string }) {
  const evidence = useEvidence(caseId);
  const canWrite = useCan('writer');
  if (evidence.isPending) return <Loading label="Loading the checklist…" />;
  if (evidence.error) return <ErrorAlert error={evidence.error} onRetry={() => void evidence.refetch()} />;
  const items = evidence.data.data;
  const missing = items.filter((i) => i.status === 'missing');
  const requiredMissing = missing.filter((i) => i.required);
  return (
    <section className="card stack" aria-labelledby="checklist-title">
      <h2 id="checklist-title">Evidence checklist</h2>
      {items.length === 0 ? (
        <p className="muted">This case's playbook asks for no evidence.</p>
      ) : (
        <p role="status" className={requiredMissing.length > 0 ? 'alert alert-warning' : 'alert alert-success'}>
          {missing.length === 0
            ? 'Everything on the checklist is provided or waived.'
            : `Still missing: ${missing.map((i) => i.label).join('; ')}${requiredMissing.length > 0 ? ` (${requiredMissing.length} required)` : ''}.`}
        </p>
      )}
      <ul className="evidence-list">
        {items.map((item) => (
          <EvidenceRow key={item.key} caseId={caseId} item={item} canWrite={canWrite} />
        ))}
      </ul>
    </section>
  );
}

function EvidenceRow({ caseId, item, canWrite }: { caseId: string; item: EvidenceItem; canWrite: boolean }) {
  const status = STATUS[item.status];
  return (
    <li className="evidence-item" data-key={item.key} data-status={item.status} aria-labelledby={`evidence-${item.key}`}>
      <div className="evidence-head">
        <strong id={`evidence-${item.key}`}>{item.label}</strong>
        <span className={status.className}>{status.text}</span>
        {item.required ? <span className="pill">Required</span> : <span className="pill">Optional</span>}
        {item.askClient && <span className="pill pill-soon">Asked of the client</span>}
      </div>
      {item.proves && <p className="muted">Proves: {item.proves}</p>}
      {item.attachments.length > 0 && (
        <ul className="evidence-files">
          {item.attachments.map((a) => (
            <li key={a.id}>
              {a.fileName}
              {a.fromClient && <span className="muted"> (sent by the client)</span>}
            </li>
          ))}
        </ul>
      )}
      {item.waivedReason && <p className="muted">Waived: {item.waivedReason}</p>}
      {canWrite && (
        <div className="evidence-actions">
          <ItemUpload caseId={caseId} item={item} />
          <WaiveControl caseId={caseId} item={item} />
        </div>
      )}
      {(item.kind === 'invoice' || item.kind === 'authorisation') && (
        <DetailsForm caseId={caseId} item={item} readOnly={!canWrite} kind={item.kind} />
      )}
    </li>
  );
}

function ItemUpload({ caseId, item }: { caseId: string; item: EvidenceItem }) {
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const upload = useUploadAttachment(caseId, {
    onProgress: setProgress,
    onUploaded: () => {
      if (input.current) input.current.value = '';
    },
  });
  const id = `upload-${item.key}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (file) upload.mutate({ file, evidenceKey: item.key });
  };
  return (
    <form className="row" onSubmit={submit}>
      <label htmlFor={id} className="sr-only">
        File for {item.label}
      </label>
      <input id={id} ref={input} type="file" accept="application/pdf,image/jpeg,image/png,image/gif" />
      <button type="submit" className="btn btn-small" disabled={upload.isPending}>
        {progress !== null ? `Uploading ${Math.round(progress * 100)}%` : 'Upload'}
      </button>
      <ErrorAlert error={upload.error} />
    </form>
  );
}

function WaiveControl({ caseId, item }: { caseId: string; item: EvidenceItem }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const waive = useWaiveEvidence(caseId);
  if (item.waivedReason !== null)
    return (
      <button type="button" className="btn btn-small btn-ghost" onClick={() => waive.mutate({ key: item.key, reason: null })}>
        Ask for it again
      </button>
    );
  if (item.status === 'provided') return null;
  if (!open)
    return (
      <button type="button" className="btn btn-small btn-ghost" onClick={() => setOpen(true)}>
        Waive…
      </button>
    );
  const id = `waive-${item.key}`;
  const error = fieldError(waive.error, 'reason');
  return (
    <form
      className="row"
      onSubmit={(event) => {
        event.preventDefault();
        waive.mutate({ key: item.key, reason }, { onSuccess: () => setOpen(false) });
      }}
    >
      <label htmlFor={id}>Why go without it?</label>
      <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={!!error} required minLength={3} />
      <button type="submit" className="btn btn-small" disabled={waive.isPending}>
        Waive
      </button>
      <button type="button" className="btn btn-small btn-ghost" onClick={() => setOpen(false)}>
        Cancel
      </button>
      {error ? <small className="field-error">{error}</small> : <ErrorAlert error={waive.error} />}
    </form>
  );
}

type Draft = Record<string, string>;
type FieldType = 'text' | 'date' | 'number' | 'yesno';

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const orNull = (v: string | undefined) => (v && v.trim() ? v.trim() : null);
const numberOrNull = (v: string | undefined) => (v && v.trim() ? Number(v) : null);

/** How a field's value shows in its box, and how the box's text goes back to the API (empty: null). */
const CODECS: Record<FieldType, { toText: (value: unknown) => string; toValue: (typed: string | undefined) => unknown }> = {
  text: { toText: text, toValue: orNull },
  date: { toText: text, toValue: orNull },
  number: { toText: text, toValue: numberOrNull },
  yesno: {
    toText: (v) => (v === true ? 'yes' : v === false ? 'no' : ''),
    toValue: (v) => (v === 'yes' ? true : v === 'no' ? false : null),
  },
};

interface DetailsFormSpec {
  title: string;
  fields: { name: keyof EvidenceDetails; label: string; type: FieldType }[];
}

/** The fields typed from each kind of document, in the order they are read. */
const DETAILS_FORMS: Record<'invoice' | 'authorisation', DetailsFormSpec> = {
  invoice: {
    title: 'What the invoice says',
    fields: [
      { name: 'supplierName', label: 'Supplier name', type: 'text' },
      { name: 'supplierAddress', label: 'Supplier address', type: 'text' },
      { name: 'supplierContact', label: 'Supplier phone, e-mail or website', type: 'text' },
      { name: 'invoiceDate', label: 'Invoice date', type: 'date' },
      { name: 'quantity', label: 'Units on the invoice', type: 'number' },
      { name: 'unitsSold', label: 'Units sold', type: 'number' },
    ],
  },
  authorisation: {
    title: 'What the letter says',
    fields: [
      { name: 'rightsOwner', label: 'Rights owner', type: 'text' },
      { name: 'sellerName', label: 'Seller named in the letter', type: 'text' },
      { name: 'explicit', label: 'Explicitly authorises selling the brand', type: 'yesno' },
    ],
  },
};

function DetailsForm({
  caseId,
  item,
  readOnly,
  kind,
}: {
  caseId: string;
  item: EvidenceItem;
  readOnly: boolean;
  kind: keyof typeof DETAILS_FORMS;
}) {
  const { title, fields } = DETAILS_FORMS[kind];
  const initial = (): Draft => {
    const stored: Record<string, unknown> = item[kind] ?? {};
    return Object.fromEntries(fields.map((f) => [f.name, CODECS[f.type].toText(stored[f.name])]));
  };
  const toBody = (d: Draft) => Object.fromEntries(fields.map((f) => [f.name, CODECS[f.type].toValue(d[f.name])])) as EvidenceDetails;
  const [draft, setDraft] = useState<Draft>(initial);
  const [saved, setSaved] = useState(false);
  const save = useSaveEvidenceDetails(caseId);
  return (
    <details className="evidence-details">
      <summary>{title}</summary>
      <form
        className="evidence-fields"
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          save.mutate({ key: item.key, details: toBody(draft) }, { onSuccess: () => setSaved(true) });
        }}
      >
        {fields.map((f) => {
          const id = `${item.key}-${f.name}`;
          const error = fieldError(save.error, f.name);
          return (
            <div className="field" key={f.name}>
              <label htmlFor={id}>{f.label}</label>
              {f.type === 'yesno' ? (
                <select
                  id={id}
                  value={draft[f.name] ?? ''}
                  disabled={readOnly}
                  onChange={(e) => setDraft({ ...draft, [f.name]: e.target.value })}
                >
                  <option value="">Not checked yet</option>
                  <option value="yes">Yes</option>
                  <option value="no">No</option>
                </select>
              ) : (
                <input
                  id={id}
                  type={f.type}
                  min={f.type === 'number' ? 0 : undefined}
                  value={draft[f.name] ?? ''}
                  readOnly={readOnly}
                  aria-invalid={!!error}
                  onChange={(e) => setDraft({ ...draft, [f.name]: e.target.value })}
                />
              )}
              {error && <small className="field-error">{error}</small>}
            </div>
          );
        })}
        {!readOnly && (
          <div className="row">
            <button type="submit" className="btn btn-small btn-primary" disabled={save.isPending}>
              Save the fields
            </button>
            {saved && <span role="status">Saved.</span>}
          </div>
        )}
        {!fields.some((f) => fieldError(save.error, f.name)) && <ErrorAlert error={save.error} />}
      </form>
    </details>
  );
}

/** Beside the case facts: what is still missing and what the client sent, with a way to the checklist. */
export function EvidenceSummary({ caseId, onOpen }: { caseId: string; onOpen: () => void }) {
  const evidence = useEvidence(caseId);
  if (!evidence.data || evidence.data.data.length === 0) return null;
  const items = evidence.data.data;
  const missing = items.filter((i) => i.status === 'missing');
  const fromClient = items.filter((i) => i.attachments.some((a) => a.fromClient));
  return (
    <section className="card stack" aria-labelledby="evidence-summary-title">
      <h2 id="evidence-summary-title">Evidence</h2>
      <p>
        {missing.length === 0
          ? 'Nothing missing.'
          : `Still missing (${missing.length} of ${items.length}): ${missing.map((i) => i.label).join('; ')}.`}
      </p>
      {fromClient.length > 0 && <p className="muted">The client sent: {fromClient.map((i) => i.label).join('; ')}.</p>}
      <div>
        <button type="button" className="btn btn-small" onClick={onOpen}>
          Open the checklist
        </button>
      </div>
    </section>
  );
}
