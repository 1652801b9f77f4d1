import { Inject, Injectable } from '@nestjs/common';
import { TenantContext, TenantDb } from '@poa/db';
import { enqueue, QUEUES } from '@poa/jobs';
import type { FileStorage } from '@poa/storage';
import { AppError } from '../core/errors';
import { AuditService } from '../identity/audit/audit.service';
import { FILE_STORAGE } from '../storage/storage.module';
import { tenantExportView } from './tenant-views';
import { TenantRepository } from './tenant.repository';

/** The agency as a whole: exporting all of its data. */
@Injectable()
export class TenantService {
  constructor(
    private readonly db: TenantDb,
    private readonly tenants: TenantRepository,
    private readonly audit: AuditService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  /** Records the request and queues the worker's job in the same transaction; the archive is built in the background. */
  async requestExport() {
    const { tenantId, actor } = TenantContext.require();
    return this.db.transaction(async (tx) => {
      const row = await this.tenants.insertExport(tx, actor.id as string);
      await enqueue(tx, { queue: QUEUES.tenantExport, payload: { tenantId, exportId: row.id } });
      await this.audit.record(tx, { type: 'tenant.export_requested', targetType: 'tenant_export', targetId: row.id });
      return tenantExportView(row);
    });
  }

  async getExport(id: string) {
    const row = await this.tenants.findExport(id);
    if (!row) throw AppError.notFound('Export');
    return tenantExportView(row);
  }

  /** The archive's bytes once ready; 409 CONFLICT before (the status says when to come back). */
  async archive(id: string): Promise<{ data: Buffer; fileName: string }> {
    const row = await this.tenants.findExport(id);
    if (!row) throw AppError.notFound('Export');
    if (row.status !== 'ready' || !row.storage_key)
      throw new AppError('CONFLICT', `The export is ${row.status}, not ready`, { status: row.status });
    const date = new Date(row.created_at).toISOString().slice(0, 10);
    return { data: await this.storage.get(row.storage_key), fileName: `poa-desk-export-${date}-${row.id.slice(0, 8)}.tar.gz` };
  }
}
