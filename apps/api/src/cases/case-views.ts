import { isViolationType, starterDraft, type CaseAction, type ResolutionPath } from '@poa/domain';
import { iso } from '../common/pagination';
import type { CaseDetailRow, CaseRow, ChangeRequestJson } from './cases.repository';

export const caseSummaryView = (r: CaseRow) => ({
  id: r.id,
  reference: r.reference,
  title: r.title,
  status: r.status,
  violationType: r.violation_type,
  path: r.path as ResolutionPath,
  marketplace: r.marketplace,
  asins: r.asins,
  noticeReceivedAt: iso(r.notice_received_at)!,
  dueAt: iso(r.due_at)!,
  overdue: r.overdue,
  round: r.round,
  appealsUsed: r.appeals_used,
  fundsHoldUntil: iso(r.funds_hold_until),
  latestVersion: r.latest_version,
  externalId: r.external_id,
  client: { id: r.client_id, name: r.client_name, sellerId: r.client_seller_id },
  assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? '' } : null,
  createdAt: iso(r.created_at)!,
  updatedAt: iso(r.updated_at)!,
});

/** Who asked for the changes: the contact, or the staff member who recorded the request for them. */
export const changeRequestView = (cr: ChangeRequestJson) => ({
  comment: cr.comment ?? '',
  note: cr.note,
  requestedBy: { type: cr.actor_type === 'contact' ? ('contact' as const) : ('staff' as const), name: cr.actor_name ?? '' },
  requestedAt: iso(cr.created_at)!,
  version: cr.version,
});

export const caseDetailView = (r: CaseDetailRow, availableActions: CaseAction[]) => ({
  ...caseSummaryView(r),
  noticeText: r.notice_text,
  issues: r.issues.map((i) => ({ id: i.id, violationType: i.violationType, asins: i.asins, orderIds: i.orderIds, note: i.note })),
  availableActions,
  // Cases opened before playbooks: their type's built-in starter.
  starterDraft: r.starter_draft ?? (isViolationType(r.violation_type) ? starterDraft(r.violation_type) : null),
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
  changeRequest: r.change_request ? changeRequestView(r.change_request) : null,
});
