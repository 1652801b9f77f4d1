import { checkDraft, isViolationType, type CheckContext, type DraftSections } from '@poa/domain';
import { useMemo } from 'react';
import { SECTION_LABELS } from './labels';

/** The POA checker's findings for what is in the editor now. */
export function CheckerPanel({
  draft,
  asins,
  violationType,
  limits,
  fileNames,
}: {
  draft: DraftSections;
  asins: string[];
  violationType: string;
  limits?: CheckContext['limits'];
  fileNames?: CheckContext['fileNames'];
}) {
  const issues = useMemo(
    () =>
      checkDraft(draft, { asins, violationType: isViolationType(violationType) ? violationType : null, limits, fileNames }).sort((a, b) =>
        a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
      ),
    [draft, asins, violationType, limits, fileNames],
  );
  return (
    <section className="card" aria-labelledby="checker-title">
      <h2 id="checker-title">
        POA checker{' '}
        <span className="muted" style={{ fontWeight: 400 }}>
          {issues.length === 0 ? '· no issues' : `· ${issues.length} to look at`}
        </span>
      </h2>
      {issues.length === 0 ? (
        <p className="muted">Nothing flagged. Amazon still reads every word: keep it specific.</p>
      ) : (
        <ul className="issues" aria-live="polite">
          {issues.map((issue, i) => (
            <li key={i} className={`issue-${issue.severity}`}>
              <strong>
                {SECTION_LABELS[issue.section]}
                {issue.index !== undefined ? ` ${issue.index + 1}` : ''}:
              </strong>{' '}
              {issue.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
