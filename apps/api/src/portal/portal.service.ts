import { Injectable } from '@nestjs/common';
import { sql, TenantContext, TenantDb } from '@poa/db';
import type { DraftSections } from '@poa/domain';
import { CommentsService } from '../cases/comments.service';
import { WorkflowService } from '../cases/workflow.service';
import { iso, timeCursor, toPage } from '../common/pagination';
import { AppError } from '../core/errors';
import { RENDER_COLUMNS, type RenderRow } from '../pdfs/pdfs.repository';
import { PdfsService, type PdfAnswer } from '../pdfs/pdfs.service';
import { draftView, pdfView, PORTAL_CASE_COLUMNS, portalCaseSummaryView, visibleToContact, type PdfJson, type PortalCaseRow } from './portal-views';

interface Branding {
  primaryColor?: string;
  logoDataUri?: string | null;
}

interface DetailRow extends PortalCaseRow {
  asins: string[];
  notice_text: string;
  notice_received_at: Date;
  client_id: string;
  client_name: string;
  agency_name: string;
  branding: Branding;
  draft: { version: number; sections: DraftSections; created_at: string } | null;
  approval: { version: number; full_name: string; contact_name: string; contact_email: string; approved_at: string; content_sha256: string } | null;
  pdf: PdfJson | null;
  approved_versions: { version: number; approved_at: string; full_name: string; pdf: PdfJson | null }[];
  file_names: Record<string, string>;
}

interface CommentRow {
  id: string;
  parent_id: string | null;
  body: string;
  version: number | null;
  author_type: string;
  author_name: string;
  created_at: Date;
}

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
    private readonly workflow: WorkflowService,
    private readonly comments: CommentsService,
    private readonly pdfs: PdfsService,
  ) {}

  private contact(): { id: string; clientId: string } {
    const actor = TenantContext.require().actor;
    if (actor.kind !== 'contact' || !actor.id || !actor.clientId) throw new AppError('FORBIDDEN', 'Only a client contact may use the portal');
    return { id: actor.id, clientId: actor.clientId };
  }

  async me() {
    const { id } = this.contact();
    const [row] = await this.db.read<{ id: string; name: string; email: string; client_id: string; client_name: string; agency_name: string; branding: Branding }>(sql`
      SELECT ct.id, ct.name, ct.email, cl.id AS client_id, cl.name AS client_name, t.name AS agency_name, t.branding
      FROM contacts ct JOIN clients cl ON cl.id = ct.client_id JOIN tenants t ON t.id = ct.tenant_id WHERE ct.id = ${id}::uuid`);
    if (!row) throw new AppError('UNAUTHENTICATED', 'This contact no longer exists');
    return { contact: { id: row.id, name: row.name, email: row.email }, client: { id: row.client_id, name: row.client_name }, agency: agencyView(row.agency_name, row.branding) };
  }

  async list(query: { limit: number; cursor?: string }) {
    const { clientId } = this.contact();
    const after = timeCursor.decode(query.cursor);
    const rows = await this.db.read<PortalCaseRow>(sql`
      SELECT ${sql.raw(PORTAL_CASE_COLUMNS)} FROM cases c
      WHERE ${sql.raw(visibleToContact(clientId))}
        AND ${after ? sql.raw(sql`(c.updated_at, c.id) < (${after.sortValue}::timestamptz, ${after.id}::uuid)`) : sql.raw('TRUE')}
      ORDER BY c.updated_at DESC, c.id DESC LIMIT ${query.limit + 1}`);
    return toPage(rows, query.limit, portalCaseSummaryView, (r) => timeCursor.encode(r.updated_at, r.id));
  }

  async get(caseId: string) {
    const { clientId } = this.contact();
    const pdfColumns = 'version, status, page_count, size, ready_at';
    const [row] = await this.db.read<DetailRow>(sql`
      SELECT ${sql.raw(PORTAL_CASE_COLUMNS)}, c.asins, c.notice_text, c.notice_received_at, c.client_id, cl.name AS client_name, t.name AS agency_name, t.branding,
        (SELECT row_to_json(d) FROM (
           SELECT dv.version, dv.sections, dv.created_at FROM draft_versions dv
           WHERE dv.case_id = c.id AND ((c.status = 'client_review' AND dv.version = c.latest_version) OR (c.status <> 'client_review' AND dv.id = c.approved_version_id))) d) AS draft,
        (SELECT row_to_json(a) FROM (
           SELECT version, full_name, contact_name, contact_email, approved_at, content_sha256 FROM approvals
           WHERE draft_version_id = c.approved_version_id ORDER BY approved_at DESC, id DESC LIMIT 1) a) AS approval,
        (SELECT row_to_json(p) FROM (SELECT ${sql.raw(pdfColumns)} FROM pdf_renders WHERE draft_version_id = c.approved_version_id AND kind = 'final') p) AS pdf,
        (SELECT COALESCE(json_agg(v ORDER BY v.version DESC), '[]'::json) FROM (
           SELECT DISTINCT ON (a.version) a.version, a.approved_at, a.full_name,
             (SELECT row_to_json(p) FROM (SELECT ${sql.raw(pdfColumns)} FROM pdf_renders r WHERE r.draft_version_id = a.draft_version_id AND r.kind = 'final') p) AS pdf
           FROM approvals a WHERE a.case_id = c.id ORDER BY a.version, a.approved_at DESC) v) AS approved_versions,
        (SELECT COALESCE(json_object_agg(id, file_name), '{}'::json) FROM attachments WHERE case_id = c.id) AS file_names
      FROM cases c JOIN clients cl ON cl.id = c.client_id JOIN tenants t ON t.id = c.tenant_id
      WHERE c.id = ${caseId}::uuid AND ${sql.raw(visibleToContact(clientId))}`);
    if (!row) throw AppError.notFound('Case');
    const underReview = row.status === 'client_review';
    return {
      ...portalCaseSummaryView(row),
      asins: row.asins,
      noticeText: row.notice_text,
      noticeReceivedAt: iso(row.notice_received_at)!,
      client: { id: row.client_id, name: row.client_name },
      agency: agencyView(row.agency_name, row.branding),
      draft: row.draft
        ? { version: row.draft.version, state: underReview ? ('under_review' as const) : ('approved' as const), createdAt: iso(row.draft.created_at)!, ...draftView(row.draft.sections, row.file_names) }
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
      approvedVersions: row.approved_versions.map((v) => ({ version: v.version, approvedAt: iso(v.approved_at)!, fullName: v.full_name, pdf: pdfView(v.pdf) })),
      availableActions: underReview ? (['approve', 'request_changes'] as const).slice() : [],
    };
  }

  async listComments(caseId: string, query: { limit: number; cursor?: string }) {
    const { clientId } = this.contact();
    const after = timeCursor.decode(query.cursor);
    const rows = await this.db.read<CommentRow & { case_id: string }>(sql`
      SELECT c.id AS case_id, cm.id, cm.parent_id, cm.body, cm.version, cm.author_type, cm.author_name, cm.created_at
      FROM cases c LEFT JOIN LATERAL (
        SELECT * FROM comments WHERE case_id = c.id AND visibility = 'shared'
          AND ${after ? sql.raw(sql`(created_at, id) > (${after.sortValue}::timestamptz, ${after.id}::uuid)`) : sql.raw('TRUE')}
        ORDER BY created_at, id LIMIT ${query.limit + 1}) cm ON TRUE
      WHERE c.id = ${caseId}::uuid AND ${sql.raw(visibleToContact(clientId))}
      ORDER BY cm.created_at, cm.id`);
    if (rows.length === 0) throw AppError.notFound('Case');
    return toPage(rows.filter((r) => r.id !== null), query.limit, commentView, (r) => timeCursor.encode(r.created_at, r.id));
  }

  /** A contact's comment is always shared (the agency sees it; so do the client's other contacts). */
  async addComment(caseId: string, input: { body: string; parentId?: string; version?: number }) {
    const { clientId } = this.contact();
    return this.db.transaction(async (tx) => {
      const [found] = await tx.query<{ latest_version: number }>(`SELECT c.latest_version FROM cases c WHERE c.id = $1 AND ${visibleToContact(clientId).text}`, [caseId]);
      if (!found) throw AppError.notFound('Case');
      const problems: { field: string; message: string }[] = [];
      if (input.parentId) {
        const [parent] = await tx.query(`SELECT 1 FROM comments WHERE id = $1 AND case_id = $2 AND visibility = 'shared'`, [input.parentId, caseId]);
        if (!parent) problems.push({ field: 'parentId', message: 'not a comment of this case' });
      }
      if (input.version !== undefined && input.version > found.latest_version) problems.push({ field: 'version', message: 'no such draft version' });
      if (problems.length > 0) throw AppError.validation(problems);
      const row = await this.comments.insert(tx, caseId, { body: input.body, visibility: 'shared', parentId: input.parentId, version: input.version });
      return commentView(row);
    });
  }

  /** A case the contact may not see is 404, before the workflow would say anything about its state. */
  private async assertVisible(caseId: string): Promise<void> {
    const { clientId } = this.contact();
    const [row] = await this.db.read(sql`SELECT 1 FROM cases c WHERE c.id = ${caseId}::uuid AND ${sql.raw(visibleToContact(clientId))}`);
    if (!row) throw AppError.notFound('Case');
  }

  async approve(caseId: string, input: { version: number; fullName: string }) {
    await this.assertVisible(caseId);
    const done = await this.workflow.transition(caseId, { action: 'client_approve', fullName: input.fullName }, { expectedVersion: input.version });
    return { id: done.id, reference: done.reference, status: done.status };
  }

  async requestChanges(caseId: string, comment: string) {
    await this.assertVisible(caseId);
    const done = await this.workflow.transition(caseId, { action: 'client_request_changes', comment });
    return { id: done.id, reference: done.reference, status: done.status };
  }

  /** The final PDF of one approved version (200), or its render status (202). */
  async versionPdf(caseId: string, version: number): Promise<PdfAnswer> {
    const { clientId } = this.contact();
    const [row] = await this.db.read<RenderRow>(sql`
      SELECT c.reference, ${sql.raw(RENDER_COLUMNS)}
      FROM cases c JOIN pdf_renders r ON r.case_id = c.id AND r.kind = 'final' AND r.version = ${version}
      WHERE c.id = ${caseId}::uuid AND ${sql.raw(visibleToContact(clientId))}`);
    if (!row) throw AppError.notFound('Approved version');
    return this.pdfs.answer(row);
  }

  clientId(): string {
    return this.contact().clientId;
  }
}
