import { Injectable } from '@nestjs/common';
import { columnsOf, sql, Tenant, TenantDb, type TenantTransaction } from '@poa/db';

const SETTINGS = columnsOf(Tenant, ['checkerSettings']);
export type CheckerSettingsRow = typeof SETTINGS.$row;

/** The agency's checker severities, on its own tenant row (row-level security on the tenant's id). */
@Injectable()
export class CheckerSettingsRepository {
  constructor(private readonly db: TenantDb) {}

  async current(): Promise<CheckerSettingsRow | undefined> {
    const [row] = await this.db.read<CheckerSettingsRow>(
      sql`SELECT ${sql.raw(SETTINGS.columns)} FROM tenants WHERE id = current_setting('app.tenant_id')::uuid`,
    );
    return row;
  }

  async currentIn(tx: TenantTransaction): Promise<CheckerSettingsRow | undefined> {
    const [row] = await tx.query<CheckerSettingsRow>(
      `SELECT ${SETTINGS.columns} FROM tenants WHERE id = current_setting('app.tenant_id')::uuid`,
    );
    return row;
  }

  async replace(tx: TenantTransaction, settings: { rules: Record<string, string>; maxLength: number | null }): Promise<CheckerSettingsRow> {
    const [row] = await tx.query<CheckerSettingsRow>(
      `UPDATE tenants SET checker_settings = $1::jsonb, updated_at = now()
       WHERE id = current_setting('app.tenant_id')::uuid RETURNING ${SETTINGS.columns}`,
      [JSON.stringify(settings)],
    );
    return row;
  }
}
