import { Injectable } from '@nestjs/common';
import {
  Approval,
  Case,
  columnsOf,
  PdfRender,
  sql,
  TenantDb,
  type Client,
  type DraftVersion,
  type PdfRenderStatus,
  type RowOf,
  type Tenant,
  type TenantTransaction,
} from '@poa/db';
import type { PdfRenderJob } from '@poa/jobs';
import type { DraftSections, SubmissionIssue } from '@poa/domain';

const RENDER = columnsOf(PdfRender, ['status']);
export type RenderState = typeof RENDER.$row;

/** The stored file of a finished render. */
export interface RenderedFile {
  storageKey: string;
  sha256: string;
  size: number;
  pageCount: number;
  renderMs: number;
}

const CASE = columnsOf(Case, ['reference', 'title', 'marketplace', 'violationType', 'asins', 'issues']);
const APPROVAL = columnsOf(Approval, [
  'contactName',
  'contactEmail',
  'fullName',
  'approvedAt',
  'ip',
  'userAgent',
  'contentSha256',
  'recordedByName',
  'note',
]);

/** What the POA template needs of a version, its case, client, agency, latest approval and attachments. */
export type DocumentRow = Omit<typeof CASE.$row, 'issues'> & {
  /** `cases.issues` (jsonb): the notice's issues, first issue first. */
  issues: SubmissionIssue[];
} & Pick<RowOf<Client>, 'seller_id'> &
  Pick<RowOf<Tenant>, 'branding'> &
  Pick<RowOf<DraftVersion>, 'version'> & {
    client_name: RowOf<Client>['name'];
    tenant_name: RowOf<Tenant>['name'];
    version_created_at: RowOf<DraftVersion>['created_at'];
    /** The stored draft (jsonb): older versions may lack a section. */
    sections: Partial<DraftSections>;
    /** row_to_json: timestamps arrive as strings. */
    approval: (Omit<typeof APPROVAL.$row, 'approved_at'> & { approved_at: string }) | null;
    attachments: { id: string; file_name: string }[] | null;
  };

/** The PDF renderer's statements: the pdf_renders row of a version, kind and variant, and the document to render. */
@Injectable()
export class PdfRenderRepository {
  constructor(private readonly db: TenantDb) {}

  async lock(tx: TenantTransaction, job: PdfRenderJob): Promise<RenderState | undefined> {
    const [render] = await tx.query<RenderState>(
      `SELECT ${RENDER.columns} FROM pdf_renders WHERE draft_version_id = $1 AND kind = $2 AND variant = $3 FOR UPDATE`,
      [job.draftVersionId, job.kind, job.variant],
    );
    return render;
  }

  async markRendering(tx: TenantTransaction, job: PdfRenderJob): Promise<void> {
    await tx.query(
      `UPDATE pdf_renders SET status = 'rendering', attempts = attempts + 1, error = NULL WHERE draft_version_id = $1 AND kind = $2 AND variant = $3`,
      [job.draftVersionId, job.kind, job.variant],
    );
  }

  async markReady(tx: TenantTransaction, job: PdfRenderJob, file: RenderedFile): Promise<void> {
    await tx.query(
      `UPDATE pdf_renders SET status = 'ready', storage_key = $3, sha256 = $4, size = $5, page_count = $6, render_ms = $7, ready_at = now(), error = NULL
       WHERE draft_version_id = $1 AND kind = $2 AND variant = $8`,
      [job.draftVersionId, job.kind, file.storageKey, file.sha256, file.size, file.pageCount, file.renderMs, job.variant],
    );
  }

  /** A failed attempt: back to `queued` while BullMQ retries, `failed` after the last; a ready render is left alone. */
  async markFailed(
    tx: TenantTransaction,
    job: PdfRenderJob,
    status: Extract<PdfRenderStatus, 'queued' | 'failed'>,
    error: string,
  ): Promise<void> {
    await tx.query(
      `UPDATE pdf_renders SET status = $3, error = $4 WHERE draft_version_id = $1 AND kind = $2 AND variant = $5 AND status <> 'ready'`,
      [job.draftVersionId, job.kind, status, error, job.variant],
    );
  }

  /** Everything the template needs, read in one statement under the job's tenant (RLS applies as for the API). */
  async document(job: PdfRenderJob): Promise<DocumentRow | undefined> {
    const [row] = await this.db.read<DocumentRow>(
      sql`
      SELECT ${sql.raw(CASE.as('c'))},
             cl.name AS client_name, cl.seller_id, t.name AS tenant_name, t.branding,
             v.version, v.created_at AS version_created_at, v.sections,
             (SELECT row_to_json(a) FROM (
                SELECT ${sql.raw(APPROVAL.columns)}
                FROM approvals WHERE draft_version_id = v.id ORDER BY approved_at DESC LIMIT 1) a) AS approval,
             (SELECT json_agg(json_build_object('id', at.id, 'file_name', at.file_name)) FROM attachments at WHERE at.case_id = c.id) AS attachments
      FROM draft_versions v
      JOIN cases c ON c.id = v.case_id
      JOIN clients cl ON cl.id = c.client_id
      JOIN tenants t ON t.id = c.tenant_id
      WHERE v.id = ${job.draftVersionId} AND c.id = ${job.caseId}`,
      { tenantId: job.tenantId },
    );
    return row;
  }
}
