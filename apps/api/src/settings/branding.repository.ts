import { Injectable } from '@nestjs/common';
import { columnsOf, sql, Tenant, TenantDb, type TenantTransaction, type TenantBranding } from '@poa/db';

const TENANT = columnsOf(Tenant, ['id', 'name', 'branding', 'deletionScheduledFor']);
export type TenantRow = typeof TENANT.$row;

/** The current tenant's own row (RLS lets a tenant see only itself). */
@Injectable()
export class BrandingRepository {
  constructor(private readonly db: TenantDb) {}

  async current(): Promise<TenantRow | undefined> {
    const [row] = await this.db.read<TenantRow>(
      sql`SELECT ${sql.raw(TENANT.columns)} FROM tenants WHERE id = current_setting('app.tenant_id')::uuid`,
    );
    return row;
  }

  /** Sets the name when given and merges the branding fields given into the stored branding. */
  async update(tx: TenantTransaction, name: string | null, branding: Partial<TenantBranding>): Promise<TenantRow> {
    const [row] = await tx.query<TenantRow>(
      `UPDATE tenants SET name = COALESCE($1, name), branding = branding || $2::jsonb, updated_at = now()
       WHERE id = current_setting('app.tenant_id')::uuid RETURNING ${TENANT.columns}`,
      [name, JSON.stringify(branding)],
    );
    return row;
  }
}
