import { isViolationType, starterDraft, STATUS_LABELS } from '@poa/domain';
import { useRef, useState, type KeyboardEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { CaseDetail } from '../../../api/types';
import { useCan } from '../../auth/session';
import { useAttachments } from '../attachments.queries';
import { useCase } from '../cases.queries';
import { useDraftVersion } from '../drafts.queries';
import { useSubmissions } from '../submissions.queries';
import { useSubmissionSettings } from '../../settings/submission/submission-settings.queries';
import { DraftEditor, type EditorControl } from '../editor/DraftEditor';
import { sectionsOf } from '../editor/draft-body';
import { ErrorAlert, Loading, QueryView } from '../../../ui/states';
import { StatusPill } from '../../../ui/StatusPill';
import { usePageTitle } from '../../../lib/page-title';
import { ApprovalProof } from './ApprovalProof';
import { CommentsPanel } from './CommentsPanel';
import { CaseFactsCard } from './CaseFactsCard';
import { ChangeRequestBanner } from './ChangeRequestBanner';
import { EvidencePanel } from './EvidencePanel';
import { EvidenceSummary } from './EvidenceChecklist';
import { PdfPanel } from './PdfPanel';
import { ResolutionPanel } from './ResolutionPanel';
import { TimelinePanel } from './TimelinePanel';
import { VersionHistory } from './VersionHistory';
import { WorkflowPanel } from './WorkflowPanel';

const TABS = [
  ['draft', 'Draft'],
  ['history', 'Versions'],
  ['comments', 'Comments'],
  ['timeline', 'Timeline'],
  ['evidence', 'Evidence'],
] as const;
type Tab = (typeof TABS)[number][0];

const NO_ATTACHMENTS: { id: string; fileName: string }[] = [];

/** Cases take drafts only while being written. */
const EDITABLE_STATUSES: readonly string[] = ['intake', 'drafting'];

export default function CasePage() {
  const { id = '' } = useParams();
  const detail = useCase(id);
  return <QueryView query={detail}>{(caseDetail) => <CaseView detail={caseDetail} />}</QueryView>;
}

function CaseView({ detail }: { detail: CaseDetail }) {
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.some(([t]) => t === params.get('tab')) ? (params.get('tab') as Tab) : 'draft';
  const editorRef = useRef<EditorControl>(null);
  const editable = useCan('writer') && EDITABLE_STATUSES.includes(detail.status);
  const [editorStart, setEditorStart] = useState<number | null>(null);
  const selectTab = (value: Tab) => {
    const next = new URLSearchParams(params);
    if (value === 'draft') next.delete('tab');
    else next.set('tab', value);
    setParams(next, { replace: true });
  };
  usePageTitle(`${detail.reference} · ${detail.title}`);

  return (
    <article aria-labelledby="case-title">
      <p className="muted" style={{ margin: 0 }}>
        <Link to="/cases">Cases</Link> / <span className="mono">{detail.reference}</span>
      </p>
      <div className="page-header">
        <h1 id="case-title">
          <span className="mono">{detail.reference}</span> · {detail.title}
        </h1>
        <StatusPill status={detail.status} />
      </div>
      {detail.changeRequest && <ChangeRequestBanner request={detail.changeRequest} />}
      <div className="grid-2" style={{ marginBottom: '1.25rem' }}>
        <div className="stack-lg">
          <CaseFactsCard detail={detail} />
          <EvidenceSummary caseId={detail.id} onOpen={() => selectTab('evidence')} />
          <ResolutionPanel key={`${detail.id}-${detail.path}`} detail={detail} />
        </div>
        <div className="stack-lg">
          <WorkflowPanel detail={detail} editor={editorRef} />
          {detail.approval && <ApprovalProof approval={detail.approval} />}
          {detail.approvedVersion && <PdfPanel detail={detail} />}
        </div>
      </div>

      <CaseTabs tab={tab} onSelect={selectTab} />
      {TABS.map(([value]) => (
        <div
          key={value}
          role="tabpanel"
          id={`panel-${value}`}
          aria-labelledby={`tab-${value}`}
          hidden={tab !== value}
          // Holds focus while a panel's failed load is tried again ("Retry" replaces the alert it sits in).
          tabIndex={-1}
        >
          {/* The editor stays mounted while other tabs are shown, so typing is never interrupted by a reload. */}
          {value === 'draft' && <EditorLoader key={editorStart ?? 'opened'} detail={detail} editorRef={editorRef} startAt={editorStart} />}
          {value === 'history' && tab === value && (
            <VersionHistory
              caseId={detail.id}
              latestVersion={detail.latestVersion}
              restore={
                editable
                  ? {
                      before: async () => {
                        await editorRef.current?.flush();
                        return editorRef.current?.baseVersion() ?? detail.latestVersion;
                      },
                      after: (draft) => {
                        // The editor reopens on the restored version.
                        setEditorStart(draft.version);
                        selectTab('draft');
                      },
                    }
                  : undefined
              }
            />
          )}
          {value === 'comments' && tab === value && <CommentsPanel caseId={detail.id} latestVersion={detail.latestVersion} />}
          {value === 'timeline' && tab === value && <TimelinePanel caseId={detail.id} />}
          {value === 'evidence' && tab === value && <EvidencePanel caseId={detail.id} />}
        </div>
      ))}
    </article>
  );
}

/** The tabs pattern: one tab stop, arrow keys (and Home, End) move between tabs and show each. */
function CaseTabs({ tab, onSelect }: { tab: Tab; onSelect: (tab: Tab) => void }) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // From the focused tab: a second key press may come before the URL (and `tab`) has changed.
    const index = TABS.findIndex(([value]) => `tab-${value}` === (event.target as HTMLElement).id);
    if (index < 0) return;
    const last = TABS.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    onSelect(TABS[next][0]);
    list.current?.querySelector<HTMLButtonElement>(`#tab-${TABS[next][0]}`)?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label="Case sections" ref={list} onKeyDown={onKeyDown}>
      {TABS.map(([value, label]) => (
        <button
          key={value}
          type="button"
          role="tab"
          id={`tab-${value}`}
          aria-selected={tab === value}
          aria-controls={`panel-${value}`}
          tabIndex={tab === value ? 0 : -1}
          onClick={() => onSelect(value)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

function EditorLoader({
  detail,
  editorRef,
  startAt,
}: {
  detail: CaseDetail;
  editorRef: React.RefObject<EditorControl | null>;
  /** A version to open on (after a restore) instead of the latest when the page opened. */
  startAt: number | null;
}) {
  const canWrite = useCan('writer');
  const attachments = useAttachments(detail.id);
  const settings = useSubmissionSettings();
  const submissions = useSubmissions(detail.id);
  // The version the editor starts from is fixed when the page opens; later saves never reload it.
  const startVersion = useRef(startAt ?? detail.latestVersion).current;
  const latest = useDraftVersion(detail.id, startVersion, startVersion > 0);
  if ((startVersion > 0 && latest.isPending) || submissions.isPending) return <Loading label="Loading the draft…" />;
  if (latest.error) return <ErrorAlert error={latest.error} onRetry={() => void latest.refetch()} />;
  const readOnly = !canWrite || !EDITABLE_STATUSES.includes(detail.status);
  // In a later round the editor compares with what Amazon read last.
  const lastSubmission = submissions.data?.data.find((s) => s.round < detail.round) ?? null;
  return (
    <>
      {!readOnly || !canWrite ? null : (
        <p className="muted" role="note">
          The draft is read-only while the case is {STATUS_LABELS[detail.status].toLowerCase()}.
        </p>
      )}
      <DraftEditor
        key={detail.id}
        caseId={detail.id}
        initial={
          startVersion === 0 && !readOnly && detail.starterDraft
            ? detail.starterDraft
            : startVersion === 0 && !readOnly && isViolationType(detail.violationType)
              ? starterDraft(detail.violationType)
              : sectionsOf(latest.data)
        }
        baseVersion={startVersion}
        readOnly={readOnly}
        asins={detail.asins}
        violationType={detail.violationType}
        issues={detail.issues}
        attachments={attachments.data?.data.map((a) => ({ id: a.id, fileName: a.fileName })) ?? NO_ATTACHMENTS}
        limits={settings.data?.limits}
        lastSubmission={lastSubmission}
        control={editorRef}
      />
    </>
  );
}
