import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { bootstrapDatabase, dropDatabase } from '@poa/services';
import { integrationEnv } from '@poa/test-setup';
import {
  createDataSource,
  findTablesWithoutTenantIsolation,
  findTenantColumnsWithoutIndex,
  MissingTenantContextError,
  runMigrations,
  sql,
  TENANT_TABLES,
  TenantContext,
  TenantDb,
} from '@poa/db';

async function connect(url: string) {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

describe('tenant isolation in PostgreSQL', () => {
  let env: Awaited<ReturnType<typeof integrationEnv>>;
  beforeAll(async () => {
    env = await integrationEnv();
  });

  it('every table with a tenant_id column has forced RLS, a tenant policy and a tenant_id index', async () => {
    const client = await connect(env.ownerUrl);
    try {
      expect(await findTablesWithoutTenantIsolation(client)).toEqual([]);
      expect(await findTenantColumnsWithoutIndex(client)).toEqual([]);
      const { rows } = await client.query(
        `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant_id' ORDER BY 1`,
      );
      expect(rows.map((r) => r.table_name).sort()).toEqual([...TENANT_TABLES].sort());
    } finally {
      await client.end();
    }
  });

  it('the app role is neither superuser, nor BYPASSRLS, nor owner of any table', async () => {
    const client = await connect(env.appUrl);
    try {
      const { rows } = await client.query(`SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`);
      expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
      const owned = await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`);
      expect(owned.rows).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it('as the app role, a query without a tenant context returns no rows; with one, only that tenant', async () => {
    const tenantA = randomUUID();
    const tenantB = randomUUID();
    const dataSource = createDataSource({ url: env.appUrl, poolSize: 2 });
    await dataSource.initialize();
    const db = new TenantDb(dataSource);
    try {
      for (const tenantId of [tenantA, tenantB]) {
        await db.transaction(
          async (tx) => {
            await tx.query(`INSERT INTO tenants (id, name, branding) VALUES ($1, 'T', '{}')`, [tenantId]);
            await tx.query(`INSERT INTO clients (tenant_id, name) VALUES ($1, $2)`, [tenantId, `Client of ${tenantId}`]);
          },
          { tenantId },
        );
      }
      const raw = await connect(env.appUrl);
      try {
        expect((await raw.query(`SELECT count(*)::int AS n FROM clients`)).rows[0].n).toBe(0);
        expect((await raw.query(`SELECT count(*)::int AS n FROM tenants`)).rows[0].n).toBe(0);
        // A forged tenant on insert is refused by WITH CHECK.
        await raw.query(`BEGIN; SELECT set_config('app.tenant_id', '${tenantA}', true)`);
        await expect(raw.query(`INSERT INTO clients (tenant_id, name) VALUES ($1, 'sneaky')`, [tenantB])).rejects.toThrow(
          /row-level security/,
        );
        await raw.query('ROLLBACK');
      } finally {
        await raw.end();
      }
      const seenByA = await db.read<{ tenant_id: string }>(sql`SELECT tenant_id FROM clients`, { tenantId: tenantA });
      expect(seenByA.map((r) => r.tenant_id)).toEqual([tenantA]);
      const seenInContext = await TenantContext.run({ tenantId: tenantB, actor: { kind: 'system', id: null, name: 'test' } }, () =>
        db.read<{ tenant_id: string }>(sql`SELECT tenant_id FROM clients`),
      );
      expect(seenInContext.map((r) => r.tenant_id)).toEqual([tenantB]);
      // The setting is transaction-local: the pooled connection forgets it.
      const [after] = await db.read<{ t: string | null }>(sql`SELECT current_setting('app.tenant_id', true) AS t`, { tenantId: tenantA });
      expect(after.t).toBe(tenantA);
      const leaked = await dataSource.query(`SELECT NULLIF(current_setting('app.tenant_id', true), '') AS t`);
      expect(leaked[0].t).toBeNull();
    } finally {
      await dataSource.destroy();
    }
  });

  it('repositories refuse to run without a tenant context', async () => {
    const dataSource = createDataSource({ url: env.appUrl, poolSize: 1 });
    await dataSource.initialize();
    try {
      const db = new TenantDb(dataSource);
      await expect(db.read(sql`SELECT 1`)).rejects.toBeInstanceOf(MissingTenantContextError);
      await expect(db.transaction(async () => 1)).rejects.toBeInstanceOf(MissingTenantContextError);
    } finally {
      await dataSource.destroy();
    }
  });

  it('the catalogue check catches a dropped policy or an unforced table (scratch database)', async () => {
    const database = `poa_rls_${randomUUID().slice(0, 8)}`;
    const { ownerUrl } = await bootstrapDatabase(env.adminUrl, { database, ownerPassword: 'poa_owner', appPassword: 'poa_app' });
    try {
      await runMigrations(ownerUrl);
      const client = await connect(ownerUrl);
      try {
        expect(await findTablesWithoutTenantIsolation(client)).toEqual([]);
        await client.query(`DROP POLICY tenant_isolation ON cases`);
        await client.query(`ALTER TABLE comments NO FORCE ROW LEVEL SECURITY`);
        expect(await findTablesWithoutTenantIsolation(client)).toEqual([
          { table: 'cases', problem: 'no policy reads app.tenant_id' },
          { table: 'comments', problem: 'row-level security is not forced' },
        ]);
      } finally {
        await client.end();
      }
    } finally {
      await dropDatabase(env.adminUrl, database);
    }
  });
});
