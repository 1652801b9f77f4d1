import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import { TenantDb, TENANT_TABLES } from '@poa/db';
import { QUEUES, type TenantExportJob } from '@poa/jobs';
import { FileNotFoundError, type FileStorage } from '@poa/storage';
import { Job, UnrecoverableError } from 'bullmq';
import { createHash } from 'node:crypto';
import { QueueProcessor } from '../queue-processor';
import { FILE_STORAGE, WORKER_CONFIG } from '../tokens';
import { buildArchive, type ArchiveEntry } from './archive';

/** Delivery machinery and credentials: not the agency's data, and never handed out. */
const SKIPPED_TABLES = new Set(['outbox', 'refresh_tokens', 'portal_login_tokens', 'tenant_exports']);
/** Secrets kept out of the archive: password and token hashes, API key hashes, webhook signing secrets. */
const REDACTED_COLUMNS = new Set(['password_hash', 'email_token_hash', 'invite_token_hash', 'token_hash', 'key_hash', 'secret']);

export const exportStorageKey = (job: TenantExportJob) => `${job.tenantId}/exports/${job.exportId}.tar.gz`;

/**
 * Builds an agency's export: one .tar.gz holding manifest.json, data/<table>.json for every table of the tenant
 * (read under its row-level security, in one transaction) and files/ with its evidence and PDFs, stored under a
 * key of its own. Runs again after a crash: the same key and row are overwritten.
 */
@Injectable()
export class TenantExportProcessor extends QueueProcessor<typeof QUEUES.tenantExport> {
  constructor(
    private readonly db: TenantDb,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(WORKER_CONFIG) config: AppConfig,
  ) {
    super(QUEUES.tenantExport, config, { concurrency: 1, lockDuration: 60_000 });
  }

  protected async process(job: Job<TenantExportJob>): Promise<{ status: string }> {
    const { tenantId, exportId } = job.data;
    const tables = await this.db.transaction(
      async (tx) => {
        const [request] = await tx.query<{ status: string }>(`SELECT status FROM tenant_exports WHERE id = $1`, [exportId]);
        if (!request) return null;
        if (request.status === 'ready') return 'ready' as const;
        const data: Record<string, Record<string, unknown>[]> = {};
        data.tenants = await tx.query(`SELECT * FROM tenants WHERE id = $1`, [tenantId]);
        for (const table of TENANT_TABLES) {
          if (SKIPPED_TABLES.has(table)) continue;
          // Row-level security already limits this to the tenant; the WHERE says so again.
          const rows = await tx.query<Record<string, unknown>>(`SELECT * FROM "${table}" WHERE tenant_id = $1`, [tenantId]);
          data[table] = rows.map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => !REDACTED_COLUMNS.has(column))));
        }
        return data;
      },
      { tenantId },
    );
    if (tables === null) throw new UnrecoverableError('No tenant_exports row for this job');
    if (tables === 'ready') return { status: 'already-built' };

    const keys = [
      ...tables.attachments.map((row) => row.storage_key),
      ...tables.pdf_renders.filter((row) => row.status === 'ready').map((row) => row.storage_key),
    ].filter((key): key is string => typeof key === 'string' && key.startsWith(`${tenantId}/`));
    const entries: ArchiveEntry[] = [];
    const missingFiles: string[] = [];
    for (const key of keys) {
      try {
        entries.push({ name: `files/${key.slice(tenantId.length + 1)}`, data: await this.storage.get(key) });
      } catch (error) {
        if (!(error instanceof FileNotFoundError)) throw error;
        missingFiles.push(key.slice(tenantId.length + 1));
      }
    }
    const manifest = {
      format: 'poa-desk-export/1',
      tenantId,
      exportId,
      createdAt: new Date().toISOString(),
      tables: Object.fromEntries(Object.entries(tables).map(([table, rows]) => [table, rows.length])),
      files: entries.length,
      missingFiles,
      redactedColumns: [...REDACTED_COLUMNS],
    };
    const archive = await buildArchive([
      { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2)) },
      ...Object.entries(tables).map(([table, rows]) => ({ name: `data/${table}.json`, data: Buffer.from(JSON.stringify(rows, null, 2)) })),
      ...entries,
    ]);
    const storageKey = exportStorageKey(job.data);
    await this.storage.put(storageKey, archive);
    const sha256 = createHash('sha256').update(archive).digest('hex');
    await this.db.transaction(
      (tx) =>
        tx.query(
          `UPDATE tenant_exports SET status = 'ready', storage_key = $2, size = $3, sha256 = $4, ready_at = now(), error = NULL WHERE id = $1`,
          [exportId, storageKey, archive.length, sha256],
        ),
      { tenantId },
    );
    return { status: 'built' };
  }

  protected override async onFailed(job: Job<TenantExportJob>, error: Error, final: boolean): Promise<void> {
    if (!final) return;
    await this.db.transaction(
      (tx) =>
        tx.query(`UPDATE tenant_exports SET status = 'failed', error = $2 WHERE id = $1 AND status <> 'ready'`, [
          job.data.exportId,
          error.message.slice(0, 500),
        ]),
      { tenantId: job.data.tenantId },
    );
  }
}
