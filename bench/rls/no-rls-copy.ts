import { Client } from 'pg';

/**
 * cases_norls: the same rows and indexes as cases, no row-level security, owned by the owner role and readable by
 * the app role. Returns a random sample of (id, tenant) pairs to look up.
 */
export async function createNoRlsCopy(adminDbUrl: string, sampleSize = 50_000): Promise<{ id: string; tenantId: string }[]> {
  const db = new Client({ connectionString: adminDbUrl });
  await db.connect();
  try {
    await db.query('CREATE TABLE cases_norls (LIKE cases INCLUDING ALL EXCLUDING INDEXES)');
    await db.query('INSERT INTO cases_norls SELECT * FROM cases');
    // The same indexes as cases, built after the load (building a trigram GIN row by row is slow).
    await db.query(`SET maintenance_work_mem = '256MB'`);
    await db.query('ALTER TABLE cases_norls ADD PRIMARY KEY (id)');
    const { rows: indexes } = await db.query<{ name: string; definition: string }>(
      `SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS definition FROM pg_index
       WHERE indrelid = 'cases'::regclass AND NOT indisprimary`,
    );
    for (const index of indexes) {
      const definition = index.definition
        .replace(' ON public.cases ', ' ON public.cases_norls ')
        .replace(index.name, `"norls_${index.name.replace(/"/g, '')}"`);
      if (!definition.includes('cases_norls')) throw new Error(`cannot copy index: ${index.definition}`);
      await db.query(definition);
    }
    await db.query('ALTER TABLE cases_norls OWNER TO poa_owner');
    await db.query('GRANT SELECT ON cases_norls TO poa_app');
    await db.query('VACUUM (ANALYZE) cases_norls');
    await db.query('VACUUM (ANALYZE) cases');
    const { rows } = await db.query<{ id: string; tenant_id: string }>(
      `SELECT id, tenant_id FROM cases ORDER BY random() LIMIT ${sampleSize}`,
    );
    return rows.map((r) => ({ id: r.id, tenantId: r.tenant_id }));
  } finally {
    await db.end();
  }
}

export interface RlsCheck {
  appRole: string;
  superuser: boolean;
  bypassRls: boolean;
  casesForced: boolean;
  rowsWithoutTenant: number;
  rowsWithTenant: number;
  norlsRowsVisible: number;
}

/** Proves, as the app role, that RLS filters cases (and not cases_norls): otherwise the comparison means nothing. */
export async function checkRlsApplies(appUrl: string, tenantId: string): Promise<RlsCheck> {
  const db = new Client({ connectionString: appUrl });
  await db.connect();
  try {
    const role = await db.query<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean }>(
      'SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user',
    );
    const forced = await db.query<{ relforcerowsecurity: boolean }>(`SELECT relforcerowsecurity FROM pg_class WHERE relname = 'cases'`);
    const without = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases');
    await db.query('BEGIN');
    await db.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    const withTenant = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases');
    await db.query('COMMIT');
    const norls = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases_norls');
    const check: RlsCheck = {
      appRole: role.rows[0].rolname,
      superuser: role.rows[0].rolsuper,
      bypassRls: role.rows[0].rolbypassrls,
      casesForced: forced.rows[0].relforcerowsecurity,
      rowsWithoutTenant: without.rows[0].n,
      rowsWithTenant: withTenant.rows[0].n,
      norlsRowsVisible: norls.rows[0].n,
    };
    if (check.superuser || check.bypassRls || !check.casesForced || check.rowsWithoutTenant !== 0 || check.rowsWithTenant === 0) {
      throw new Error(`RLS does not apply to the app role as it must: ${JSON.stringify(check)}`);
    }
    return check;
  } finally {
    await db.end();
  }
}
