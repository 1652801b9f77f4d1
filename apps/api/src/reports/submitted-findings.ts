import { check, isViolationType } from '@poa/domain';
import { limitsOf } from '../settings/submission-settings.service';
import type { DecidedSubmissionRow } from './reports.repository';

/**
 * The checker rules the version a case submitted still breaks, judged by today's checker with its default
 * severities (a rule an agency turned off still counts here: the report is about what wins): the one place the
 * findings report calls the checker.
 */
export function findingsOfSubmittedVersion(row: DecidedSubmissionRow): Set<string> {
  const findings = check(row.sections, {
    asins: row.asins,
    violationType: isViolationType(row.violation_type) ? row.violation_type : null,
    issues: row.issues,
    limits: limitsOf(row.submission_settings),
    fileNames: row.file_names ?? {},
  });
  return new Set(findings.map((finding) => finding.rule));
}
