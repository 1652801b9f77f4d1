import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createDataSource, runMigrations, sql, TenantContext, TenantDb, type InlineSql, type PreparedSql } from '@poa/db';
import { createScratchDatabase, integrationEnv } from '@poa/test-setup';
import type { DataSource } from 'typeorm';
import { caseListQuerySchema } from './cases.schemas';
import { CasesRepository } from './cases.repository';

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Index Cond'?: string;
  'Actual Rows'?: number;
  Plans?: PlanNode[];
}

const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];

/** Keeps the statements the repository would read (with their search setting) instead of running them. */
class CapturingDb extends TenantDb {
  readonly captured: { statement: InlineSql | PreparedSql; caseSearch?: string }[] = [];

  override async read<T>(statement: InlineSql | PreparedSql, opts: { tenantId?: string; caseSearch?: string } = {}): Promise<T[]> {
    this.captured.push({ statement, caseSearch: opts.caseSearch });
    return [];
  }
}

/** How PostgreSQL may plan a prepared statement: for its values (its first runs), or once for any values (later runs). */
const PLAN_MODES = ['force_custom_plan', 'force_generic_plan'] as const;

/**
 * Search under forced row-level security uses the (tenant_id, search_text) trigram index: the search pattern reaches
 * the planner as the case_search policy's condition. Checked as the app role, on the plan PostgreSQL really runs.
 */
describe('case search plan under row-level security', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let dataSource: DataSource;
  let db: TenantDb;
  const big = randomUUID();
  const small = randomUUID();

  async function seedTenant(tenantId: string, cases: number, clientName: string) {
    await db.transaction(
      async (tx) => {
        await tx.query(`INSERT INTO tenants (id, name, branding) VALUES ($1, 'Search plan agency', '{}')`, [tenantId]);
        const [client] = await tx.query<{ id: string }>(`INSERT INTO clients (tenant_id, name) VALUES ($1, $2) RETURNING id`, [
          tenantId,
          clientName,
        ]);
        await tx.query(
          `INSERT INTO cases (tenant_id, client_id, reference, title, violation_type, marketplace, asins, notice_received_at, due_at, search_text)
           SELECT $1, $2, 'POA-2026-' || lpad(g::text, 5, '0'), 'Notice ' || md5(g::text), 'product_authenticity', 'US',
                  ARRAY['B0' || upper(substr(md5(g::text), 1, 8))], now(), now() + interval '10 days',
                  lower('POA-2026-' || lpad(g::text, 5, '0') || ' Notice ' || md5(g::text) || ' ' || $3 || ' B0' || substr(md5(g::text), 1, 8))
           FROM generate_series(1, $4::int) g`,
          [tenantId, client.id, clientName, cases],
        );
      },
      { tenantId },
    );
  }

  beforeAll(async () => {
    // A database of its own: the plan depends on the table's statistics, which other suites' writes would move.
    const env = await integrationEnv();
    scratch = await createScratchDatabase(env.adminUrl, 'poa_it_plan');
    await runMigrations(scratch.ownerUrl);
    dataSource = createDataSource({ url: scratch.appUrl, poolSize: 2 });
    await dataSource.initialize();
    db = new TenantDb(dataSource);
    await seedTenant(big, 3000, 'Cedar Beacon Supplies');
    await seedTenant(small, 200, 'Cedar Beacon Supplies');
    // Other agencies: the big one holds a small share of the table, as in production (else a seq scan is cheapest).
    for (let i = 0; i < 12; i += 1) await seedTenant(randomUUID(), 1000, `Filler Client ${i}`);
    const owner = new Client({ connectionString: scratch.ownerUrl });
    await owner.connect();
    try {
      await owner.query('ANALYZE cases');
    } finally {
      await owner.end();
    }
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await scratch?.drop();
  });

  /**
   * EXPLAIN ANALYZE of the repository's list statement as the app role, with the settings TenantDb.read gives it,
   * executed as the prepared statement it is, in the plan mode given.
   */
  const explain = async (tenantId: string, mode: (typeof PLAN_MODES)[number], q?: string) => {
    const capturing = new CapturingDb(dataSource);
    const query = caseListQuerySchema.parse(q ? { q } : {});
    await TenantContext.run({ tenantId, actor: { kind: 'system', id: null, name: 'test' } }, () =>
      new CasesRepository(capturing).list(query, 'updated_at', 'desc', null, { userId: null, reviews: false }),
    );
    const [{ statement, caseSearch }] = capturing.captured;
    expect('prepared' in statement).toBe(true);
    const args = ('prepared' in statement ? statement.values : []).map((value) => sql`${value}`.text).join(', ');
    const app = new Client({ connectionString: scratch.appUrl });
    await app.connect();
    try {
      await app.query('BEGIN READ ONLY');
      await app.query(
        `SELECT set_config('app.tenant_id', $1, true), set_config('app.case_search', $2, true), set_config('plan_cache_mode', $3, true)`,
        [tenantId, caseSearch ?? '', mode],
      );
      await app.query(`PREPARE listed AS ${statement.text}`);
      const { rows } = await app.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE listed(${args})`);
      return nodes(rows[0]['QUERY PLAN'][0].Plan);
    } finally {
      await app.query('ROLLBACK');
      await app.end();
    }
  };

  it('the app role really is subject to RLS (not superuser, no BYPASSRLS)', async () => {
    const [role] = await db.read<{ rolsuper: boolean; rolbypassrls: boolean }>(
      sql`SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`,
      { tenantId: big },
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
  });

  it('a search (ASIN, reference) is an index condition on IDX_cases_tenant_search, not a filter over the tenant', async () => {
    for (const [mode, q] of PLAN_MODES.flatMap((m) => ['b0c4ca4238', 'poa-2026-01234'].map((term) => [m, term] as const))) {
      const plan = await explain(big, mode, q);
      const scan = plan.find((n) => n['Index Name'] === 'IDX_cases_tenant_search');
      expect(scan).toBeDefined();
      expect(scan!['Index Cond']).toMatch(/tenant_id = .*search_text ~~/s);
      // The bitmap holds the matches, not the tenant's 3,000 cases.
      expect(scan!['Actual Rows']).toBeLessThan(20);
    }
  });

  it('the index answers only the current tenant, and the page is the same as without the index', async () => {
    const ids = async (tenantId: string, search?: string) =>
      (
        await db.read<{ id: string }>(sql`SELECT id FROM cases WHERE search_text LIKE ${'%cedar beacon%'} ORDER BY id`, {
          tenantId,
          caseSearch: search,
        })
      ).map((r) => r.id);
    // Both tenants' cases match the pattern; each tenant sees only its own, with or without the policy's pattern.
    expect(await ids(small, '%cedar beacon%')).toEqual(await ids(small));
    expect((await ids(small, '%cedar beacon%')).length).toBe(200);
    // The pattern narrows what the statement sees: nothing outside it is visible.
    const [narrowed] = await db.read<{ n: number }>(sql`SELECT count(*)::int AS n FROM cases`, {
      tenantId: big,
      caseSearch: '%poa-2026-0001%',
    });
    expect(narrowed.n).toBe(10);
    // The setting ends with the read: the next read on a pooled connection sees the whole tenant.
    const [all] = await db.read<{ n: number }>(sql`SELECT count(*)::int AS n FROM cases`, { tenantId: big });
    expect(all.n).toBe(3000);
  });

  it('the list without a search keeps its ordered tenant index and never touches the search index', async () => {
    for (const mode of PLAN_MODES) {
      const plan = await explain(big, mode);
      expect(plan.some((n) => n['Index Name'] === 'IDX_cases_tenant_search')).toBe(false);
      expect(plan.some((n) => n['Node Type'] === 'Index Scan' && /tenant_id/.test(n['Index Cond'] ?? ''))).toBe(true);
    }
  });
});
