/*
 * What PostgreSQL spends on the case list's SQL sent with its values inline (parsed and planned on every request)
 * against the same SQL as a named prepared statement (planned once per connection, a generic plan after five runs),
 * as the app role under RLS, one connection, one statement at a time: 10 tenants x 2,000 cases and one of 50,000.
 * Prints the mean time per statement of each and whether PostgreSQL settled on a generic plan.
 * Run: npx tsx bench/cases/prepared-vs-inline.ts   (BENCH_SHOW_PLANS=1 prints each prepared plan)
 */
import path from 'node:path';
import { Client } from 'pg';
import { sql } from '@poa/db';
import { createScratchDb } from '../lib/scratch-db';
import { BIG_TENANT_NAME, seedCases } from '../lib/seed';
import { listSql, rawListSql, searchPattern, type ListQuery } from './list-sql';
import { loadBenchTenants } from './workloads';

const RUNS = { fast: 1500, slow: 300 };

/** The raw baseline's prepared text with its tenant predicates taken out: under RLS the policy supplies them. */
function preparedUnderRls(tenantId: string, query: ListQuery) {
  const raw = rawListSql(tenantId, query);
  const text = raw.text
    .replace('c.tenant_id = $1', '$1::uuid IS NOT NULL')
    .replace(' AND cl.tenant_id = $1', '')
    .replace(' AND u.tenant_id = $1', '');
  return { text, values: raw.values };
}

async function timePerRun(runs: number, run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < runs; i++) await run();
  return (performance.now() - started) / runs;
}

async function main() {
  const db = await createScratchDb(path.resolve(__dirname, '../..'), (m) => console.log(`[bench] ${m}`));
  try {
    await seedCases(db.adminDbUrl, { tenants: 10, casesPerTenant: 2000, clientsPerTenant: 50, bigTenantCases: 50000 });
    const tenants = await loadBenchTenants(db.adminDbUrl);
    const app = new Client({ connectionString: db.appUrl });
    await app.connect();
    for (const tenant of [tenants[0], tenants.find((t) => t.name === BIG_TENANT_NAME)!]) {
      const big = tenant.name === BIG_TENANT_NAME;
      const queries: Record<string, ListQuery> = {
        list: { limit: 50 },
        filter: { limit: 50, status: ['intake', 'drafting', 'internal_review'], overdue: true, violationType: 'product_authenticity' },
        search_asin: { limit: 50, q: tenant.asins[0] },
        search_reference: { limit: 50, q: tenant.references[0] },
        search_client: { limit: 50, q: tenant.clientTerms[0] },
      };
      for (const [key, query] of Object.entries(queries)) {
        await app.query(`SELECT set_config('app.tenant_id', $1, false), set_config('app.case_search', $2, false)`, [
          tenant.tenantId,
          searchPattern(query) ?? '',
        ]);
        const runs = big || key === 'search_client' || key === 'search_reference' ? RUNS.slow : RUNS.fast;
        const inline = listSql(query).text;
        const prepared = { name: `bench_${key}_${big ? 'big' : 'normal'}`, ...preparedUnderRls(tenant.tenantId, query) };
        const inlineMs = await timePerRun(runs, () => app.query(inline));
        const preparedMs = await timePerRun(runs, () => app.query(prepared));
        const args = prepared.values.map((value) => sql`${value}`.text).join(', ');
        const plan = (await app.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) EXECUTE ${prepared.name}(${args})`)).rows
          .map((row) => row['QUERY PLAN'])
          .join('\n');
        console.log(
          `${(big ? '50,000 cases' : '2,000 cases').padEnd(13)} ${key.padEnd(17)} inline ${inlineMs.toFixed(3)} ms  prepared ${preparedMs.toFixed(3)} ms  ` +
            `prepared/inline ${(preparedMs / inlineMs).toFixed(2)}  generic plan: ${/\$\d/.test(plan) ? 'yes' : 'no'}`,
        );
        if (process.env.BENCH_SHOW_PLANS === '1') console.log(plan);
      }
    }
    await app.end();
  } finally {
    await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
