import { useState, type FormEvent } from 'react';
import { fieldError, listFieldError } from '../../../api/errors';
import { TextAreaField, TextField } from '../../../ui/Field';
import { ErrorAlert, QueryView } from '../../../ui/states';
import { usePlaybooks, useSavePlaybook, type Playbook, type PlaybookInput } from './playbooks.queries';

type EvidenceRow = PlaybookInput['evidence'][number];

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Playbooks per violation type: the starter draft, evidence checklist, deadline and guidance new cases start from. */
export function PlaybooksSettings() {
  const playbooks = usePlaybooks();
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <QueryView query={playbooks}>
      {(data) => {
        const current = data.data.find((p) => p.violationType === selected) ?? data.data[0];
        return (
          <div className="stack-lg">
            <div className="card stack">
              <h2 id="playbooks-title">Playbooks</h2>
              <p className="muted">
                A new case starts from its violation type’s playbook: the starter draft, the evidence checklist and, when the notice names
                no date, the deadline. Changes apply to cases opened afterwards.
              </p>
              <div className="field" style={{ maxWidth: '24rem' }}>
                <label htmlFor="playbook-type">Violation type</label>
                <select id="playbook-type" value={current.violationType} onChange={(e) => setSelected(e.target.value)}>
                  {data.data.map((p) => (
                    <option key={p.violationType} value={p.violationType}>
                      {p.label}
                      {p.customised ? ' (customised)' : ''}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <PlaybookEditor key={`${current.violationType}-${current.updatedAt ?? 'default'}`} playbook={current} />
          </div>
        );
      }}
    </QueryView>
  );
}

function PlaybookEditor({ playbook }: { playbook: Playbook }) {
  const save = useSavePlaybook(playbook.violationType);
  const [summary, setSummary] = useState(playbook.starterDraft.summary);
  const [rootCauses, setRootCauses] = useState(playbook.starterDraft.rootCauses.map((r) => r.text).join('\n'));
  const [actions, setActions] = useState(playbook.starterDraft.correctiveActions.map((a) => a.text).join('\n'));
  const [measures, setMeasures] = useState(playbook.starterDraft.preventiveMeasures.map((m) => m.text).join('\n'));
  const [evidence, setEvidence] = useState<EvidenceRow[]>(playbook.evidence);
  const [deadlineHours, setDeadlineHours] = useState(String(playbook.deadlineHours));
  const [guidance, setGuidance] = useState(playbook.guidance);
  const [saved, setSaved] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const input: PlaybookInput = {
      starterDraft: {
        summary,
        rootCauses: lines(rootCauses).map((text) => ({ text })),
        correctiveActions: lines(actions).map((text) => ({ text, completedAt: null })),
        preventiveMeasures: lines(measures).map((text, i) => ({ ...playbook.starterDraft.preventiveMeasures[i], text })),
        supportingDocuments: [],
      },
      evidence,
      deadlineHours: Number(deadlineHours),
      guidance,
    };
    save.mutate(input, { onSuccess: () => setSaved('Saved. New cases of this type start from it.') });
  };
  const change = (i: number, patch: Partial<EvidenceRow>) => setEvidence((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="playbook-editor-title">
      <h2 id="playbook-editor-title">
        {playbook.label} {playbook.customised ? <span className="pill">Customised</span> : <span className="pill">Built-in</span>}
      </h2>
      <ErrorAlert error={save.error} />
      {saved && (
        <p role="status" className="alert alert-success">
          {saved}
        </p>
      )}
      <TextAreaField
        label="Guidance for writers"
        rows={3}
        value={guidance}
        onChange={(e) => setGuidance(e.target.value)}
        error={fieldError(save.error, 'guidance')}
      />
      <TextField
        label="Deadline when the notice names none (hours after the notice)"
        inputMode="numeric"
        value={deadlineHours}
        onChange={(e) => setDeadlineHours(e.target.value)}
        error={fieldError(save.error, 'deadlineHours')}
        style={{ maxWidth: '10rem' }}
      />
      <fieldset className="stack">
        <legend>Starter draft</legend>
        <TextAreaField label="Summary" rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />
        <TextAreaField
          label="Root causes (one per line)"
          rows={4}
          value={rootCauses}
          onChange={(e) => setRootCauses(e.target.value)}
          error={listFieldError(save.error, 'starterDraft.rootCauses')}
        />
        <TextAreaField
          label="Corrective actions (one per line)"
          rows={3}
          value={actions}
          onChange={(e) => setActions(e.target.value)}
          error={listFieldError(save.error, 'starterDraft.correctiveActions')}
        />
        <TextAreaField
          label="Preventive measures (one per line)"
          rows={3}
          value={measures}
          onChange={(e) => setMeasures(e.target.value)}
          error={listFieldError(save.error, 'starterDraft.preventiveMeasures')}
        />
      </fieldset>
      <fieldset className="stack">
        <legend>Evidence checklist</legend>
        {evidence.length === 0 && <p className="muted">No evidence asked for.</p>}
        {evidence.map((row, i) => (
          <div key={i} className="editor-item evidence-fields" role="group" aria-label={`Evidence item ${i + 1}`}>
            <TextField
              label="Key"
              value={row.key}
              onChange={(e) => change(i, { key: e.target.value })}
              error={fieldError(save.error, `evidence.${i}.key`)}
            />
            <TextField
              label="Label"
              value={row.label}
              onChange={(e) => change(i, { label: e.target.value })}
              error={fieldError(save.error, `evidence.${i}.label`)}
            />
            <TextField label="What it proves" value={row.proves ?? ''} onChange={(e) => change(i, { proves: e.target.value })} />
            <div className="field">
              <label htmlFor={`kind-${i}`}>Fields beside the file</label>
              <select
                id={`kind-${i}`}
                value={row.kind ?? 'other'}
                onChange={(e) => change(i, { kind: e.target.value as EvidenceRow['kind'] })}
              >
                <option value="other">None</option>
                <option value="invoice">Invoice (supplier, date, quantities)</option>
                <option value="authorisation">Letter of authorisation</option>
              </select>
            </div>
            <label className="row">
              <input type="checkbox" checked={row.required ?? true} onChange={(e) => change(i, { required: e.target.checked })} /> Required
            </label>
            <label className="row">
              <input type="checkbox" checked={row.askClient ?? false} onChange={(e) => change(i, { askClient: e.target.checked })} /> Ask
              the client in the portal
            </label>
            <div>
              <button
                type="button"
                className="btn btn-small btn-ghost"
                onClick={() => setEvidence((rows) => rows.filter((_, j) => j !== i))}
              >
                Remove {row.label || 'this item'}
              </button>
            </div>
          </div>
        ))}
        <div>
          <button
            type="button"
            className="btn btn-small"
            onClick={() =>
              setEvidence((rows) => [
                ...rows,
                {
                  key: `item_${rows.length + 1}`,
                  label: '',
                  proves: '',
                  required: true,
                  askClient: false,
                  accepts: ['pdf', 'image'],
                  kind: 'other',
                },
              ])
            }
          >
            Add an evidence item
          </button>
        </div>
      </fieldset>
      <div className="btn-group">
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          Save the playbook
        </button>
        {playbook.customised && (
          <button
            type="button"
            className="btn btn-ghost"
            disabled={save.isPending}
            onClick={() => save.mutate(null, { onSuccess: () => setSaved('Back to the built-in playbook.') })}
          >
            Reset to the built-in playbook
          </button>
        )}
      </div>
    </form>
  );
}
