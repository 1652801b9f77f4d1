import type { ClientBase } from 'pg';

/**
 * Every table with a tenant_id column (plus tenants itself) must have row-level security enabled AND forced
 * and at least one policy that reads app.tenant_id. Returns the offenders with what is wrong.
 */
export async function findTablesWithoutTenantIsolation(client: ClientBase): Promise<{ table: string; problem: string }[]> {
  const { rows } = await client.query<{ table: string; rls: boolean; forced: boolean; tenant_policies: number }>(`
    SELECT c.relname AS table, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
           (SELECT count(*)::int FROM pg_policies p
             WHERE p.schemaname = n.nspname AND p.tablename = c.relname
               AND (p.qual LIKE '%app.tenant_id%' OR p.with_check LIKE '%app.tenant_id%')) AS tenant_policies
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r'
      AND (c.relname = 'tenants' OR EXISTS (
        SELECT 1 FROM information_schema.columns col
        WHERE col.table_schema = 'public' AND col.table_name = c.relname AND col.column_name = 'tenant_id'))
    ORDER BY c.relname`);
  const problems: { table: string; problem: string }[] = [];
  for (const row of rows) {
    if (!row.rls) problems.push({ table: row.table, problem: 'row-level security is not enabled' });
    else if (!row.forced) problems.push({ table: row.table, problem: 'row-level security is not forced' });
    if (row.tenant_policies === 0) problems.push({ table: row.table, problem: 'no policy reads app.tenant_id' });
  }
  return problems;
}

/** Tables carrying tenant_id without an index whose first column is tenant_id. */
export async function findTenantColumnsWithoutIndex(client: ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ table: string }>(`
    SELECT col.table_name AS table FROM information_schema.columns col
    WHERE col.table_schema = 'public' AND col.column_name = 'tenant_id'
      AND NOT EXISTS (
        SELECT 1 FROM pg_index i
        JOIN pg_class t ON t.oid = i.indrelid
        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = i.indkey[0]
        WHERE t.relname = col.table_name AND a.attname = 'tenant_id')
    ORDER BY 1`);
  return rows.map((r) => r.table);
}
