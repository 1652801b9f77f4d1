import {
  buildSubmission,
  diffDrafts,
  isViolationType,
  violationLabel,
  type CheckedIssue,
  type DraftSections,
  type RootCause,
  type SubmissionFieldKey,
  type SubmissionLimits,
} from '@poa/domain';
import { useEffect, useImperativeHandle, useMemo, useRef, useState, type FormEvent, type Ref } from 'react';
import type { SubmissionRecord } from '../../../api/types';
import { formatDateTime } from '../../../lib/format';
import { describeError } from '../../../api/errors';
import { useInvalidateCases } from '../cases.queries';
import { useDraftVersion, useSaveDraft } from '../drafts.queries';
import { Autosaver, type AutosaveStatus } from './autosaver';
import { CheckerPanel } from './CheckerPanel';
import { ExamplesPanel } from '../../library/ExamplesPanel';
import { ConflictPanel } from './ConflictPanel';
import { DiffView } from './DiffView';
import { sectionsOf } from './draft-body';
import { ItemList } from './ItemList';
import { SECTION_LABELS } from './labels';
import { newSessionId, SESSION_IDLE_MS } from './editing-session';
import { FieldCount, SellerCentralPanel } from './SellerCentralPanel';

export interface EditorControl {
  /** Saves what is typed now (before a workflow action). */
  flush(): Promise<void>;
  hasUnsavedChanges(): boolean;
  /** The version the next save builds on. */
  baseVersion(): number;
}

export interface AttachmentOption {
  id: string;
  fileName: string;
}

interface DraftEditorProps {
  caseId: string;
  initial: DraftSections;
  baseVersion: number;
  readOnly: boolean;
  asins: string[];
  violationType: string;
  /** The issues of the case's notice: root causes and corrective actions link to one. */
  issues: readonly CheckedIssue[];
  attachments: AttachmentOption[];
  /** The agency's Seller Central field limits. */
  limits?: SubmissionLimits;
  /** What Amazon read last, when the case is in a later round: the editor shows what changed since. */
  lastSubmission?: SubmissionRecord | null;
  control?: Ref<EditorControl>;
}

export function DraftEditor({
  caseId,
  initial,
  baseVersion,
  readOnly,
  asins,
  violationType,
  issues,
  attachments,
  limits,
  lastSubmission,
  control,
}: DraftEditorProps) {
  const invalidateCases = useInvalidateCases();
  const [draft, setDraft] = useState(initial);
  const [status, setStatus] = useState<AutosaveStatus>({ kind: 'idle' });
  const saveDraft = useSaveDraft(caseId);
  // Autosaves of one editing session go into one version. A session ends with "Save version", after SESSION_IDLE_MS
  // without a save, or when the editor closes (leaving the page: the next editor has a session of its own).
  const session = useRef({ id: newSessionId(), lastSave: Date.now() });
  const [saver] = useState(
    () =>
      new Autosaver<DraftSections>({
        baseVersion,
        save: async (content, base, options) => {
          const current = session.current;
          if (Date.now() - current.lastSave > SESSION_IDLE_MS) current.id = newSessionId();
          current.lastSave = Date.now();
          const outcome = await saveDraft(content, base, current.id, options);
          if (options.endSession && outcome.kind === 'saved') current.id = newSessionId();
          return outcome;
        },
        onStatus: setStatus,
        onSaved: invalidateCases,
      }),
  );

  useImperativeHandle(
    control,
    () => ({ flush: () => saver.flush(), hasUnsavedChanges: () => saver.hasUnsavedChanges, baseVersion: () => saver.baseVersion }),
    [saver],
  );

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (saver.hasUnsavedChanges) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      saver.dispose();
      // Leaving the page inside the app: save what was typed.
      void saver.flush();
    };
  }, [saver]);

  const edit = (next: DraftSections) => {
    setDraft(next);
    saver.edit(next);
  };
  const set = <K extends keyof DraftSections>(section: K, value: DraftSections[K]) => edit({ ...draft, [section]: value });

  const editorRef = useRef<HTMLElement>(null);
  const conflictVersion = status.kind === 'conflict' ? status.latestVersion : null;
  const theirs = useDraftVersion(caseId, conflictVersion);
  const fileName = (id: string) => attachments.find((a) => a.id === id)?.fileName ?? 'missing file';
  const fileNames = useMemo(() => new Map(attachments.map((a) => [a.id, a.fileName])), [attachments]);
  const pack = useMemo(() => buildSubmission(draft, { asins, fileNames, limits }), [draft, asins, fileNames, limits]);
  const count = (key: SubmissionFieldKey) => <FieldCount field={pack.fields.find((f) => f.key === key)!} />;

  return (
    <div className="grid-2">
      <div className="stack-lg">
        {conflictVersion !== null && (
          <ConflictPanel
            latestVersion={conflictVersion}
            theirs={theirs.data ? sectionsOf(theirs.data) : undefined}
            theirsAuthor={theirs.data?.author.name}
            loadingError={theirs.error}
            mine={draft}
            onKeepTheirs={() => {
              if (!theirs.data) return;
              setDraft(sectionsOf(theirs.data));
              saver.keepTheirs(conflictVersion);
              invalidateCases();
            }}
            onKeepMine={() => void saver.keepMine(conflictVersion)}
          />
        )}
        {lastSubmission && <SinceSubmission caseId={caseId} submission={lastSubmission} draft={draft} />}
        <section className="card" aria-labelledby="editor-title" ref={editorRef}>
          <div className="page-header" style={{ marginBottom: 0 }}>
            <h2 id="editor-title" style={{ margin: 0 }}>
              Plan of Action
            </h2>
            <SaveState status={status} readOnly={readOnly} onRetry={() => void saver.retry()} />
          </div>
          {!readOnly && <SaveVersionForm onSave={(name) => saver.saveVersion(draft, name)} busy={status.kind === 'saving'} />}
          <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
            <div className="editor-section">
              <label htmlFor="draft-summary">
                <h3>
                  {SECTION_LABELS.summary} <span className="muted">· additional information</span> {count('additional_information')}
                </h3>
              </label>
              <textarea id="draft-summary" name="summary" rows={5} value={draft.summary} onChange={(e) => set('summary', e.target.value)} />
            </div>

            <div className="editor-section" data-section="rootCauses" tabIndex={-1}>
              <h3>
                {SECTION_LABELS.rootCauses} {count('root_cause')}
              </h3>
              <ItemList<RootCause>
                itemLabel="Root cause"
                items={draft.rootCauses}
                readOnly={readOnly}
                newItem={() => ({ text: '' })}
                onChange={(items) => set('rootCauses', items)}
                renderItem={(item, i, update) => (
                  <div className="stack">
                    <textarea
                      aria-label={`Root cause ${i + 1}`}
                      name={`rootCauses.${i}.text`}
                      value={item.text}
                      onChange={(e) => update({ ...item, text: e.target.value })}
                    />
                    <IssueSelect
                      label={`Root cause ${i + 1} answers`}
                      name={`rootCauses.${i}.issueId`}
                      issues={issues}
                      value={item.issueId}
                      onChange={(issueId) => update({ ...item, issueId })}
                    />
                  </div>
                )}
              />
            </div>

            <div className="editor-section" data-section="correctiveActions" tabIndex={-1}>
              <h3>
                {SECTION_LABELS.correctiveActions} {count('corrective_actions')}
              </h3>
              <ItemList
                itemLabel="Corrective action"
                items={draft.correctiveActions}
                readOnly={readOnly}
                newItem={() => ({ text: '', completedAt: null })}
                onChange={(items) => set('correctiveActions', items)}
                renderItem={(item, i, update) => (
                  <div className="row">
                    <textarea
                      aria-label={`Corrective action ${i + 1}: what was done`}
                      name={`correctiveActions.${i}.text`}
                      value={item.text}
                      onChange={(e) => update({ ...item, text: e.target.value })}
                      style={{ flex: '3 1 300px' }}
                    />
                    <div className="field" style={{ flex: '1 1 140px' }}>
                      <label htmlFor={`ca-${i}-date`}>Completed on</label>
                      <input
                        id={`ca-${i}-date`}
                        type="date"
                        name={`correctiveActions.${i}.completedAt`}
                        value={item.completedAt ?? ''}
                        onChange={(e) => update({ ...item, completedAt: e.target.value || null })}
                      />
                    </div>
                    <IssueSelect
                      label={`Corrective action ${i + 1} fixes`}
                      name={`correctiveActions.${i}.issueId`}
                      issues={issues}
                      value={item.issueId}
                      onChange={(issueId) => update({ ...item, issueId })}
                    />
                  </div>
                )}
              />
            </div>

            <div className="editor-section" data-section="preventiveMeasures" tabIndex={-1}>
              <h3>
                {SECTION_LABELS.preventiveMeasures} {count('preventive_measures')}
              </h3>
              <ItemList
                itemLabel="Preventive measure"
                items={draft.preventiveMeasures}
                readOnly={readOnly}
                newItem={() => ({ text: '', owner: '', startDate: null, frequency: '' })}
                onChange={(items) => set('preventiveMeasures', items)}
                renderItem={(item, i, update) => (
                  <>
                    <textarea
                      aria-label={`Preventive measure ${i + 1}`}
                      name={`preventiveMeasures.${i}.text`}
                      value={item.text}
                      onChange={(e) => update({ ...item, text: e.target.value })}
                    />
                    <div className="row">
                      <div className="field">
                        <label htmlFor={`pm-${i}-owner`}>Owner</label>
                        <input
                          id={`pm-${i}-owner`}
                          name={`preventiveMeasures.${i}.owner`}
                          value={item.owner}
                          onChange={(e) => update({ ...item, owner: e.target.value })}
                        />
                      </div>
                      <div className="field">
                        <label htmlFor={`pm-${i}-start`}>Starts on</label>
                        <input
                          id={`pm-${i}-start`}
                          type="date"
                          name={`preventiveMeasures.${i}.startDate`}
                          value={item.startDate ?? ''}
                          onChange={(e) => update({ ...item, startDate: e.target.value || null })}
                        />
                      </div>
                      <div className="field">
                        <label htmlFor={`pm-${i}-freq`}>Frequency</label>
                        <input
                          id={`pm-${i}-freq`}
                          name={`preventiveMeasures.${i}.frequency`}
                          placeholder="e.g. weekly"
                          value={item.frequency}
                          onChange={(e) => update({ ...item, frequency: e.target.value })}
                        />
                      </div>
                    </div>
                  </>
                )}
              />
            </div>

            <div className="editor-section" data-section="supportingDocuments" tabIndex={-1}>
              <h3>{SECTION_LABELS.supportingDocuments}</h3>
              {attachments.length === 0 && <p className="muted">Upload evidence in the Evidence tab, then cite it here.</p>}
              <ItemList
                itemLabel="Supporting document"
                items={draft.supportingDocuments}
                readOnly={readOnly}
                newItem={() => ({ attachmentId: attachments[0]?.id ?? '', description: '' })}
                onChange={(items) => set('supportingDocuments', items)}
                renderItem={(item, i, update) => (
                  <div className="row">
                    <div className="field">
                      <label htmlFor={`sd-${i}-file`}>File</label>
                      <select
                        id={`sd-${i}-file`}
                        name={`supportingDocuments.${i}.attachmentId`}
                        value={item.attachmentId}
                        onChange={(e) => update({ ...item, attachmentId: e.target.value })}
                      >
                        <option value="">Choose an uploaded file</option>
                        {attachments.map((a) => (
                          <option key={a.id} value={a.id}>
                            {a.fileName}
                          </option>
                        ))}
                        {item.attachmentId && !attachments.some((a) => a.id === item.attachmentId) && (
                          <option value={item.attachmentId}>{fileName(item.attachmentId)}</option>
                        )}
                      </select>
                    </div>
                    <div className="field" style={{ flex: '2 1 260px' }}>
                      <label htmlFor={`sd-${i}-desc`}>What it proves</label>
                      <input
                        id={`sd-${i}-desc`}
                        name={`supportingDocuments.${i}.description`}
                        value={item.description}
                        onChange={(e) => update({ ...item, description: e.target.value })}
                      />
                    </div>
                  </div>
                )}
              />
            </div>
          </fieldset>
        </section>
      </div>
      <div className="stack-lg checker-column">
        <CheckerPanel
          draft={draft}
          asins={asins}
          violationType={violationType}
          editor={editorRef}
          caseIssues={issues}
          limits={limits}
          fileNames={fileNames}
        />
        {!readOnly && (
          <ExamplesPanel
            caseId={caseId}
            violationType={violationType}
            beforeStart={async () => {
              await saver.flush();
              return saver.baseVersion;
            }}
            onStarted={(started) => {
              saver.keepTheirs(started.version);
              setDraft(sectionsOf(started));
            }}
          />
        )}
        <SellerCentralPanel pack={pack} />
      </div>
    </div>
  );
}

/** What changed since the version Amazon last read (a resubmission must not contradict it). */
function SinceSubmission({ caseId, submission, draft }: { caseId: string; submission: SubmissionRecord; draft: DraftSections }) {
  const sent = useDraftVersion(caseId, submission.version);
  const label = `v${submission.version} sent in round ${submission.round}`;
  return (
    <section className="card" aria-labelledby="since-submission-title">
      <details open>
        <summary>
          <h2 id="since-submission-title" style={{ display: 'inline' }}>
            Changes since what Amazon read
          </h2>{' '}
          <span className="muted">
            ({label}, {formatDateTime(submission.submittedAt)})
          </span>
        </summary>
        {sent.data ? (
          <DiffView diff={diffDrafts(sectionsOf(sent.data), draft)} fromLabel={label} toLabel="this draft" />
        ) : (
          <p className="muted">{sent.error ? 'The submitted version could not be loaded.' : 'Loading the submitted version…'}</p>
        )}
      </details>
    </section>
  );
}

/**
 * The save status: one live region that is always in the page (so each change is announced), and a separate alert
 * when a save fails. "Retry" hands focus to the status, which stays, rather than to the page.
 */
function SaveState({ status, readOnly, onRetry }: { status: AutosaveStatus; readOnly: boolean; onRetry: () => void }) {
  const statusRef = useRef<HTMLSpanElement>(null);
  const text = readOnly
    ? 'Read only'
    : status.kind === 'idle'
      ? 'Changes save automatically'
      : status.kind === 'pending'
        ? 'Unsaved changes…'
        : status.kind === 'saving'
          ? 'Saving…'
          : status.kind === 'saved'
            ? `Saved in version ${status.version}`
            : status.kind === 'conflict'
              ? `Conflict with version ${status.latestVersion}`
              : 'Not saved';
  return (
    <div className="save-status">
      <span
        ref={statusRef}
        tabIndex={-1}
        role="status"
        className={`save-state${status.kind === 'saved' ? '' : ' muted'}`}
        data-saved-version={status.kind === 'saved' ? status.version : undefined}
      >
        {text}
      </span>
      {!readOnly && status.kind === 'error' && (
        <div className="field-error save-state" role="alert">
          Not saved: {describeError(status.error)}{' '}
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              statusRef.current?.focus();
              onRetry();
            }}
          >
            Retry
          </button>
        </div>
      )}
    </div>
  );
}

/** "Save version": ends the editing session, with an optional name; the next edit starts a new version. */
function SaveVersionForm({ onSave, busy }: { onSave: (name: string | undefined) => Promise<void>; busy: boolean }) {
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSave(name.trim() || undefined).then(() => setName(''));
  };
  return (
    <form className="save-version" onSubmit={submit}>
      <label htmlFor="version-name" className="sr-only">
        Version name (optional)
      </label>
      <input
        id="version-name"
        placeholder="Version name (optional)"
        maxLength={200}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" className="btn btn-small" disabled={busy}>
        Save version
      </button>
    </form>
  );
}

/** Which issue of the notice an item answers; shown only when the notice names more than one. */
function IssueSelect({
  label,
  name,
  issues,
  value,
  onChange,
}: {
  label: string;
  name: string;
  issues: readonly CheckedIssue[];
  value: string | null | undefined;
  onChange: (issueId: string | null) => void;
}) {
  if (issues.length < 2 && !value) return null;
  const id = name.replace(/\./g, '-');
  return (
    <div className="field" style={{ flex: '1 1 180px' }}>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">No issue chosen</option>
        {issues.map((issue, i) => (
          <option key={issue.id} value={issue.id}>
            Issue {i + 1}: {isViolationType(issue.violationType) ? violationLabel(issue.violationType) : issue.violationType}
            {issue.asins.length > 0 ? ` (${issue.asins.join(', ')})` : ''}
          </option>
        ))}
        {value && !issues.some((issue) => issue.id === value) && <option value={value}>A removed issue</option>}
      </select>
    </div>
  );
}
