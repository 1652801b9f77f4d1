import { Injectable } from '@nestjs/common';
import { TenantContext, TenantDb } from '@poa/db';
import { CommentsService } from '../cases/comments.service';
import { WorkflowService } from '../cases/workflow.service';
import { iso, timeCursor, toPage } from '../common/pagination';
import { AppError } from '../core/errors';
import { PdfsService, type PdfAnswer } from '../pdfs/pdfs.service';
import type { PdfVariant } from '@poa/jobs';
import { AttachmentsService } from '../attachments/attachments.service';
import { EvidenceService } from '../evidence/evidence.service';
import { changesView, draftView, pdfView, portalCaseSummaryView } from './portal-views';
import { PortalRepository, type Branding, type CommentRow } from './portal.repository';

const commentView = (r: CommentRow) => ({
  id: r.id,
  parentId: r.parent_id,
  body: r.body,
  version: r.version,
  author: { type: r.author_type === 'contact' ? ('contact' as const) : ('staff' as const), name: r.author_name },
  createdAt: iso(r.created_at)!,
});

const agencyView = (name: string, branding: Branding) => ({
  name,
  branding: { primaryColor: branding.primaryColor ?? '#1f4e79', logoDataUri: branding.logoDataUri ?? null },
});

/** The client portal: everything is read for the contact's own client only, shared comments only, no staff fields. */
@Injectable()
export class PortalService {
  constructor(
    private readonly db: TenantDb,
    private readonly portal: PortalRepository,
    private readonly workflow: WorkflowService,
    private readonly comments: CommentsService,
    private readonly pdfs: PdfsService,
    private readonly attachments: AttachmentsService,
    private readonly evidence: EvidenceService,
  ) {}

  private contact(): { id: string; clientId: string } {
    const actor = TenantContext.require().actor;
    if (actor.kind !== 'contact' || !actor.id || !actor.clientId)
      throw new AppError('FORBIDDEN', 'Only a client contact may use the portal');
    return { id: actor.id, clientId: actor.clientId };
  }

  async me() {
    const { id } = this.contact();
    const row = await this.portal.contact(id);
    if (!row) throw new AppError('UNAUTHENTICATED', 'This contact no longer exists');
    return {
      contact: { id: row.id, name: row.name, email: row.email },
      client: { id: row.client_id, name: row.client_name },
      agency: agencyView(row.agency_name, row.branding),
    };
  }

  /** Public: what the log-in page of an agency's portal shows (name, logo, colour); unknown agencies are 404. */
  async agency(tenantId: string) {
    const row = await this.portal.agency(tenantId);
    if (!row) throw AppError.notFound('Agency');
    return agencyView(row.name, row.branding);
  }

  async list(query: { limit: number; cursor?: string }) {
    const { clientId } = this.contact();
    const after = timeCursor.decode(query.cursor);
    const rows = await this.portal.cases(clientId, { limit: query.limit + 1, after });
    return toPage(rows, query.limit, portalCaseSummaryView, (r) => timeCursor.encode(r.updated_at, r.id));
  }

  async get(caseId: string) {
    const { clientId } = this.contact();
    const row = await this.portal.detail(clientId, caseId);
    if (!row) throw AppError.notFound('Case');
    const underReview = row.status === 'client_review';
    const state = underReview ? ('under_review' as const) : row.change_request ? ('changes_requested' as const) : ('approved' as const);
    return {
      ...portalCaseSummaryView(row),
      asins: row.asins,
      noticeText: row.notice_text,
      noticeReceivedAt: iso(row.notice_received_at)!,
      client: { id: row.client_id, name: row.client_name },
      agency: agencyView(row.agency_name, row.branding),
      draft: row.draft
        ? {
            version: row.draft.version,
            state,
            createdAt: iso(row.draft.created_at)!,
            ...draftView(row.draft.sections, row.file_names),
          }
        : null,
      approval: row.approval
        ? {
            version: row.approval.version,
            fullName: row.approval.full_name,
            contactName: row.approval.contact_name,
            contactEmail: row.approval.contact_email,
            approvedAt: iso(row.approval.approved_at)!,
            contentSha256: row.approval.content_sha256,
          }
        : null,
      pdf: pdfView(row.pdf),
      approvedVersions: row.approved_versions.map((v) => ({
        version: v.version,
        approvedAt: iso(v.approved_at)!,
        fullName: v.full_name,
        pdf: pdfView(v.pdf),
      })),
      availableActions: underReview ? (['approve', 'request_changes'] as const).slice() : [],
      changeRequest: row.change_request
        ? {
            comment: row.change_request.comment ?? '',
            requestedBy: {
              type: row.change_request.actor_type === 'contact' ? ('contact' as const) : ('staff' as const),
              name: row.change_request.actor_name ?? '',
            },
            requestedAt: iso(row.change_request.created_at)!,
          }
        : null,
      changesSinceSeen:
        row.seen && row.draft
          ? { requestedAt: iso(row.seen.requested_at)!, changes: changesView(row.seen.sections, row.draft.sections) }
          : null,
    };
  }

  /** An evidence file cited in the draft the contact is shown (any other file of the case is 404). */
  async attachment(caseId: string, attachmentId: string) {
    const { clientId } = this.contact();
    const row = await this.portal.detail(clientId, caseId);
    if (!row) throw AppError.notFound('Case');
    if (!row.draft?.sections.supportingDocuments.some((d) => d.attachmentId === attachmentId)) throw AppError.notFound('Attachment');
    return this.attachments.download(caseId, attachmentId);
  }

  async listComments(caseId: string, query: { limit: number; cursor?: string }) {
    const { clientId } = this.contact();
    const after = timeCursor.decode(query.cursor);
    const rows = await this.portal.sharedComments(clientId, caseId, { limit: query.limit + 1, after });
    if (rows.length === 0) throw AppError.notFound('Case');
    return toPage(
      rows.filter((r) => r.id !== null),
      query.limit,
      commentView,
      (r) => timeCursor.encode(r.created_at, r.id),
    );
  }

  /** A contact's comment is always shared (the agency sees it; so do the client's other contacts). */
  async addComment(caseId: string, input: { body: string; parentId?: string; version?: number }) {
    const { clientId } = this.contact();
    return this.db.transaction(async (tx) => {
      const latestVersion = await this.portal.visibleLatestVersion(tx, clientId, caseId);
      if (latestVersion === undefined) throw AppError.notFound('Case');
      const problems: { field: string; message: string }[] = [];
      if (input.parentId) {
        if (!(await this.portal.isSharedComment(tx, input.parentId, caseId)))
          problems.push({ field: 'parentId', message: 'not a comment of this case' });
      }
      if (input.version !== undefined && input.version > latestVersion)
        problems.push({ field: 'version', message: 'no such draft version' });
      if (problems.length > 0) throw AppError.validation(problems);
      const row = await this.comments.insert(tx, caseId, {
        body: input.body,
        visibility: 'shared',
        parentId: input.parentId,
        version: input.version,
      });
      return commentView(row);
    });
  }

  /** A case the contact may not see is 404, before the workflow would say anything about its state. */
  private async assertVisible(caseId: string): Promise<void> {
    const { clientId } = this.contact();
    if (!(await this.portal.isVisible(clientId, caseId))) throw AppError.notFound('Case');
  }

  async approve(caseId: string, input: { version: number; fullName: string }) {
    await this.assertVisible(caseId);
    const done = await this.workflow.transition(
      caseId,
      { action: 'client_approve', fullName: input.fullName },
      { expectedVersion: input.version },
    );
    return { id: done.id, reference: done.reference, status: done.status };
  }

  async requestChanges(caseId: string, comment: string) {
    await this.assertVisible(caseId);
    const done = await this.workflow.transition(caseId, { action: 'client_request_changes', comment });
    return { id: done.id, reference: done.reference, status: done.status };
  }

  /** The final PDF of one approved version (200), or its render status (202). */
  async versionPdf(caseId: string, version: number, variant: PdfVariant = 'standard'): Promise<PdfAnswer> {
    const { clientId } = this.contact();
    const row = await this.portal.finalRender(clientId, caseId, version);
    if (!row) throw AppError.notFound('Approved version');
    if (variant === 'standard') return this.pdfs.answer(row);
    return this.pdfs.finalVariant({ caseId, draftVersionId: row.draft_version_id, version, variant }, row.reference);
  }

  /** "Documents we need from you": the items of the case asked of the client, with the files they sent. */
  async evidenceList(caseId: string) {
    const kase = await this.clientCase(caseId);
    const { data } = await this.evidence.list(caseId, { askClient: true });
    return {
      case: kase,
      data: data.map((item) => ({
        key: item.key,
        label: item.label,
        proves: item.proves,
        required: item.required,
        accepts: item.accepts,
        status: item.status,
        attachments: item.attachments.filter((a) => a.fromClient).map((a) => ({ id: a.id, fileName: a.fileName })),
      })),
    };
  }

  async evidenceRequests() {
    const { clientId } = this.contact();
    const rows = await this.portal.evidenceRequests(clientId);
    return { data: rows.map((r) => ({ caseId: r.case_id, reference: r.reference, title: r.title, missing: r.missing })) };
  }

  /** The client sends a document asked of them: the same content checks as staff uploads; the assignee is told. */
  async uploadEvidence(caseId: string, file: { originalname?: string; buffer: Buffer; size: number } | undefined, evidenceKey: string) {
    await this.clientCase(caseId);
    const saved = await this.attachments.upload(caseId, file, { evidenceKey });
    return { id: saved.id, fileName: saved.fileName, evidenceKey, status: 'provided' as const };
  }

  private async clientCase(caseId: string) {
    const { clientId } = this.contact();
    const row = await this.portal.clientCase(clientId, caseId);
    if (!row) throw AppError.notFound('Case');
    return row;
  }

  clientId(): string {
    return this.contact().clientId;
  }
}
