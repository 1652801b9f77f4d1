import { Injectable } from '@nestjs/common';
import { columnsOf, Tenant, type TenantBranding, type TenantTransaction } from '@poa/db';

const TENANT = columnsOf(Tenant, ['id', 'name', 'branding', 'deletionScheduledFor']);
export type TenantRow = typeof TENANT.$row;

/** The agency row a session carries (the branding settings keep their own read and update of it). */
@Injectable()
export class TenantsRepository {
  async insert(tx: TenantTransaction, tenant: { id: string; name: string; branding: TenantBranding }): Promise<TenantRow> {
    const [row] = await tx.query<TenantRow>(`INSERT INTO tenants (id, name, branding) VALUES ($1, $2, $3) RETURNING ${TENANT.columns}`, [
      tenant.id,
      tenant.name,
      JSON.stringify(tenant.branding),
    ]);
    return row;
  }

  /** A user's own agency: the row always exists. */
  async byId(tx: TenantTransaction, id: string): Promise<TenantRow> {
    const [row] = await tx.query<TenantRow>(`SELECT ${TENANT.columns} FROM tenants WHERE id = $1`, [id]);
    return row;
  }

  async current(tx: TenantTransaction): Promise<TenantRow | undefined> {
    const [row] = await tx.query<TenantRow>(`SELECT ${TENANT.columns} FROM tenants WHERE id = current_setting('app.tenant_id')::uuid`);
    return row;
  }
}
