import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import { TenantContext, TenantDb } from '@poa/db';
import { enqueue, QUEUES } from '@poa/jobs';
import type { FileStorage } from '@poa/storage';
import { AppError } from '../core/errors';
import { AuditService } from '../identity/audit/audit.service';
import { APP_CONFIG } from '../core/tokens';
import { FILE_STORAGE } from '../storage/storage.module';
import { tenantExportView } from './tenant-views';
import { TenantRepository } from './tenant.repository';

/** The agency as a whole: exporting all of its data, and deleting it after a grace period. */
@Injectable()
export class TenantService {
  constructor(
    private readonly db: TenantDb,
    private readonly tenants: TenantRepository,
    private readonly audit: AuditService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Schedules the purge of every row and file of the agency TENANT_DELETION_GRACE_DAYS from now (the worker runs it
   * when due). The owner confirms by typing the agency's name; until the purge begins any owner may cancel.
   */
  async scheduleDeletion(confirmName: string) {
    const { actor } = TenantContext.require();
    return this.db.transaction(async (tx) => {
      const tenant = await this.tenants.lockDeletionState(tx);
      if (!tenant) throw AppError.notFound('Agency');
      if (confirmName.trim() !== tenant.name.trim())
        throw AppError.validation([{ field: 'confirmName', message: "does not match the agency's name" }]);
      if (tenant.deletion_scheduled_for)
        throw new AppError('CONFLICT', 'A deletion of this agency is already scheduled', {
          deletionScheduledFor: new Date(tenant.deletion_scheduled_for).toISOString(),
        });
      const at = await this.tenants.scheduleDeletion(tx, actor.id as string, this.config.TENANT_DELETION_GRACE_DAYS);
      const deletionScheduledFor = new Date(at).toISOString();
      await this.audit.record(tx, { type: 'tenant.deletion_scheduled', targetType: 'tenant', metadata: { deletionScheduledFor } });
      return { deletionScheduledFor };
    });
  }

  /** Cancels a scheduled deletion; 404 when none is scheduled, 409 once the purge has begun. */
  async cancelDeletion() {
    return this.db.transaction(async (tx) => {
      const tenant = await this.tenants.lockDeletionState(tx);
      if (!tenant?.deletion_scheduled_for) throw new AppError('NOT_FOUND', 'No deletion of this agency is scheduled');
      if (tenant.deletion_started_at) throw new AppError('CONFLICT', 'The deletion has begun and can no longer be cancelled');
      await this.tenants.cancelDeletion(tx);
      await this.audit.record(tx, { type: 'tenant.deletion_cancelled', targetType: 'tenant' });
      return { deletionScheduledFor: null };
    });
  }

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
