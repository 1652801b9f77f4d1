import { Inject, Injectable, Logger } from '@nestjs/common';
import { TenantDb, type TenantTransaction } from '@poa/db';
import { QUEUES, type PdfVariant } from '@poa/jobs';
import { FileNotFoundError, type FileStorage } from '@poa/storage';
import { AppError } from '../core/errors';
import { OutboxService } from '../outbox/outbox.service';
import { FILE_STORAGE } from '../storage/storage.module';
import type { PdfAnswer as SentPdf } from '../core/send-pdf';
import { PdfsRepository, type RenderRow, type RenderTarget } from './pdfs.repository';

export interface PdfRenderView {
  status: 'queued' | 'rendering' | 'ready' | 'failed';
  version: number;
  kind: 'final' | 'preview';
  variant: PdfVariant;
  error: string | null;
  sha256: string | null;
  size: number | null;
  pageCount: number | null;
  renderMs: number | null;
  readyAt: string | null;
}

export type PdfAnswer = SentPdf<PdfRenderView>;

const view = (r: RenderRow): PdfRenderView => ({
  status: r.status,
  version: r.version,
  kind: r.kind,
  variant: r.variant,
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
    private readonly renders: PdfsRepository,
    private readonly outbox: OutboxService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  /**
   * The approved version's PDF; `clientId` restricts it to one client's cases (portal contacts). The standard render
   * is queued at approval; the amazon and certificate variants the first time they are asked for.
   */
  async approved(caseId: string, clientId?: string, variant: PdfVariant = 'standard'): Promise<PdfAnswer> {
    if (variant !== 'standard') {
      return this.db
        .transaction(async (tx) => {
          const found = await this.renders.approvedVersion(tx, caseId, clientId);
          if (!found) throw AppError.notFound('Case');
          if (!found.id || found.version === null) throw new AppError('NOT_FOUND', 'This case has no approved version yet');
          return this.ensure(tx, { caseId, draftVersionId: found.id, version: found.version, kind: 'final', variant }, found.reference);
        })
        .then((row) => this.answer(row));
    }
    const row = await this.renders.approved(caseId, clientId);
    if (!row) throw AppError.notFound('Case');
    if (!row.approved_version_id || !row.status) throw new AppError('NOT_FOUND', 'This case has no approved version yet');
    return this.answer(row);
  }

  /**
   * A version's PDF, queued the first time it is asked for: standard, a DRAFT-marked preview; amazon, the clean copy of
   * an approved version (a DRAFT-marked one before approval); certificate, only for a version a client approved.
   */
  async preview(caseId: string, version: number, variant: PdfVariant = 'standard'): Promise<PdfAnswer> {
    return this.db
      .transaction(async (tx) => {
        const found = await this.renders.draftVersion(tx, caseId, version);
        if (!found) throw AppError.notFound('Draft version');
        if (variant === 'certificate' && !found.approved) throw new AppError('NOT_FOUND', `Version ${version} has no client approval`);
        const kind = variant !== 'standard' && found.approved ? 'final' : 'preview';
        return this.ensure(tx, { caseId, draftVersionId: found.id, version, kind, variant }, found.reference);
      })
      .then((row) => this.answer(row));
  }

  /** The render of a final version of a variant (the portal's earlier approved versions). */
  async finalVariant(target: Omit<RenderTarget, 'kind'>, reference: string): Promise<PdfAnswer> {
    return this.db.transaction((tx) => this.ensure(tx, { ...target, kind: 'final' }, reference)).then((row) => this.answer(row));
  }

  private async ensure(tx: TenantTransaction, target: RenderTarget, reference: string) {
    if (await this.renders.insertRender(tx, target)) {
      await this.outbox.add(tx, {
        queue: QUEUES.pdfRender,
        payload: {
          tenantId: tx.tenantId,
          caseId: target.caseId,
          draftVersionId: target.draftVersionId,
          kind: target.kind,
          variant: target.variant,
        },
      });
    }
    return this.renders.render(tx, target, reference);
  }

  /** A render that failed for good is queued again under a new job id (the failed job keeps the old one). */
  async retry(caseId: string): Promise<PdfRenderView> {
    return this.db.transaction(async (tx) => {
      const row = await this.renders.lockFinal(tx, caseId);
      if (!row) throw AppError.notFound('Approved PDF');
      if (row.status !== 'failed') throw new AppError('CONFLICT', `The PDF is ${row.status}; only a failed render can be retried`);
      await this.renders.requeueFinal(tx, row.draft_version_id);
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
    const file = await this.readStored({
      storageKey: row.storage_key,
      draftVersionId: row.draft_version_id,
      kind: row.kind,
      variant: row.variant,
    });
    if (!file) return { ready: false, render: { ...view(row), status: 'queued' } };
    const suffix = `${row.variant === 'standard' ? '' : `-${row.variant}`}${row.kind === 'preview' ? '-draft' : ''}`;
    return { ready: true, file, fileName: `${row.reference}-v${row.version}${suffix}.pdf`, etag: `"${row.sha256}"` };
  }

  /**
   * A ready render's file, or null when storage no longer has it (a wiped disk or bucket, a restored database):
   * the render is then queued again (one request wins the row) and the caller answers 202 instead of failing.
   */
  async readStored(render: {
    storageKey: string;
    draftVersionId: string;
    kind: 'final' | 'preview';
    variant: PdfVariant;
  }): Promise<Buffer | null> {
    try {
      return await this.storage.get(render.storageKey);
    } catch (error) {
      if (!(error instanceof FileNotFoundError)) throw error;
    }
    await this.db.transaction(async (tx) => {
      const caseId = await this.renders.requeueReady(tx, render);
      if (!caseId) return;
      this.logger.warn(`Stored PDF ${render.storageKey} is missing: rendering it again`);
      // A job id of its own: the finished job under the version's id may still be remembered by BullMQ.
      await this.outbox.add(tx, {
        queue: QUEUES.pdfRender,
        payload: { tenantId: tx.tenantId, caseId, draftVersionId: render.draftVersionId, kind: render.kind, variant: render.variant },
        repeat: { reason: 'rerender' },
      });
    });
    return null;
  }
}
