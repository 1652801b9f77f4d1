import { checkDraft, isViolationType, type CheckContext, type CheckIssue, type CheckedIssue, type DraftSections } from '@poa/domain';
import { useMemo, type RefObject } from 'react';
import { SECTION_LABELS } from './labels';

const ITEM_FIELD: Partial<Record<CheckIssue['rule'], string>> = {
  not_completed: 'completedAt',
  missing_owner: 'owner',
  missing_start_date: 'startDate',
  missing_frequency: 'frequency',
};

/** The `name` of the editor control a finding is about; a whole-section finding points at its section. */
export function fieldOf(issue: CheckIssue): string {
  if (issue.section === 'summary') return 'summary';
  if (issue.index === undefined) return `section:${issue.section}`;
  const field = ITEM_FIELD[issue.rule] ?? (issue.section === 'supportingDocuments' ? 'description' : 'text');
  return `${issue.section}.${issue.index}.${field}`;
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

/** The POA checker's findings for what is in the editor now; each one takes the writer to its field. */
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
  limits?: CheckContext['limits'];
  fileNames?: CheckContext['fileNames'];
}) {
  const issues = useMemo(
    () =>
      checkDraft(draft, {
        asins,
        violationType: isViolationType(violationType) ? violationType : null,
        issues: caseIssues,
        limits,
        fileNames,
      }).sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1)),
    [draft, asins, violationType, caseIssues, limits, fileNames],
  );
  return (
    <section className="card checker" aria-labelledby="checker-title">
      <h2 id="checker-title">
        POA checker{' '}
        <span className="muted" style={{ fontWeight: 400 }}>
          {issues.length === 0 ? '· no issues' : `· ${issues.length} to look at`}
        </span>
      </h2>
      {issues.length === 0 ? (
        <p className="muted">Nothing flagged. Amazon still reads every word: keep it specific.</p>
      ) : (
        <ul className="issues">
          {issues.map((issue, i) => (
            <li key={i} className={`issue-${issue.severity}`}>
              <button type="button" className="issue-link" onClick={() => showField(editor.current, fieldOf(issue))}>
                <strong>
                  {SECTION_LABELS[issue.section]}
                  {issue.index !== undefined ? ` ${issue.index + 1}` : ''}:
                </strong>{' '}
                {issue.message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
