import { useEffect, useState } from 'react';
import { ApiError, fieldError } from '../../../api/errors';
import type { Finding } from '../../../api/types';
import { TextAreaField } from '../../../ui/Field';
import { useCan } from '../../auth/session';
import { FindingText } from '../editor/CheckerPanel';

/** The errors of a 409 CHECK_FAILED answer, or null for any other outcome. */
export function checkFailedFindings(error: unknown): Finding[] | null {
  if (!(error instanceof ApiError) || error.code !== 'CHECK_FAILED') return null;
  const findings = (error.details as { findings?: Finding[] } | undefined)?.findings;
  return Array.isArray(findings) ? findings : [];
}

/** The checker's errors of the last refusal, kept while the user answers it (a later 400 on the reason does not hide them). */
export function useCheckFailure(error: unknown): Finding[] | null {
  const [findings, setFindings] = useState<Finding[] | null>(null);
  useEffect(() => {
    const found = checkFailedFindings(error);
    if (found) setFindings(found);
  }, [error]);
  return findings;
}

/** Any error but the checker's refusal, which `CheckFailed` shows. */
export function otherError(error: unknown): unknown {
  return checkFailedFindings(error) ? null : error;
}

/**
 * What the checker refused and, for reviewers and above, the reason to send the plan anyway (recorded on the timeline
 * and in the audit trail). Writers are told to fix the plan or ask a reviewer.
 */
export function CheckFailed({
  findings,
  error,
  reason,
  onReason,
}: {
  findings: Finding[];
  error: unknown;
  reason: string;
  onReason: (reason: string) => void;
}) {
  const mayOverride = useCan('reviewer');
  return (
    <div className="stack check-failed" role="group" aria-labelledby="check-failed-title">
      <div className="alert alert-error" role="alert">
        <p id="check-failed-title" style={{ margin: 0 }}>
          <strong>
            The POA checker found {findings.length} {findings.length === 1 ? 'error' : 'errors'} in the plan.
          </strong>{' '}
          {mayOverride ? 'Fix them in the editor, or send anyway with a reason.' : 'Fix them in the editor, or ask a reviewer to override.'}
        </p>
      </div>
      <ul className="issues" aria-label="Checker errors">
        {findings.map((finding, i) => (
          <li key={i} className={`issue-${finding.severity}`} data-rule={finding.rule}>
            <FindingText finding={finding} />
            {finding.excerpt ? <span className="muted"> (“{finding.excerpt}”)</span> : null}
          </li>
        ))}
      </ul>
      {mayOverride ? (
        <TextAreaField
          label="Reason to send anyway"
          name="override.reason"
          rows={2}
          value={reason}
          onChange={(e) => onReason(e.target.value)}
          hint="At least 10 characters. Recorded on the case timeline and in the audit trail with these errors."
          error={fieldError(error, 'override.reason')}
        />
      ) : null}
    </div>
  );
}
