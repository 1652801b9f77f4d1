import { Injectable } from '@nestjs/common';
import { columnsOf, sql, TenantDb, TenantExport, type TenantTransaction } from '@poa/db';

const EXPORT = columnsOf(TenantExport, ['id', 'status', 'size', 'sha256', 'error', 'createdAt', 'readyAt', 'storageKey']);
export type TenantExportRow = typeof EXPORT.$row;

export interface TenantDeletionRow {
  name: string;
  deletion_scheduled_for: Date | null;
  deletion_started_at: Date | null;
}

/** The statements on tenant_exports and on the agency's deletion schedule (its own tenants row). */
@Injectable()
export class TenantRepository {
  constructor(private readonly db: TenantDb) {}

  async insertExport(tx: TenantTransaction, requestedById: string): Promise<TenantExportRow> {
    const [row] = await tx.query<TenantExportRow>(
      `INSERT INTO tenant_exports (tenant_id, requested_by_id) VALUES (current_setting('app.tenant_id')::uuid, $1) RETURNING ${EXPORT.columns}`,
      [requestedById],
    );
    return row;
  }

  /** The agency's row, locked: a deletion request and its cancellation never interleave. */
  async lockDeletionState(tx: TenantTransaction): Promise<TenantDeletionRow | undefined> {
    const [row] = await tx.query<TenantDeletionRow>(
      `SELECT name, deletion_scheduled_for, deletion_started_at FROM tenants WHERE id = current_setting('app.tenant_id')::uuid FOR UPDATE`,
    );
    return row;
  }

  async scheduleDeletion(tx: TenantTransaction, requestedById: string, graceDays: number): Promise<Date> {
    const [row] = await tx.query<{ deletion_scheduled_for: Date }>(
      `UPDATE tenants SET deletion_scheduled_for = now() + make_interval(secs => $2 * 86400), deletion_requested_by_id = $1, updated_at = now()
       WHERE id = current_setting('app.tenant_id')::uuid RETURNING deletion_scheduled_for`,
      [requestedById, graceDays],
    );
    return row.deletion_scheduled_for;
  }

  async cancelDeletion(tx: TenantTransaction): Promise<void> {
    await tx.query(
      `UPDATE tenants SET deletion_scheduled_for = NULL, deletion_requested_by_id = NULL, updated_at = now()
       WHERE id = current_setting('app.tenant_id')::uuid AND deletion_started_at IS NULL`,
    );
  }

  async findExport(id: string): Promise<TenantExportRow | undefined> {
    const [row] = await this.db.read<TenantExportRow>(sql`SELECT ${sql.raw(EXPORT.columns)} FROM tenant_exports WHERE id = ${id}`);
    return row;
  }
}
