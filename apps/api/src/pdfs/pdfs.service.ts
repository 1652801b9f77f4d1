import { Inject, Injectable, Logger } from '@nestjs/common';
import { sql, TenantDb } from '@poa/db';
import { QUEUES } from '@poa/jobs';
import { FileNotFoundError, type FileStorage } from '@poa/storage';
import { AppError } from '../core/errors';
import { OutboxService } from '../outbox/outbox.service';
import { FILE_STORAGE } from '../storage/storage.module';
import type { PdfAnswer as SentPdf } from '../core/send-pdf';

export interface PdfRenderView {
  status: 'queued' | 'rendering' | 'ready' | 'failed';
  version: number;
  kind: 'final' | 'preview';
  error: string | null;
  sha256: string | null;
  size: number | null;
  pageCount: number | null;
  renderMs: number | null;
  readyAt: string | null;
}

/** A pdf_renders row with its case reference: select it as `c.reference, ${RENDER_COLUMNS}` (r = pdf_renders). */
export interface RenderRow {
  status: PdfRenderView['status'];
  version: number;
  kind: 'final' | 'preview';
  error: string | null;
  sha256: string | null;
  size: number | null;
  page_count: number | null;
  render_ms: number | null;
  ready_at: Date | null;
  storage_key: string | null;
  draft_version_id: string;
  reference: string;
}

export const RENDER_COLUMNS = 'r.status, r.version, r.kind, r.error, r.sha256, r.size, r.page_count, r.render_ms, r.ready_at, r.storage_key, r.draft_version_id';

export type PdfAnswer = SentPdf<PdfRenderView>;

const view = (r: RenderRow): PdfRenderView => ({
  status: r.status,
  version: r.version,
  kind: r.kind,
  error: r.error,
  sha256: r.sha256,
  size: r.size,
  pageCount: r.page_count,
  renderMs: r.render_ms,
  readyAt: r.ready_at ? new Date(r.ready_at).toISOString() : null,
});

/** Downloads of rendered POAs: the approved one, or a DRAFT preview of any version (queued on first request). */
@Injectable()
export class PdfsService {
  private readonly logger = new Logger(PdfsService.name);

  constructor(
    private readonly db: TenantDb,
    private readonly outbox: OutboxService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  /** The approved version's PDF; `clientId` restricts it to one client's cases (portal contacts). */
  async approved(caseId: string, clientId?: string): Promise<PdfAnswer> {
    const [row] = await this.db.read<RenderRow & { approved_version_id: string | null }>(sql`
      SELECT c.reference, c.approved_version_id, ${sql.raw(RENDER_COLUMNS)}
      FROM cases c LEFT JOIN pdf_renders r ON r.draft_version_id = c.approved_version_id AND r.kind = 'final'
      WHERE c.id = ${caseId} ${clientId ? sql.raw(sql`AND c.client_id = ${clientId}`) : sql.raw('')}`);
    if (!row) throw AppError.notFound('Case');
    if (!row.approved_version_id || !row.status) throw new AppError('NOT_FOUND', 'This case has no approved version yet');
    return this.answer(row);
  }

  /** A version's DRAFT preview, queued the first time it is asked for. */
  async preview(caseId: string, version: number): Promise<PdfAnswer> {
    return this.db.transaction(async (tx) => {
      const [found] = await tx.query<{ id: string; reference: string }>(
        `SELECT v.id, c.reference FROM draft_versions v JOIN cases c ON c.id = v.case_id WHERE v.case_id = $1 AND v.version = $2`,
        [caseId, version],
      );
      if (!found) throw AppError.notFound('Draft version');
      const inserted = await tx.query(
        `INSERT INTO pdf_renders (tenant_id, case_id, draft_version_id, version, kind, status) VALUES (current_setting('app.tenant_id')::uuid, $1, $2, $3, 'preview', 'queued')
         ON CONFLICT (draft_version_id, kind) DO NOTHING RETURNING id`,
        [caseId, found.id, version],
      );
      if (inserted.length) {
        await this.outbox.add(tx, { queue: QUEUES.pdfRender, payload: { tenantId: tx.tenantId, caseId, draftVersionId: found.id, kind: 'preview' } });
      }
      const [row] = await tx.query<RenderRow>(
        `SELECT $2::text AS reference, ${RENDER_COLUMNS} FROM pdf_renders r WHERE r.draft_version_id = $1 AND r.kind = 'preview'`,
        [found.id, found.reference],
      );
      return row;
    }).then((row) => this.answer(row));
  }

  /** A render that failed for good is queued again under a new job id (the failed job keeps the old one). */
  async retry(caseId: string): Promise<PdfRenderView> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<RenderRow & { attempts: number }>(
        `SELECT r.*, c.reference FROM cases c JOIN pdf_renders r ON r.draft_version_id = c.approved_version_id AND r.kind = 'final' WHERE c.id = $1 FOR UPDATE OF r`,
        [caseId],
      );
      if (!row) throw AppError.notFound('Approved PDF');
      if (row.status !== 'failed') throw new AppError('CONFLICT', `The PDF is ${row.status}; only a failed render can be retried`);
      await tx.query(`UPDATE pdf_renders SET status = 'queued', error = NULL WHERE draft_version_id = $1 AND kind = 'final'`, [row.draft_version_id]);
      await this.outbox.add(tx, {
        queue: QUEUES.pdfRender,
        payload: { tenantId: tx.tenantId, caseId, draftVersionId: row.draft_version_id, kind: 'final' },
        repeat: { reason: 'retry', attempts: row.attempts },
      });
      return { ...view(row), status: 'queued', error: null };
    });
  }

  /** 200 with the file when the render is ready and stored, else 202 with its status. */
  async answer(row: RenderRow): Promise<PdfAnswer> {
    if (row.status !== 'ready' || !row.storage_key || !row.sha256) return { ready: false, render: view(row) };
    const file = await this.readStored({ storageKey: row.storage_key, draftVersionId: row.draft_version_id, kind: row.kind });
    if (!file) return { ready: false, render: { ...view(row), status: 'queued' } };
    const suffix = row.kind === 'preview' ? '-draft' : '';
    return { ready: true, file, fileName: `${row.reference}-v${row.version}${suffix}.pdf`, etag: `"${row.sha256}"` };
  }

  /**
   * A ready render's file, or null when storage no longer has it (a wiped disk or bucket, a restored database):
   * the render is then queued again (one request wins the row) and the caller answers 202 instead of failing.
   */
  async readStored(render: { storageKey: string; draftVersionId: string; kind: 'final' | 'preview' }): Promise<Buffer | null> {
    try {
      return await this.storage.get(render.storageKey);
    } catch (error) {
      if (!(error instanceof FileNotFoundError)) throw error;
    }
    await this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ case_id: string }>(
        `UPDATE pdf_renders SET status = 'queued', error = NULL WHERE draft_version_id = $1 AND kind = $2 AND status = 'ready' AND storage_key = $3 RETURNING case_id`,
        [render.draftVersionId, render.kind, render.storageKey],
      );
      if (!row) return;
      this.logger.warn(`Stored PDF ${render.storageKey} is missing: rendering it again`);
      // A job id of its own: the finished job under the version's id may still be remembered by BullMQ.
      await this.outbox.add(tx, {
        queue: QUEUES.pdfRender,
        payload: { tenantId: tx.tenantId, caseId: row.case_id, draftVersionId: render.draftVersionId, kind: render.kind },
        repeat: { reason: 'rerender' },
      });
    });
    return null;
  }
}
