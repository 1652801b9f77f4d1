import { sql, type InlineSql } from '@poa/db';
import { ACTIVE_STATUSES, type CaseAction, type CaseOutcome, type CaseStatus } from '@poa/domain';
import { iso } from '../common/pagination';

/** A row of `cases` (as selected by CASE_COLUMNS) with the client and assignee names joined. */
export interface CaseRow {
  id: string;
  client_id: string;
  reference: string;
  title: string;
  violation_type: string;
  marketplace: string;
  asins: string[];
  notice_text: string;
  notice_received_at: Date;
  due_at: Date;
  status: CaseStatus;
  round: number;
  assignee_id: string | null;
  external_id: string | null;
  latest_version: number;
  approved_version_id: string | null;
  created_at: Date;
  updated_at: Date;
  overdue: boolean;
  client_name: string;
  client_seller_id: string | null;
  assignee_name: string | null;
}

interface ApprovalJson {
  id: string;
  version: number;
  draft_version_id: string;
  contact_id: string;
  contact_name: string;
  contact_email: string;
  full_name: string;
  approved_at: string;
  ip: string | null;
  user_agent: string | null;
  content_sha256: string;
  recorded_by_id: string | null;
  recorded_by_name: string | null;
  note: string | null;
}

interface RoundJson {
  round: number;
  amazon_request: string | null;
  outcome: CaseOutcome | null;
  amazon_response: string | null;
  outcome_at: string | null;
  created_at: string;
}

interface PdfJson {
  id: string;
  version: number;
  status: 'queued' | 'rendering' | 'ready' | 'failed';
  error: string | null;
  page_count: number | null;
  size: number | null;
  sha256: string | null;
  ready_at: string | null;
}

export interface CaseDetailRow extends CaseRow {
  approved_version: number | null;
  approval: ApprovalJson | null;
  rounds: RoundJson[];
  pdf: PdfJson | null;
}

export const ACTIVE_STATUS_LIST = ACTIVE_STATUSES.map((s) => `'${s}'`).join(', ');

/** Columns of `cases` aliased `c` (notice_text excluded from lists: it can be long). */
export const CASE_LIST_COLUMNS =
  'c.id, c.client_id, c.reference, c.title, c.violation_type, c.marketplace, c.asins, c.notice_received_at, c.due_at, c.status, c.round, ' +
  `c.assignee_id, c.external_id, c.latest_version, c.approved_version_id, c.created_at, c.updated_at, (c.due_at < now() AND c.status IN (${ACTIVE_STATUS_LIST})) AS overdue`;

/** One case with everything its page shows, in one statement (one round trip). */
export function caseDetailSql(caseId: string): InlineSql {
  return sql`
    SELECT ${sql.raw(CASE_LIST_COLUMNS)}, c.notice_text, cl.name AS client_name, cl.seller_id AS client_seller_id, u.name AS assignee_name,
      (SELECT dv.version FROM draft_versions dv WHERE dv.id = c.approved_version_id) AS approved_version,
      (SELECT row_to_json(a) FROM (
         SELECT id, version, draft_version_id, contact_id, contact_name, contact_email, full_name, approved_at, ip, user_agent,
                content_sha256, recorded_by_id, recorded_by_name, note
         FROM approvals WHERE draft_version_id = c.approved_version_id ORDER BY approved_at DESC, id DESC LIMIT 1) a) AS approval,
      (SELECT COALESCE(json_agg(r ORDER BY r.round), '[]'::json) FROM (
         SELECT round, amazon_request, outcome, amazon_response, outcome_at, created_at FROM case_rounds WHERE case_id = c.id) r) AS rounds,
      (SELECT row_to_json(p) FROM (
         SELECT id, version, status, error, page_count, size, sha256, ready_at
         FROM pdf_renders WHERE draft_version_id = c.approved_version_id AND kind = 'final') p) AS pdf
    FROM cases c
    JOIN clients cl ON cl.id = c.client_id
    LEFT JOIN users u ON u.id = c.assignee_id
    WHERE c.id = ${caseId}::uuid`;
}

export const caseSummaryView = (r: CaseRow) => ({
  id: r.id,
  reference: r.reference,
  title: r.title,
  status: r.status,
  violationType: r.violation_type,
  marketplace: r.marketplace,
  asins: r.asins,
  noticeReceivedAt: iso(r.notice_received_at)!,
  dueAt: iso(r.due_at)!,
  overdue: r.overdue,
  round: r.round,
  latestVersion: r.latest_version,
  externalId: r.external_id,
  client: { id: r.client_id, name: r.client_name, sellerId: r.client_seller_id },
  assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? '' } : null,
  createdAt: iso(r.created_at)!,
  updatedAt: iso(r.updated_at)!,
});

export const caseDetailView = (r: CaseDetailRow, availableActions: CaseAction[]) => ({
  ...caseSummaryView(r),
  noticeText: r.notice_text,
  availableActions,
  approvedVersion: r.approved_version,
  approval: r.approval
    ? {
        id: r.approval.id,
        version: r.approval.version,
        draftVersionId: r.approval.draft_version_id,
        contact: { id: r.approval.contact_id, name: r.approval.contact_name, email: r.approval.contact_email },
        fullName: r.approval.full_name,
        approvedAt: iso(r.approval.approved_at)!,
        ip: r.approval.ip,
        userAgent: r.approval.user_agent,
        contentSha256: r.approval.content_sha256,
        recordedBy: r.approval.recorded_by_id ? { id: r.approval.recorded_by_id, name: r.approval.recorded_by_name ?? '' } : null,
        note: r.approval.note,
      }
    : null,
  rounds: r.rounds.map((x) => ({
    round: x.round,
    amazonRequest: x.amazon_request,
    outcome: x.outcome,
    amazonResponse: x.amazon_response,
    outcomeAt: iso(x.outcome_at),
    createdAt: iso(x.created_at)!,
  })),
  pdf: r.pdf
    ? {
        id: r.pdf.id,
        version: r.pdf.version,
        status: r.pdf.status,
        error: r.pdf.error,
        pageCount: r.pdf.page_count,
        size: r.pdf.size,
        sha256: r.pdf.sha256,
        readyAt: iso(r.pdf.ready_at),
      }
    : null,
});
