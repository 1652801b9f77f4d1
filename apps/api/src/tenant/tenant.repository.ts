import { Injectable } from '@nestjs/common';
import { columnsOf, sql, TenantDb, TenantExport, type TenantTransaction } from '@poa/db';

const EXPORT = columnsOf(TenantExport, ['id', 'status', 'size', 'sha256', 'error', 'createdAt', 'readyAt', 'storageKey']);
export type TenantExportRow = typeof EXPORT.$row;

/** The statements on tenant_exports. */
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

  async findExport(id: string): Promise<TenantExportRow | undefined> {
    const [row] = await this.db.read<TenantExportRow>(sql`SELECT ${sql.raw(EXPORT.columns)} FROM tenant_exports WHERE id = ${id}`);
    return row;
  }
}
