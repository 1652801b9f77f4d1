import { randomUUID } from 'node:crypto';
import { integrationEnv } from '@poa/test-setup';
import { createDataSource, sql, TenantDb } from '@poa/db';
import type { DataSource } from 'typeorm';

/** TenantDb.read: the tenant setting and the statement pipelined in one round trip, as named prepared statements. */
describe('TenantDb.read (one round trip, cached plans)', () => {
  let dataSource: DataSource;
  let db: TenantDb;
  const tenants = [randomUUID(), randomUUID(), randomUUID()];
  const clientIds = new Map<string, string>();

  beforeAll(async () => {
    const env = await integrationEnv();
    // One connection: every read below shares the same session, its prepared statements and its plan cache.
    dataSource = createDataSource({ url: env.appUrl, poolSize: 1 });
    await dataSource.initialize();
    db = new TenantDb(dataSource);
    for (const tenantId of tenants) {
      await db.transaction(
        async (tx) => {
          await tx.query(`INSERT INTO tenants (id, name, branding) VALUES ($1, 'T', '{}')`, [tenantId]);
          const [row] = await tx.query<{ id: string }>(`INSERT INTO clients (tenant_id, name) VALUES ($1, $2) RETURNING id`, [
            tenantId,
            `Client of ${tenantId}`,
          ]);
          clientIds.set(tenantId, row.id);
        },
        { tenantId },
      );
    }
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  const byId = (id: string) => sql.prepared(`SELECT id, tenant_id, name, created_at FROM clients WHERE id = $1::uuid`, [id]);

  it('a cached plan never carries one tenant into the next read on the same connection', async () => {
    for (let i = 0; i < 12; i += 1) {
      for (const tenantId of tenants) {
        const own = await db.read<{ tenant_id: string }>(byId(clientIds.get(tenantId)!), { tenantId });
        expect(own.map((r) => r.tenant_id)).toEqual([tenantId]);
        const other = tenants[(tenants.indexOf(tenantId) + 1) % tenants.length];
        expect(await db.read(byId(clientIds.get(other)!), { tenantId })).toEqual([]);
      }
    }
    // After more than five executions PostgreSQL switches to the cached generic plan: the policy must hold there too.
    const [stats] = await db.read<{ generic_plans: string }>(
      sql`SELECT generic_plans FROM pg_prepared_statements WHERE statement LIKE 'SELECT id, tenant_id, name, created_at FROM clients%'`,
      { tenantId: tenants[0] },
    );
    expect(Number(stats.generic_plans)).toBeGreaterThan(0);
  });

  it('the setting ends with the read: the pooled connection does not keep the tenant', async () => {
    const [inside] = await db.read<{ t: string }>(sql.prepared(`SELECT current_setting('app.tenant_id', true) AS t`), {
      tenantId: tenants[1],
    });
    expect(inside.t).toBe(tenants[1]);
    const after = await dataSource.query(
      `SELECT NULLIF(current_setting('app.tenant_id', true), '') AS t, current_setting('transaction_read_only') AS ro`,
    );
    expect(after[0]).toEqual({ t: null, ro: 'off' });
  });

  it('is read-only: a write through read() fails and changes nothing', async () => {
    const tenantId = tenants[0];
    const id = clientIds.get(tenantId)!;
    await expect(
      db.read(sql.prepared(`UPDATE clients SET name = 'changed' WHERE id = $1::uuid RETURNING id`, [id]), { tenantId }),
    ).rejects.toThrow(/read-only transaction/);
    await expect(db.read(sql`UPDATE clients SET name = 'changed' RETURNING id`, { tenantId })).rejects.toThrow(/read-only transaction/);
    const [row] = await db.read<{ name: string }>(byId(id), { tenantId });
    expect(row.name).toBe(`Client of ${tenantId}`);
  });

  it('after a failed read the connection and its statements keep working', async () => {
    const tenantId = tenants[2];
    const badValue = sql.prepared(`SELECT id FROM clients WHERE id = $1::uuid`, ['not-a-uuid']);
    await expect(db.read(badValue, { tenantId })).rejects.toThrow(/invalid input syntax for type uuid/);
    // The same text again, now valid: its statement is re-prepared (or reused) without "already exists".
    expect(await db.read(sql.prepared(`SELECT id FROM clients WHERE id = $1::uuid`, [clientIds.get(tenantId)]), { tenantId })).toEqual([
      { id: clientIds.get(tenantId) },
    ]);
    await expect(db.read(sql.prepared(`SELEC broken`), { tenantId })).rejects.toThrow(/syntax error/);
    await expect(db.read(sql`SELECT * FROM no_such_table`, { tenantId })).rejects.toThrow(/does not exist/);
    const rows = await db.read<{ tenant_id: string }>(byId(clientIds.get(tenantId)!), { tenantId });
    expect(rows.map((r) => r.tenant_id)).toEqual([tenantId]);
  });

  it('a value that cannot be serialised fails the read, not the connection', async () => {
    const tenantId = tenants[0];
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    await expect(db.read(sql.prepared(`SELECT $1::jsonb AS doc`, [circular]), { tenantId })).rejects.toThrow(/circular/i);
    expect(await db.read(sql.prepared(`SELECT 1 AS one`), { tenantId })).toEqual([{ one: 1 }]);
  });

  it('parses values exactly as pg does (dates, numbers, nulls, arrays)', async () => {
    const tenantId = tenants[0];
    const text = `SELECT created_at, 42::int AS n, NULL::text AS nothing, ARRAY['a','b'] AS list, $1::jsonb AS doc FROM clients WHERE id = $2::uuid`;
    const values = [{ a: 1 }, clientIds.get(tenantId)];
    const [viaRead] = await db.read(sql.prepared(text, values), { tenantId });
    const [viaPg] = await db.transaction((tx) => tx.query(text, values), { tenantId });
    expect(viaRead).toEqual(viaPg);
    expect(viaRead.created_at).toBeInstanceOf(Date);
  });

  it('keeps tenants apart under concurrency on a shared pool', async () => {
    const pooled = createDataSource({ url: (dataSource.options as { url: string }).url, poolSize: 3 });
    await pooled.initialize();
    try {
      const shared = new TenantDb(pooled);
      const reads = Array.from({ length: 90 }, (_, i) => tenants[i % tenants.length]).map(async (tenantId) => {
        const rows = await shared.read<{ tenant_id: string }>(sql.prepared(`SELECT tenant_id FROM clients`), { tenantId });
        return rows.every((r) => r.tenant_id === tenantId) && rows.length === 1;
      });
      expect(await Promise.all(reads)).toEqual(Array(90).fill(true));
    } finally {
      await pooled.destroy();
    }
  });
});
