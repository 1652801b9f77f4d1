import { writeFileSync } from 'node:fs';
import { Client } from 'pg';
import type { BenchTenant } from './workloads';
import { listSql, searchPattern, type ListQuery } from './list-sql';

const TRGM_INDEX = 'IDX_cases_tenant_search';

export interface PlanSummary {
  key: string;
  executionMs: number;
  trigramIndexUsed: boolean;
  topNodes: string;
}

function summarise(key: string, plan: string): PlanSummary {
  const execution = /Execution Time: ([\d.]+) ms/.exec(plan);
  const scans = plan
    .split('\n')
    .filter((l) => /(Index|Seq|Bitmap Heap) Scan/.test(l) && !/CTE Scan/.test(l))
    .map((l) =>
      l
        .trim()
        .replace(/\s+\(cost.*$/, '')
        .replace(/^->\s*/, '')
        .replace(/"IDX_(\w{6})\w*"/, 'IDX_$1…'),
    );
  return {
    key,
    executionMs: execution ? Number(execution[1]) : NaN,
    trigramIndexUsed: plan.includes(TRGM_INDEX),
    topNodes: scans.join(' | '),
  };
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the API's list SQL as the app role with the tenant set (RLS applies), plus, for
 * contrast, the search predicate as the superuser with an explicit tenant filter (no RLS): shows whether the
 * trigram index could be used at all. Each is run once first so the plan reflects a warm cache, like the load.
 */
export async function explainPlans(appUrl: string, adminDbUrl: string, tenant: BenchTenant, file: string): Promise<PlanSummary[]> {
  const queries: { key: string; query: ListQuery }[] = [
    { key: 'list', query: { limit: 50 } },
    {
      key: 'filter',
      query: { limit: 50, status: ['intake', 'drafting', 'internal_review'], overdue: true, violationType: 'product_authenticity' },
    },
    { key: 'search_client', query: { limit: 50, q: tenant.clientTerms[0] } },
    { key: 'search_asin', query: { limit: 50, q: tenant.asins[0] } },
    { key: 'search_reference', query: { limit: 50, q: tenant.references[0] } },
  ];
  const sections: string[] = [
    `EXPLAIN (ANALYZE, BUFFERS) of GET /api/v1/cases SQL (bench/cases/list-sql.ts = CasesRepository.list), tenant ${tenant.tenantId}.`,
    'Run as the app role poa_app inside BEGIN READ ONLY + set_config(app.tenant_id, app.case_search): row-level security applies.',
  ];
  const summaries: PlanSummary[] = [];
  const app = new Client({ connectionString: appUrl });
  const admin = new Client({ connectionString: adminDbUrl });
  await app.connect();
  await admin.connect();
  try {
    for (const { key, query } of queries) {
      const statement = listSql(query).text;
      await app.query('BEGIN READ ONLY');
      await app.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.case_search', $2, true)`, [
        tenant.tenantId,
        searchPattern(query) ?? '',
      ]);
      await app.query(statement);
      const { rows } = await app.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement}`);
      await app.query('COMMIT');
      const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      summaries.push(summarise(key, plan));
      sections.push(`\n===== ${key} (app role, RLS) ${JSON.stringify(query)}\n${statement.trim()}\n\n${plan}`);
    }
    const contrast = `SELECT c.id FROM cases c WHERE c.tenant_id = '${tenant.tenantId}' AND c.search_text LIKE '%${tenant.clientTerms[0].toLowerCase()}%' ORDER BY c.updated_at DESC, c.id DESC LIMIT 51`;
    await admin.query(contrast);
    const { rows } = await admin.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${contrast}`);
    const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    summaries.push(summarise('contrast_no_rls_search_client', plan));
    sections.push(
      `\n===== contrast: same search predicate as the superuser (RLS bypassed), explicit tenant filter\n${contrast}\n\n${plan}`,
    );
  } finally {
    await app.end();
    await admin.end();
  }
  writeFileSync(file, `${sections.join('\n')}\n`);
  return summaries;
}
