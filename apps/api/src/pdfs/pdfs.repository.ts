import { Injectable } from '@nestjs/common';
import { columnsOf, PdfRender, sql, TenantDb, type TenantTransaction } from '@poa/db';
import type { PdfVariant } from '@poa/jobs';

const RENDER = columnsOf(PdfRender, [
  'status',
  'version',
  'kind',
  'variant',
  'error',
  'sha256',
  'size',
  'pageCount',
  'renderMs',
  'readyAt',
  'storageKey',
  'draftVersionId',
]);

/** The render columns qualified with the alias `r` (pdf_renders): select them as `c.reference, ${RENDER_COLUMNS}`. */
export const RENDER_COLUMNS = RENDER.as('r');
/** A pdf_renders row with its case reference. */
export type RenderRow = typeof RENDER.$row & { reference: string };
export type RenderKind = RenderRow['kind'];

/** Which render of a version: its kind (final or DRAFT-marked preview) and its variant. */
export interface RenderTarget {
  caseId: string;
  draftVersionId: string;
  version: number;
  kind: RenderKind;
  variant: PdfVariant;
}

/** The statements on pdf_renders behind the PDF downloads. */
@Injectable()
export class PdfsRepository {
  constructor(private readonly db: TenantDb) {}

  /** The case (optionally restricted to one client) with its approved version's final render, if any. */
  async approved(caseId: string, clientId?: string): Promise<(RenderRow & { approved_version_id: string | null }) | undefined> {
    const [row] = await this.db.read<RenderRow & { approved_version_id: string | null }>(sql`
      SELECT c.reference, c.approved_version_id, ${sql.raw(RENDER_COLUMNS)}
      FROM cases c LEFT JOIN pdf_renders r ON r.draft_version_id = c.approved_version_id AND r.kind = 'final' AND r.variant = 'standard'
      WHERE c.id = ${caseId} ${clientId ? sql.raw(sql`AND c.client_id = ${clientId}`) : sql.raw('')}`);
    return row;
  }

  /** The case's approved version (optionally only a case of one client), or no row for an unknown case. */
  async approvedVersion(
    tx: TenantTransaction,
    caseId: string,
    clientId?: string,
  ): Promise<{ reference: string; id: string | null; version: number | null } | undefined> {
    const [row] = await tx.query<{ reference: string; id: string | null; version: number | null }>(
      `SELECT c.reference, v.id, v.version FROM cases c LEFT JOIN draft_versions v ON v.id = c.approved_version_id
       WHERE c.id = $1 AND ($2::uuid IS NULL OR c.client_id = $2)`,
      [caseId, clientId ?? null],
    );
    return row;
  }

  /** A version of the case, and whether a client approved it. */
  async draftVersion(
    tx: TenantTransaction,
    caseId: string,
    version: number,
  ): Promise<{ id: string; reference: string; approved: boolean } | undefined> {
    const [found] = await tx.query<{ id: string; reference: string; approved: boolean }>(
      `SELECT v.id, c.reference, EXISTS (SELECT 1 FROM approvals a WHERE a.draft_version_id = v.id) AS approved
       FROM draft_versions v JOIN cases c ON c.id = v.case_id WHERE v.case_id = $1 AND v.version = $2`,
      [caseId, version],
    );
    return found;
  }

  /** Queues the render unless it exists; true when this call created it. */
  async insertRender(tx: TenantTransaction, t: RenderTarget): Promise<boolean> {
    const inserted = await tx.query(
      `INSERT INTO pdf_renders (tenant_id, case_id, draft_version_id, version, kind, variant, status)
         VALUES (current_setting('app.tenant_id')::uuid, $1, $2, $3, $4, $5, 'queued')
         ON CONFLICT (draft_version_id, kind, variant) DO NOTHING RETURNING id`,
      [t.caseId, t.draftVersionId, t.version, t.kind, t.variant],
    );
    return inserted.length > 0;
  }

  async render(tx: TenantTransaction, t: RenderTarget, reference: string): Promise<RenderRow> {
    const [row] = await tx.query<RenderRow>(
      `SELECT $4::text AS reference, ${RENDER_COLUMNS} FROM pdf_renders r WHERE r.draft_version_id = $1 AND r.kind = $2 AND r.variant = $3`,
      [t.draftVersionId, t.kind, t.variant, reference],
    );
    return row;
  }

  /** The approved version's final render, locked for the rest of the transaction. */
  async lockFinal(tx: TenantTransaction, caseId: string): Promise<(RenderRow & { attempts: number }) | undefined> {
    const [row] = await tx.query<RenderRow & { attempts: number }>(
      `SELECT r.*, c.reference FROM cases c JOIN pdf_renders r ON r.draft_version_id = c.approved_version_id AND r.kind = 'final' AND r.variant = 'standard'
       WHERE c.id = $1 FOR UPDATE OF r`,
      [caseId],
    );
    return row;
  }

  async requeueFinal(tx: TenantTransaction, draftVersionId: string): Promise<void> {
    await tx.query(
      `UPDATE pdf_renders SET status = 'queued', error = NULL WHERE draft_version_id = $1 AND kind = 'final' AND variant = 'standard'`,
      [draftVersionId],
    );
  }

  /** Queues a ready render again when it still points at `storageKey`; the case id when this call won the row. */
  async requeueReady(
    tx: TenantTransaction,
    render: { storageKey: string; draftVersionId: string; kind: RenderKind; variant: PdfVariant },
  ): Promise<string | undefined> {
    const [row] = await tx.query<{ case_id: string }>(
      `UPDATE pdf_renders SET status = 'queued', error = NULL
       WHERE draft_version_id = $1 AND kind = $2 AND variant = $4 AND status = 'ready' AND storage_key = $3 RETURNING case_id`,
      [render.draftVersionId, render.kind, render.storageKey, render.variant],
    );
    return row?.case_id;
  }
}
