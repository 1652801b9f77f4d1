import { Injectable } from '@nestjs/common';
import { Case, columnsOf, Comment, PdfRender, sql, TenantDb, type InlineSql, type TenantBranding, type TenantTransaction } from '@poa/db';
import type { CaseStatus, DraftSections } from '@poa/domain';
import { CHANGE_REQUEST_LATERAL, type ChangeRequestJson } from '../cases/cases.repository';
import { RENDER_COLUMNS, type RenderRow } from '../pdfs/pdfs.repository';
import { PORTAL_VISIBLE_STATUSES } from './portal.schemas';

const STATUS_LIST = PORTAL_VISIBLE_STATUSES.map((s) => `'${s}'`).join(', ');

/**
 * What a contact may see: their own client's cases once a draft reached them (client review or later), plus cases
 * with an approved version (e.g. a later round being drafted keeps the approved PDF reachable), plus cases that were
 * sent to them before (a case reworked after their change request stays theirs to follow). Alias `c`.
 */
function visibleToContact(clientId: string): InlineSql {
  return sql`c.client_id = ${clientId}::uuid AND (c.status IN (${sql.raw(STATUS_LIST)}) OR c.approved_version_id IS NOT NULL
    OR EXISTS (SELECT 1 FROM case_events se WHERE se.case_id = c.id AND se.type = 'case.transitioned' AND se.data->>'to' = 'client_review'))`;
}

/** The agency is reworking the draft after the client's change request (needs CHANGE_REQUEST_LATERAL). */
const WORKING_ON_CHANGES = `(c.status IN ('drafting', 'internal_review') AND COALESCE(cr.pending, false))`;

const PORTAL_CASE = columnsOf(Case, [
  'id',
  'reference',
  'title',
  'status',
  'violationType',
  'marketplace',
  'dueAt',
  'latestVersion',
  'updatedAt',
]);
/** The summary columns; the FROM clause must join CHANGE_REQUEST_LATERAL. */
const PORTAL_CASE_COLUMNS = `${PORTAL_CASE.as('c')}, (SELECT dv.version FROM draft_versions dv WHERE dv.id = c.approved_version_id) AS approved_version,
  ${WORKING_ON_CHANGES} AS working_on_changes`;
export type PortalCaseRow = Omit<typeof PORTAL_CASE.$row, 'status'> & {
  status: CaseStatus;
  approved_version: number | null;
  working_on_changes: boolean;
};

const PDF = columnsOf(PdfRender, ['version', 'status', 'pageCount', 'size', 'readyAt']);
/** A pdf_renders row as row_to_json gives it (timestamps as ISO text). */
export type PdfJson = Omit<typeof PDF.$row, 'ready_at'> & { ready_at: string | null };

export type Branding = Partial<Pick<TenantBranding, 'primaryColor' | 'logoDataUri'>>;

const DETAIL = columnsOf(Case, ['asins', 'noticeText', 'noticeReceivedAt', 'clientId']);
export type DetailRow = PortalCaseRow &
  typeof DETAIL.$row & {
    client_name: string;
    agency_name: string;
    branding: Branding;
    draft: { version: number; sections: DraftSections; created_at: string } | null;
    /** While the agency works on the client's changes: their request. */
    change_request: ChangeRequestJson | null;
    /** When a revised version is under review: the version the client asked changes to, and when. */
    seen: { version: number; sections: DraftSections; requested_at: string } | null;
    approval: {
      version: number;
      full_name: string;
      contact_name: string;
      contact_email: string;
      approved_at: string;
      content_sha256: string;
    } | null;
    pdf: PdfJson | null;
    approved_versions: { version: number; approved_at: string; full_name: string; pdf: PdfJson | null }[];
    file_names: Record<string, string>;
  };

const COMMENT = columnsOf(Comment, ['id', 'parentId', 'body', 'version', 'authorType', 'authorName', 'createdAt']);
export type CommentRow = typeof COMMENT.$row;

type Cursor = { sortValue: string; id: string } | null;

/** The portal's reads: every statement is limited to what the contact's client may see. */
@Injectable()
export class PortalRepository {
  constructor(private readonly db: TenantDb) {}

  async contact(contactId: string) {
    const [row] = await this.db.read<{
      id: string;
      name: string;
      email: string;
      client_id: string;
      client_name: string;
      agency_name: string;
      branding: Branding;
    }>(sql`
      SELECT ct.id, ct.name, ct.email, cl.id AS client_id, cl.name AS client_name, t.name AS agency_name, t.branding
      FROM contacts ct JOIN clients cl ON cl.id = ct.client_id JOIN tenants t ON t.id = ct.tenant_id WHERE ct.id = ${contactId}::uuid`);
    return row;
  }

  /** An agency's name and branding, for its portal's log-in page (read under that agency's tenant). */
  async agency(tenantId: string): Promise<{ name: string; branding: Branding } | undefined> {
    const [row] = await this.db.read<{ name: string; branding: Branding }>(
      sql`SELECT t.name, t.branding FROM tenants t WHERE t.id = ${tenantId}::uuid`,
      { tenantId },
    );
    return row;
  }

  /** Most recently updated first. */
  cases(clientId: string, query: { limit: number; after: Cursor }): Promise<PortalCaseRow[]> {
    const { after } = query;
    return this.db.read<PortalCaseRow>(sql`
      SELECT ${sql.raw(PORTAL_CASE_COLUMNS)} FROM cases c ${sql.raw(CHANGE_REQUEST_LATERAL)}
      WHERE ${sql.raw(visibleToContact(clientId))}
        AND ${after ? sql.raw(sql`(c.updated_at, c.id) < (${after.sortValue}::timestamptz, ${after.id}::uuid)`) : sql.raw('TRUE')}
      ORDER BY c.updated_at DESC, c.id DESC LIMIT ${query.limit}`);
  }

  /** The case with the draft under review (or the approved one), its newest approval and PDFs, and every approved version. */
  async detail(clientId: string, caseId: string): Promise<DetailRow | undefined> {
    const pdfColumns = PDF.columns;
    const [row] = await this.db.read<DetailRow>(sql`
      SELECT ${sql.raw(PORTAL_CASE_COLUMNS)}, ${sql.raw(DETAIL.as('c'))}, cl.name AS client_name, t.name AS agency_name, t.branding,
        (SELECT row_to_json(d) FROM (
           SELECT dv.version, dv.sections, dv.created_at FROM draft_versions dv
           WHERE dv.case_id = c.id AND CASE
             WHEN c.status = 'client_review' THEN dv.version = c.latest_version
             WHEN ${sql.raw(WORKING_ON_CHANGES)} AND cr.version IS NOT NULL THEN dv.version = cr.version
             ELSE dv.id = c.approved_version_id END) d) AS draft,
        CASE WHEN ${sql.raw(WORKING_ON_CHANGES)} THEN row_to_json(cr) END AS change_request,
        (SELECT row_to_json(sv) FROM (
           SELECT dv.version, dv.sections, cr.created_at AS requested_at FROM draft_versions dv
           WHERE c.status = 'client_review' AND NOT cr.pending AND dv.case_id = c.id AND dv.version = cr.version AND cr.version < c.latest_version) sv) AS seen,
        (SELECT row_to_json(a) FROM (
           SELECT version, full_name, contact_name, contact_email, approved_at, content_sha256 FROM approvals
           WHERE draft_version_id = c.approved_version_id ORDER BY approved_at DESC, id DESC LIMIT 1) a) AS approval,
        (SELECT row_to_json(p) FROM (SELECT ${sql.raw(pdfColumns)} FROM pdf_renders WHERE draft_version_id = c.approved_version_id AND kind = 'final' AND variant = 'standard') p) AS pdf,
        (SELECT COALESCE(json_agg(v ORDER BY v.version DESC), '[]'::json) FROM (
           SELECT DISTINCT ON (a.version) a.version, a.approved_at, a.full_name,
             (SELECT row_to_json(p) FROM (SELECT ${sql.raw(pdfColumns)} FROM pdf_renders r WHERE r.draft_version_id = a.draft_version_id AND r.kind = 'final' AND r.variant = 'standard') p) AS pdf
           FROM approvals a WHERE a.case_id = c.id ORDER BY a.version, a.approved_at DESC) v) AS approved_versions,
        (SELECT COALESCE(json_object_agg(id, file_name), '{}'::json) FROM attachments WHERE case_id = c.id) AS file_names
      FROM cases c JOIN clients cl ON cl.id = c.client_id JOIN tenants t ON t.id = c.tenant_id ${sql.raw(CHANGE_REQUEST_LATERAL)}
      WHERE c.id = ${caseId}::uuid AND ${sql.raw(visibleToContact(clientId))}`);
    return row;
  }

  /**
   * The case's shared comments, oldest first: one row per comment, or a single row with null comment columns when
   * it has none; no row when the contact may not see the case.
   */
  sharedComments(clientId: string, caseId: string, query: { limit: number; after: Cursor }): Promise<(CommentRow & { case_id: string })[]> {
    const { after } = query;
    return this.db.read<CommentRow & { case_id: string }>(sql`
      SELECT c.id AS case_id, ${sql.raw(COMMENT.as('cm'))}
      FROM cases c LEFT JOIN LATERAL (
        SELECT * FROM comments WHERE case_id = c.id AND visibility = 'shared'
          AND ${after ? sql.raw(sql`(created_at, id) > (${after.sortValue}::timestamptz, ${after.id}::uuid)`) : sql.raw('TRUE')}
        ORDER BY created_at, id LIMIT ${query.limit}) cm ON TRUE
      WHERE c.id = ${caseId}::uuid AND ${sql.raw(visibleToContact(clientId))}
      ORDER BY cm.created_at, cm.id`);
  }

  /** The latest draft version of a case the contact may see; undefined when they may not. */
  async visibleLatestVersion(tx: TenantTransaction, clientId: string, caseId: string): Promise<number | undefined> {
    const [found] = await tx.query<{ latest_version: number }>(
      `SELECT c.latest_version FROM cases c WHERE c.id = $1 AND ${visibleToContact(clientId).text}`,
      [caseId],
    );
    return found?.latest_version;
  }

  async isSharedComment(tx: TenantTransaction, commentId: string, caseId: string): Promise<boolean> {
    const [parent] = await tx.query(`SELECT 1 FROM comments WHERE id = $1 AND case_id = $2 AND visibility = 'shared'`, [commentId, caseId]);
    return Boolean(parent);
  }

  /**
   * A case of the contact's client, whatever its status: documents are asked of the client while the agency is still
   * writing (no draft reached them yet). Closed cases ask for nothing.
   */
  async clientCase(clientId: string, caseId: string): Promise<{ id: string; reference: string; title: string } | undefined> {
    const [row] = await this.db.read<{ id: string; reference: string; title: string }>(
      sql`SELECT id, reference, title FROM cases WHERE id = ${caseId}::uuid AND client_id = ${clientId}::uuid AND status <> 'closed'`,
    );
    return row;
  }

  /** The client's open cases with documents asked of them and not yet sent, most urgent first. */
  evidenceRequests(clientId: string): Promise<{ case_id: string; reference: string; title: string; missing: number }[]> {
    return this.db.read(sql`
      SELECT c.id AS case_id, c.reference, c.title, count(*)::int AS missing
      FROM cases c JOIN case_evidence e ON e.case_id = c.id AND e.ask_client AND e.waived_reason IS NULL
      WHERE c.client_id = ${clientId}::uuid AND c.status <> 'closed'
        AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.case_id = c.id AND a.evidence_key = e.key)
      GROUP BY c.id ORDER BY min(c.due_at), c.id`);
  }

  async isVisible(clientId: string, caseId: string): Promise<boolean> {
    const [row] = await this.db.read(sql`SELECT 1 FROM cases c WHERE c.id = ${caseId}::uuid AND ${sql.raw(visibleToContact(clientId))}`);
    return Boolean(row);
  }

  /** The final render of one version of a case the contact may see. */
  async finalRender(clientId: string, caseId: string, version: number): Promise<RenderRow | undefined> {
    const [row] = await this.db.read<RenderRow>(sql`
      SELECT c.reference, ${sql.raw(RENDER_COLUMNS)}
      FROM cases c JOIN pdf_renders r ON r.case_id = c.id AND r.kind = 'final' AND r.variant = 'standard' AND r.version = ${version}
      WHERE c.id = ${caseId}::uuid AND ${sql.raw(visibleToContact(clientId))}`);
    return row;
  }
}
