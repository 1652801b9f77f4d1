import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import { TenantDb } from '@poa/db';
import { emitWebhookEvent, QUEUES, recordCaseEvent, type PdfRenderJob } from '@poa/jobs';
import { PdfRenderer, renderPdf } from '@poa/pdf';
import { inSpan, TENANT_ATTRIBUTE } from '@poa/telemetry';
import type { FileStorage } from '@poa/storage';
import { Job, UnrecoverableError } from 'bullmq';
import { createHash } from 'node:crypto';
import { WorkerMetrics } from '../observability/worker-metrics';
import { QueueProcessor } from '../queue-processor';
import { FILE_STORAGE, WORKER_CONFIG } from '../tokens';
import { PdfRenderRepository } from './pdf-render.repository';
import { PoaDocumentLoader } from './poa-document.loader';

export const pdfStorageKey = (job: PdfRenderJob) =>
  `${job.tenantId}/pdfs/${job.draftVersionId}-${job.kind}${job.variant === 'standard' ? '' : `-${job.variant}`}.pdf`;

const RENDERER_ACTOR = { kind: 'system', id: null, name: 'PDF renderer' } as const;

/**
 * Renders approved POAs (and staff previews) to PDF. Idempotent per version, kind and variant: a job that runs again
 * after a crash overwrites the same storage key and the same pdf_renders row, so a version never gets two artifacts.
 */
@Injectable()
export class PdfRenderProcessor extends QueueProcessor<typeof QUEUES.pdfRender> {
  constructor(
    private readonly db: TenantDb,
    private readonly renders: PdfRenderRepository,
    private readonly loader: PoaDocumentLoader,
    private readonly renderer: PdfRenderer,
    private readonly metrics: WorkerMetrics,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(WORKER_CONFIG) config: AppConfig,
  ) {
    super(QUEUES.pdfRender, config, {
      concurrency: config.WORKER_CONCURRENCY,
      // A worker killed mid-render loses its lock after 15 s; another (or the restarted) worker then takes the job.
      lockDuration: 15_000,
      stalledInterval: 5_000,
      maxStalledCount: 3,
    });
  }

  protected override starting(): Promise<void> {
    return this.renderer.start();
  }

  /** Once the jobs in hand are finished: closes Chromium. */
  protected override stopped(): Promise<void> {
    return this.renderer.close();
  }

  protected async process(job: Job<PdfRenderJob>): Promise<{ status: string }> {
    const data = job.data;
    const claimed = await this.db.transaction(
      async (tx) => {
        const render = await this.renders.lock(tx, data);
        if (!render) return 'missing';
        if (render.status === 'ready') return 'ready';
        await this.renders.markRendering(tx, data);
        return 'claimed';
      },
      { tenantId: data.tenantId },
    );
    if (claimed === 'ready') return { status: 'already-rendered' };
    if (claimed === 'missing') throw new UnrecoverableError('No pdf_renders row for this version');

    const document = await this.loader.load(data);
    if (!document) throw new UnrecoverableError('The case or version no longer exists');
    const result = await inSpan(
      'pdf render',
      { attributes: { [TENANT_ATTRIBUTE]: data.tenantId, 'poa.pdf.kind': data.kind } },
      async (span) => {
        const rendered = await renderPdf(this.renderer, document);
        span.setAttribute('poa.pdf.pages', rendered.pageCount);
        return rendered;
      },
    );
    const storageKey = pdfStorageKey(data);
    await this.storage.put(storageKey, result.pdf);
    const sha256 = createHash('sha256').update(result.pdf).digest('hex');
    await this.db.transaction(
      async (tx) => {
        await this.renders.markReady(tx, data, {
          storageKey,
          sha256,
          size: result.pdf.length,
          pageCount: result.pageCount,
          renderMs: result.renderMs,
        });
        if (data.kind === 'final' && data.variant === 'standard') {
          await recordCaseEvent(tx, {
            caseId: data.caseId,
            type: 'pdf.ready',
            actor: RENDERER_ACTOR,
            data: { version: document.version.version, pageCount: result.pageCount, sha256 },
          });
          await emitWebhookEvent(tx, 'pdf.ready', data.caseId, {
            pdf: {
              draftVersionId: data.draftVersionId,
              version: document.version.version,
              pageCount: result.pageCount,
              sha256,
              size: result.pdf.length,
            },
          });
        }
      },
      { tenantId: data.tenantId },
    );
    this.metrics.recordRender(result.renderMs);
    return { status: 'rendered' };
  }

  protected override async onFailed(job: Job<PdfRenderJob>, error: Error, final: boolean): Promise<void> {
    if (final) this.metrics.renderFailed();
    await this.db.transaction((tx) => this.renders.markFailed(tx, job.data, final ? 'failed' : 'queued', error.message.slice(0, 500)), {
      tenantId: job.data.tenantId,
    });
  }
}
