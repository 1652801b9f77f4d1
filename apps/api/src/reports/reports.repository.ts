import { Injectable } from '@nestjs/common';
import { sql, TenantDb } from '@poa/db';
import type { CheckedIssue, DraftSections } from '@poa/domain';

/** A period of decisions: [from, to) as timestamps; either end open when null. */
export interface DecisionPeriod {
  from: Date | null;
  to: Date | null;
}

/** One decided case: the last outcome Amazon gave it was reinstated or denied. */
export interface DecidedCaseRow {
  case_id: string;
  reference: string;
  violation_type: string;
  path: string;
  assignee_id: string | null;
  writer_name: string | null;
  outcome: 'reinstated' | 'denied';
  decided_at: Date;
  notice_received_at: Date;
  /** Submissions sent to Amazon up to the decision (at least the decision's round when none were recorded). */
  rounds: number;
}

/** A decided case with the version it submitted last before the decision and what the checker needs about it. */
export interface DecidedSubmissionRow {
  case_id: string;
  reference: string;
  violation_type: string;
  outcome: 'reinstated' | 'denied';
  decided_at: Date;
  asins: string[];
  issues: CheckedIssue[];
  sections: DraftSections;
  file_names: Record<string, string> | null;
  submission_settings: { limits?: Record<string, unknown> } | null;
  submission_id: string;
}

/**
 * The decided cases of the tenant: for each case the round with the highest number that has an outcome; the case is
 * decided when that outcome is reinstated or denied (more information requested is still open). Shared by the
 * reports and the library of plans that won.
 */
export function decidedCasesSql(period: DecisionPeriod) {
  return sql`
    SELECT * FROM (
      SELECT DISTINCT ON (r.case_id) r.case_id, r.round, r.outcome, r.outcome_at
      FROM case_rounds r WHERE r.outcome IS NOT NULL AND r.outcome_at IS NOT NULL
      ORDER BY r.case_id, r.round DESC
    ) last_outcome
    WHERE outcome IN ('reinstated', 'denied')
      AND (${period.from}::timestamptz IS NULL OR outcome_at >= ${period.from}::timestamptz)
      AND (${period.to}::timestamptz IS NULL OR outcome_at < ${period.to}::timestamptz)`;
}

@Injectable()
export class ReportsRepository {
  constructor(private readonly db: TenantDb) {}

  async decidedCases(period: DecisionPeriod): Promise<DecidedCaseRow[]> {
    return this.db.read<DecidedCaseRow>(sql`
      SELECT c.id AS case_id, c.reference, c.violation_type, c.path, c.assignee_id, u.name AS writer_name,
             d.outcome, d.outcome_at AS decided_at, c.notice_received_at,
             GREATEST((SELECT count(*) FROM submissions s WHERE s.case_id = c.id AND s.submitted_at <= d.outcome_at), 1)::int AS rounds
      FROM (${sql.raw(decidedCasesSql(period))}) d
      JOIN cases c ON c.id = d.case_id
      LEFT JOIN users u ON u.id = c.assignee_id
      ORDER BY d.outcome_at, c.id`);
  }

  /** Decided cases that have a submission before their decision, with the last one's version. */
  async decidedSubmissions(period: DecisionPeriod, filter: { outcome?: 'reinstated'; violationType?: string } = {}) {
    return this.db.read<DecidedSubmissionRow>(sql`
      SELECT c.id AS case_id, c.reference, c.violation_type, d.outcome, d.outcome_at AS decided_at, c.asins, c.issues,
             v.sections, s.id AS submission_id,
             (SELECT json_object_agg(at.id, at.file_name) FROM attachments at WHERE at.case_id = c.id) AS file_names,
             (SELECT t.submission_settings FROM tenants t WHERE t.id = c.tenant_id) AS submission_settings
      FROM (${sql.raw(decidedCasesSql(period))}) d
      JOIN cases c ON c.id = d.case_id
      JOIN LATERAL (
        SELECT s.id, s.draft_version_id FROM submissions s
        WHERE s.case_id = c.id AND s.submitted_at <= d.outcome_at ORDER BY s.submitted_at DESC, s.id DESC LIMIT 1
      ) s ON true
      JOIN draft_versions v ON v.id = s.draft_version_id
      WHERE (${filter.outcome ?? null}::text IS NULL OR d.outcome = ${filter.outcome ?? null}::text)
        AND (${filter.violationType ?? null}::text IS NULL OR c.violation_type = ${filter.violationType ?? null}::text)
      ORDER BY d.outcome_at DESC, c.id`);
  }
}
