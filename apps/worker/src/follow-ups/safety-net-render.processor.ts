import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import { TenantDb } from '@poa/db';
import { QUEUES, type SafetyNetRenderJob } from '@poa/jobs';
import { PdfRenderer } from '@poa/pdf';
import type { FileStorage } from '@poa/storage';
import { Job, UnrecoverableError } from 'bullmq';
import { QueueProcessor } from '../queue-processor';
import { FILE_STORAGE, WORKER_CONFIG } from '../tokens';

export const safetyNetStorageKey = (job: SafetyNetRenderJob) => `${job.tenantId}/safety-nets/${job.reportId}.pdf`;

/**
 * Prints a client's safety-net log: the API stored the HTML (and its hash) in safety_net_reports; this renders it
 * in the worker's Chromium, stores the file under a key of the report and marks it ready. A ready report is skipped;
 * a retried or re-relayed job overwrites the same key and row.
 */
@Injectable()
export class SafetyNetRenderProcessor extends QueueProcessor<typeof QUEUES.safetyNetRender> {
  constructor(
    private readonly db: TenantDb,
    private readonly renderer: PdfRenderer,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(WORKER_CONFIG) config: AppConfig,
  ) {
    super(QUEUES.safetyNetRender, config, { concurrency: 1, lockDuration: 15_000, stalledInterval: 5_000, maxStalledCount: 3 });
  }

  protected override stopped(): Promise<void> {
    return this.renderer.close();
  }

  protected async process(job: Job<SafetyNetRenderJob>): Promise<{ status: string }> {
    const data = job.data;
    const report = await this.db.transaction(
      async (tx) => {
        const [row] = await tx.query<{ html: string; status: string; title: string; author: string }>(
          `SELECT r.html, r.status, 'Safety-net log ' || c.name AS title, c.name AS author
           FROM safety_net_reports r JOIN clients c ON c.id = r.client_id WHERE r.id = $1`,
          [data.reportId],
        );
        return row;
      },
      { tenantId: data.tenantId },
    );
    if (!report) throw new UnrecoverableError('No safety_net_reports row for this job');
    if (report.status === 'ready') return { status: 'already-rendered' };
    const result = await this.renderer.render({ html: report.html, title: report.title, author: report.author, paperSize: 'A4' });
    const storageKey = safetyNetStorageKey(data);
    await this.storage.put(storageKey, result.pdf);
    await this.db.transaction(
      (tx) =>
        tx.query(`UPDATE safety_net_reports SET status = 'ready', storage_key = $2, size_bytes = $3, error = NULL WHERE id = $1`, [
          data.reportId,
          storageKey,
          result.pdf.length,
        ]),
      { tenantId: data.tenantId },
    );
    return { status: 'rendered' };
  }

  protected override async onFailed(job: Job<SafetyNetRenderJob>, error: Error, final: boolean): Promise<void> {
    if (!final) return;
    await this.db.transaction(
      (tx) =>
        tx.query(`UPDATE safety_net_reports SET status = 'failed', error = $2 WHERE id = $1`, [
          job.data.reportId,
          error.message.slice(0, 500),
        ]),
      { tenantId: job.data.tenantId },
    );
  }
}
