import { Injectable } from '@nestjs/common';
import { columnsOf, sql, Tenant, TenantDb, type TenantTransaction } from '@poa/db';

const SETTINGS = columnsOf(Tenant, ['submissionSettings']);
export type SubmissionSettingsRow = typeof SETTINGS.$row;

/** The agency's Seller Central settings, on its own tenant row. */
@Injectable()
export class SubmissionSettingsRepository {
  constructor(private readonly db: TenantDb) {}

  async current(): Promise<SubmissionSettingsRow | undefined> {
    const [row] = await this.db.read<SubmissionSettingsRow>(
      sql`SELECT ${sql.raw(SETTINGS.columns)} FROM tenants WHERE id = current_setting('app.tenant_id')::uuid`,
    );
    return row;
  }

  async currentIn(tx: TenantTransaction): Promise<SubmissionSettingsRow | undefined> {
    const [row] = await tx.query<SubmissionSettingsRow>(
      `SELECT ${SETTINGS.columns} FROM tenants WHERE id = current_setting('app.tenant_id')::uuid`,
    );
    return row;
  }

  async setLimits(tx: TenantTransaction, limits: Record<string, number | null>): Promise<SubmissionSettingsRow> {
    const [row] = await tx.query<SubmissionSettingsRow>(
      `UPDATE tenants SET submission_settings = submission_settings || jsonb_build_object('limits', $1::jsonb), updated_at = now()
       WHERE id = current_setting('app.tenant_id')::uuid RETURNING ${SETTINGS.columns}`,
      [JSON.stringify(limits)],
    );
    return row;
  }
}
