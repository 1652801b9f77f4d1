import type { TenantExportRow } from './tenant.repository';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

export function tenantExportView(row: TenantExportRow) {
  return {
    id: row.id,
    status: row.status,
    size: row.size === null ? null : Number(row.size),
    sha256: row.sha256,
    error: row.error,
    createdAt: new Date(row.created_at).toISOString(),
    readyAt: iso(row.ready_at),
    downloadUrl: row.status === 'ready' ? `/api/v1/tenant/exports/${row.id}/archive` : null,
  };
}
