/*
 * What row-level security plus the per-transaction tenant setting cost on an indexed lookup by id.
 * Run: npx tsx bench/rls/rls.bench.ts   (prints a table, writes bench/rls/results.json)
 * Knobs: BENCH_SLICE_S (seconds per measured slice, default 1), BENCH_ROUNDS (default 12), BENCH_TENANTS, BENCH_CASES.
 */
import path from 'node:path';
import { Pool } from 'pg';
import { createDataSource, sql, TenantDb } from '@poa/db';
import { emptySamples, mergeSamples, pick, runClosedLoop, summariseSamples, type Samples } from '../lib/load';
import { processCpuMs } from '../lib/process-cpu';
import { benchOutput, loadAvg, log, machineInfo, printTable, writeJson } from '../lib/report';
import { createScratchDb } from '../lib/scratch-db';
import { seedCases } from '../lib/seed';
import { ratio } from '../lib/stats';
import { checkRlsApplies, createNoRlsCopy } from './no-rls-copy';

const REPO_ROOT = path.resolve(__dirname, '../..');
const SLICE_MS = Number(process.env.BENCH_SLICE_S ?? 1) * 1000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 12);
const WARMUP_MS = 2000;
const CONCURRENCY = 50;
const POOL_SIZE = 20;
const TENANTS = Number(process.env.BENCH_TENANTS ?? 100);
const CASES_PER_TENANT = Number(process.env.BENCH_CASES ?? 2000);
const TARGET_RATIO = 1.1;

const COLUMNS = 'id, reference, title, status, due_at, updated_at';

interface Target {
  id: string;
  tenantId: string;
}

type Variant = { key: string; label: string; run: (t: Target) => Promise<unknown[]> };

function expectOne(rows: unknown[]): void {
  if (rows.length !== 1) throw new Error(`expected 1 row, got ${rows.length}`);
}

async function main() {
  const startedAt = new Date();
  const loadBefore = loadAvg();
  const db = await createScratchDb(REPO_ROOT, log);
  const pool = new Pool({ connectionString: db.appUrl, max: POOL_SIZE, application_name: 'poa-bench-rls-plain', idleTimeoutMillis: 0 });
  const admin = new Pool({ connectionString: db.adminDbUrl, max: 1 });
  const dataSource = createDataSource({ url: db.appUrl, poolSize: POOL_SIZE, applicationName: 'poa-bench-rls' });
  try {
    log(`seeding ${TENANTS} tenants x ${CASES_PER_TENANT} cases ...`);
    const seed = await seedCases(db.adminDbUrl, { tenants: TENANTS, casesPerTenant: CASES_PER_TENANT, clientsPerTenant: 50 });
    log(`seeded in ${seed.seconds} s; copying cases to cases_norls (no RLS) ...`);
    const targets = await createNoRlsCopy(db.adminDbUrl);
    const rlsCheck = await checkRlsApplies(db.appUrl, targets[0].tenantId);
    log(`RLS check as the app role: ${JSON.stringify(rlsCheck)}`);

    await dataSource.initialize();
    const tenantDb = new TenantDb(dataSource);

    const variants: Variant[] = [
      {
        key: 'a',
        label: "(a) no RLS, no tx: SELECT ... WHERE id = $1 on cases_norls, pg's default (unnamed statement, planned each time)",
        run: async (t) => (await pool.query(`SELECT ${COLUMNS} FROM cases_norls WHERE id = $1`, [t.id])).rows,
      },
      {
        key: 'p',
        label: '(p) no RLS, no tx: the same query as a named prepared statement (plan cached per connection)',
        run: async (t) =>
          (await pool.query({ name: 'bench_norls_by_id', text: `SELECT ${COLUMNS} FROM cases_norls WHERE id = $1`, values: [t.id] })).rows,
      },
      {
        key: 'b',
        label: '(b) RLS, TenantDb.read: set_config + prepared query pipelined before one Sync (1 round trip)',
        run: (t) => tenantDb.read(sql.prepared(`SELECT ${COLUMNS} FROM cases WHERE id = $1::uuid`, [t.id]), { tenantId: t.tenantId }),
      },
      {
        key: 'c',
        label: '(c) RLS, naive: BEGIN; SELECT set_config($1); query; COMMIT in 4 round trips',
        run: async (t) => {
          const client = await pool.connect();
          try {
            await client.query('BEGIN');
            await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [t.tenantId]);
            const { rows } = await client.query(`SELECT ${COLUMNS} FROM cases WHERE id = $1`, [t.id]);
            await client.query('COMMIT');
            return rows;
          } finally {
            client.release();
          }
        },
      },
      {
        key: 'd',
        label: '(d) no RLS, TenantDb.read exactly as (b), on cases_norls: the mechanism without the policy',
        run: (t) => tenantDb.read(sql.prepared(`SELECT ${COLUMNS} FROM cases_norls WHERE id = $1::uuid`, [t.id]), { tenantId: t.tenantId }),
      },
      {
        key: 'e',
        label: '(e) RLS, the previous TenantDb.read: BEGIN READ ONLY; set_config; query; COMMIT as one simple-protocol message',
        run: async (t) => {
          const client = await pool.connect();
          try {
            const text = `BEGIN READ ONLY; SELECT set_config('app.tenant_id', '${t.tenantId}', true); SELECT ${COLUMNS} FROM cases WHERE id = '${t.id}'::uuid; COMMIT`;
            const results = (await client.query(text)) as unknown as { rows: unknown[] }[];
            return results[2].rows;
          } finally {
            client.release();
          }
        },
      },
    ];

    // CPU per request of the PostgreSQL backends serving the bench (from /proc) and of this Node process: figures the
    // machine's other load barely moves, unlike req/s.
    const backendPids = async () =>
      (
        await admin.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'poa-bench-rls%'`,
        )
      ).rows.map((r) => r.pid);
    const cpu = new Map(variants.map((v) => [v.key, { requests: 0, serverMs: 0, nodeMs: 0 }]));
    const cpuPerRequestUs = (key: string, which: 'serverMs' | 'nodeMs') =>
      Math.round((cpu.get(key)![which] / cpu.get(key)!.requests) * 10_000) / 10;

    const load = (variant: Variant, durationMs: number) =>
      runClosedLoop({ concurrency: CONCURRENCY, durationMs, request: async () => expectOne(await variant.run(pick(targets))) });

    for (const variant of variants) {
      const warm = await load(variant, WARMUP_MS);
      if (warm.errors > 0) throw new Error(`${variant.label}: ${warm.errors} errors in warm-up, first: ${warm.firstError}`);
    }
    const samples = new Map<string, Samples>(variants.map((v) => [v.key, emptySamples()]));
    const rounds: Record<string, number>[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      // Rotate the order each round so drift in machine load does not always favour the same variant.
      const order = variants.map((_, i) => variants[(i + round) % variants.length]);
      const perRound: Record<string, number> = { round: round + 1 };
      for (const variant of order) {
        const pidsBefore = await backendPids();
        const serverBefore = new Map(pidsBefore.map((pid) => [pid, processCpuMs(pid)]));
        const nodeBefore = process.cpuUsage();
        const slice = await load(variant, SLICE_MS);
        const node = process.cpuUsage(nodeBefore);
        let serverMs = 0;
        for (const pid of new Set([...pidsBefore, ...(await backendPids())])) serverMs += processCpuMs(pid) - (serverBefore.get(pid) ?? 0);
        const cpuTotal = cpu.get(variant.key)!;
        cpuTotal.requests += slice.latenciesMs.length;
        cpuTotal.serverMs += serverMs;
        cpuTotal.nodeMs += (node.user + node.system) / 1000;
        mergeSamples(samples.get(variant.key)!, slice);
        perRound[`${variant.key} req/s`] = Math.round((slice.latenciesMs.length / slice.wallMs) * 1000);
      }
      rounds.push(perRound);
      if ((round + 1) % 4 === 0) log(`round ${round + 1}/${ROUNDS}: ${JSON.stringify(perRound)}`);
    }

    const stats = Object.fromEntries(variants.map((v) => [v.key, summariseSamples(samples.get(v.key)!)]));
    const a = stats.a;
    const rows = variants.map((v) => ({
      variant: v.label,
      'req/s': stats[v.key].reqPerSec,
      'p50 ms': stats[v.key].p50Ms,
      'p95 ms': stats[v.key].p95Ms,
      'PostgreSQL CPU us/req': cpuPerRequestUs(v.key, 'serverMs'),
      'Node CPU us/req': cpuPerRequestUs(v.key, 'nodeMs'),
      errors: stats[v.key].errors,
      'time ratio vs (a)': ratio(a.reqPerSec, stats[v.key].reqPerSec),
    }));
    printTable(`Lookup by id, ${CONCURRENCY} in flight, pool ${POOL_SIZE}, ${ROUNDS} x ${SLICE_MS / 1000} s per variant`, rows);
    printTable('Per round (req/s)', rounds);

    // "x% slower" = extra time per request at the same concurrency = throughput of the baseline / throughput of x.
    const PAIRS = [
      ['b', 'a'],
      ['b', 'p'],
      ['c', 'a'],
      ['d', 'a'],
      ['d', 'p'],
      ['e', 'a'],
      ['b', 'd'],
    ] as const;
    // Machine load drifts between slices: the median of per-round ratios (variants of one round ran seconds apart) is the sturdier figure.
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    const pooled: Record<string, number> = {};
    const perRoundMedian: Record<string, number> = {};
    const p95: Record<string, number> = {};
    for (const [x, base] of PAIRS) {
      const key = `${x}Over${base.toUpperCase()}`;
      pooled[key] = ratio(stats[base].reqPerSec, stats[x].reqPerSec);
      perRoundMedian[key] = ratio(median(rounds.map((r) => r[`${base} req/s`] / r[`${x} req/s`])), 1);
      p95[key] = ratio(stats[x].p95Ms, stats[base].p95Ms);
    }
    // Judged against both baselines: pg's default path (a) and the prepared plain query (p), whichever is stricter.
    const judged = Math.max(perRoundMedian.bOverA, perRoundMedian.bOverP);
    const verdict = judged < TARGET_RATIO ? 'PASS' : 'MISS';
    const line = (label: string, values: Record<string, number>) =>
      `  ${label.padEnd(18)} ${PAIRS.map(([x, base]) => `(${x})/(${base}) = ${values[`${x}Over${base.toUpperCase()}`]}`).join(', ')}\n`;
    process.stdout.write(
      `\nTime per request relative to a baseline (= req/s of the baseline / req/s of x at the same concurrency):\n` +
        line('median per round:', perRoundMedian) +
        line('pooled:', pooled) +
        line('p95 latency:', p95) +
        `Target (b)/(a) and (b)/(p) < ${TARGET_RATIO} (median per round): ${judged} -> ${verdict}\n`,
    );

    writeJson(benchOutput(__dirname, 'results.json'), {
      date: startedAt.toISOString(),
      machine: { ...machineInfo(), loadAvgBefore: loadBefore, loadAvgAfter: loadAvg() },
      setup: {
        tenants: TENANTS,
        casesPerTenant: CASES_PER_TENANT,
        concurrency: CONCURRENCY,
        poolSize: POOL_SIZE,
        rounds: ROUNDS,
        sliceSeconds: SLICE_MS / 1000,
        seedSeconds: seed.seconds,
      },
      rlsCheck,
      variants: Object.fromEntries(
        variants.map((v) => [
          v.key,
          {
            label: v.label,
            ...stats[v.key],
            postgresCpuUsPerRequest: cpuPerRequestUs(v.key, 'serverMs'),
            nodeCpuUsPerRequest: cpuPerRequestUs(v.key, 'nodeMs'),
          },
        ]),
      ),
      rounds,
      ratios: { medianPerRound: perRoundMedian, pooled, p95 },
      target: { bOverAandP: `< ${TARGET_RATIO}`, judged, verdict },
    });
  } finally {
    await pool.end().catch(() => undefined);
    await admin.end().catch(() => undefined);
    if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
    await db.drop();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
