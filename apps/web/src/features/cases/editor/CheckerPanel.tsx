import {
  bySeverity,
  check,
  isViolationType,
  type CaseFacts,
  type CheckedIssue,
  type DraftSections,
  type Finding,
  type FindingSeverity,
} from '@poa/domain';
import { useMemo, type RefObject } from 'react';
import { useCheckerSettings } from '../../settings/checker/checker-settings.queries';
import { SECTION_LABELS } from './labels';

const ITEM_FIELD: Partial<Record<Finding['rule'], string>> = {
  completion_in_future: 'completedAt',
  completion_missing: 'completedAt',
  measure_missing_owner: 'owner',
  measure_missing_start: 'startDate',
  measure_missing_cadence: 'frequency',
};

export const SEVERITY_LABELS: Record<FindingSeverity, string> = { error: 'Error', warning: 'Warning', tip: 'Tip' };

/** The `name` of the editor control a finding is about; a whole-section finding points at its section. */
export function fieldOf(finding: Pick<Finding, 'rule' | 'section' | 'itemIndex'>): string {
  if (finding.section === 'summary') return 'summary';
  if (finding.itemIndex === null) return `section:${finding.section}`;
  const field = ITEM_FIELD[finding.rule] ?? (finding.section === 'supportingDocuments' ? 'description' : 'text');
  return `${finding.section}.${finding.itemIndex}.${field}`;
}

/** Moves focus to the control (or the section) and highlights it for a moment. */
function showField(editor: HTMLElement | null, field: string): void {
  if (!editor) return;
  const target = field.startsWith('section:')
    ? editor.querySelector<HTMLElement>(`[data-section="${field.slice('section:'.length)}"]`)
    : editor.querySelector<HTMLElement>(`[name="${field}"]`);
  if (!target) return;
  target.scrollIntoView({ block: 'center', behavior: 'smooth' });
  target.focus({ preventScroll: true });
  target.classList.remove('field-highlight');
  void target.offsetWidth;
  target.classList.add('field-highlight');
  window.setTimeout(() => target.classList.remove('field-highlight'), 2500);
}

/** One finding: its severity in words (not only colour), where it is, what is wrong. */
export function FindingText({ finding }: { finding: Finding }) {
  return (
    <>
      <span className={`severity-badge severity-${finding.severity}`}>{SEVERITY_LABELS[finding.severity]}</span>{' '}
      <strong>
        {SECTION_LABELS[finding.section]}
        {finding.itemIndex !== null ? ` ${finding.itemIndex + 1}` : ''}:
      </strong>{' '}
      {finding.message}
    </>
  );
}

/** The POA checker's findings for what is in the editor now (the agency's severities); each one takes the writer to its field. */
export function CheckerPanel({
  draft,
  asins,
  violationType,
  editor,
  caseIssues,
  limits,
  fileNames,
}: {
  draft: DraftSections;
  asins: string[];
  violationType: string;
  editor: RefObject<HTMLElement | null>;
  caseIssues: readonly CheckedIssue[];
  limits?: CaseFacts['limits'];
  fileNames?: CaseFacts['fileNames'];
}) {
  const settings = useCheckerSettings();
  const findings = useMemo(
    () =>
      bySeverity(
        check(
          draft,
          {
            asins,
            violationType: isViolationType(violationType) ? violationType : null,
            issues: caseIssues,
            limits,
            fileNames,
            now: new Date(),
            // The checklist is the server's: findings on evidence and reused sentences come with the plan's own checks.
            evidence: [],
          },
          settings.data ? { rules: settings.data.rules, maxLength: settings.data.maxLength } : {},
        ),
      ),
    [draft, asins, violationType, caseIssues, limits, fileNames, settings.data],
  );
  const count = (severity: FindingSeverity) => findings.filter((f) => f.severity === severity).length;
  const summary =
    findings.length === 0
      ? '· no issues'
      : `· ${(['error', 'warning', 'tip'] as const)
          .filter((s) => count(s) > 0)
          .map((s) => `${count(s)} ${SEVERITY_LABELS[s].toLowerCase()}${count(s) === 1 ? '' : 's'}`)
          .join(', ')}`;
  return (
    <section className="card checker" aria-labelledby="checker-title">
      <h2 id="checker-title">
        POA checker{' '}
        <span className="muted" style={{ fontWeight: 400 }}>
          {summary}
        </span>
      </h2>
      {findings.length === 0 ? (
        <p className="muted">Nothing flagged. Amazon still reads every word: keep it specific.</p>
      ) : (
        <>
          {count('error') > 0 ? (
            <p className="muted">Errors block sending the plan to the client until they are fixed or a reviewer overrides them.</p>
          ) : null}
          <ul className="issues">
            {findings.map((finding, i) => (
              <li key={i} className={`issue-${finding.severity}`} data-rule={finding.rule}>
                <button type="button" className="issue-link" onClick={() => showField(editor.current, fieldOf(finding))}>
                  <FindingText finding={finding} />
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
