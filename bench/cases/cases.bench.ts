/*
 * Listing, filtering and searching cases through the real API against a minimal node:http + pg baseline running
 * the same SQL, on 100 tenants x 2,000 cases, 50 concurrent keep-alive connections, requests spread over tenants.
 * Run: npx tsx bench/cases/cases.bench.ts   (prints tables; writes bench/cases/results.json and plans.txt)
 * Knobs: BENCH_SLICE_S (seconds per slice, default 2.5), BENCH_ROUNDS (slices per variant, default 4),
 * BENCH_TENANTS, BENCH_CASES, BENCH_SKIP_BUILD=1 (use the API already compiled in dist/server),
 * BENCH_COMPARE_DIR=<another checkout with its API built in dist/server>: measures that build too ("api_compare"),
 * interleaved with this one, to tell a change's effect from the machine's drift.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { ensureRedis } from '@poa/services';
import type { ChildServer } from '../lib/child-server';
import { httpTarget } from '../lib/http-get';
import { signStaffToken } from '../lib/jwt';
import { emptySamples, mergeSamples, pick, runClosedLoop, summariseSamples, type Samples } from '../lib/load';
import { processCpuMs } from '../lib/process-cpu';
import { loadAvg, log, machineInfo, printTable, writeJson } from '../lib/report';
import { createScratchDb } from '../lib/scratch-db';
import { seedCases } from '../lib/seed';
import { ratio, type LoadStats } from '../lib/stats';
import { explainPlans } from './plans';
import { buildApi, startApi, startBaseline } from './servers';
import { assertSameAnswers } from './verify';
import { loadBenchTenants, WORKLOADS, type BenchTenant, type Workload } from './workloads';

const REPO_ROOT = path.resolve(__dirname, '../..');
const SLICE_MS = Number(process.env.BENCH_SLICE_S ?? 2.5) * 1000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const WARMUP_MS = 2000;
const CONCURRENCY = 50;
const POOL_SIZE = 20;
const TENANTS = Number(process.env.BENCH_TENANTS ?? 100);
const CASES_PER_TENANT = Number(process.env.BENCH_CASES ?? 2000);
const TARGETS = { apiP95Ms: 50, throughputVsBaseline: 0.5 };
/** Baseline header: skip the per-request user look-up (shows what that round trip costs, list only). */
const SKIP_AUTH_LOOKUP = { 'x-bench-skip-auth-lookup': '1' };

interface Variant {
  key: 'api' | 'api_compare' | 'baseline' | 'baseline_no_user_lookup';
  server: () => ChildServer;
  extraHeaders: Record<string, string>;
}

async function main() {
  const startedAt = new Date();
  const loadBefore = loadAvg();
  const build =
    process.env.BENCH_SKIP_BUILD === '1'
      ? { ok: true, seconds: 0, skipped: true }
      : (log('compiling the API ...'), buildApi(REPO_ROOT, log));
  const redis = await ensureRedis({ url: process.env.REDIS_URL, dataDir: path.join(REPO_ROOT, '.data', 'redis'), log });
  const db = await createScratchDb(REPO_ROOT, log);
  const servers: ChildServer[] = [];
  try {
    log(`seeding ${TENANTS} tenants x ${CASES_PER_TENANT} cases ...`);
    const seed = await seedCases(db.adminDbUrl, { tenants: TENANTS, casesPerTenant: CASES_PER_TENANT, clientsPerTenant: 50 });
    log(`seeded ${JSON.stringify(seed)}`);
    const tenants = await loadBenchTenants(db.adminDbUrl);
    const jwtSecret = randomBytes(32).toString('hex');
    const tokens = new Map(tenants.map((t) => [t.tenantId, signStaffToken(jwtSecret, { sub: t.userId, tid: t.tenantId, tv: 0 }, 3600)]));

    const plans = await explainPlans(db.appUrl, db.adminDbUrl, tenants[0], path.join(__dirname, 'plans.txt'));
    printTable(
      'Plans as the app role (full text in bench/cases/plans.txt)',
      plans.map((p) => ({
        query: p.key,
        'exec ms': p.executionMs,
        'trigram index': p.trigramIndexUsed ? 'used' : 'not used',
        nodes: p.topNodes,
      })),
    );

    // A separate Redis database: the API's rate-limit keys never mix with the developer's.
    const env = {
      appUrl: db.appUrl,
      ownerUrl: db.ownerUrl,
      redisUrl: `${redis.url.replace(/\/\d*$/, '')}/3`,
      jwtSecret,
      poolSize: POOL_SIZE,
    };
    const api = await startApi(REPO_ROOT, env);
    servers.push(api);
    const baseline = await startBaseline(REPO_ROOT, env);
    servers.push(baseline);
    const compareDir = process.env.BENCH_COMPARE_DIR ? path.resolve(process.env.BENCH_COMPARE_DIR) : undefined;
    const apiCompare = compareDir ? await startApi(compareDir, env) : undefined;
    if (apiCompare) {
      servers.push(apiCompare);
      log(`compared build from ${compareDir}: pid ${apiCompare.pid} at ${apiCompare.baseUrl}`);
    }
    log(`API pid ${api.pid} at ${api.baseUrl}; baseline pid ${baseline.pid} at ${baseline.baseUrl}`);

    const verification: Record<string, number[]> = {};
    {
      const a = httpTarget(api.baseUrl, 4);
      const b = httpTarget(baseline.baseUrl, 4);
      try {
        for (const workload of WORKLOADS) {
          const sample = tenants.slice(0, 5).map((t) => ({ path: workload.path(t), token: tokens.get(t.tenantId)! }));
          verification[workload.key] = await assertSameAnswers(a, b, sample);
        }
      } finally {
        a.close();
        b.close();
      }
      log(`API and baseline answer identical bodies; cases found per sample request: ${JSON.stringify(verification)}`);
    }

    const variants: Variant[] = [
      { key: 'api', server: () => api, extraHeaders: {} },
      ...(apiCompare ? [{ key: 'api_compare' as const, server: () => apiCompare, extraHeaders: {} }] : []),
      { key: 'baseline', server: () => baseline, extraHeaders: {} },
      { key: 'baseline_no_user_lookup', server: () => baseline, extraHeaders: SKIP_AUTH_LOOKUP },
    ];
    const measure = async (workload: Workload, variant: Variant, durationMs: number): Promise<Samples> => {
      const target = httpTarget(variant.server().baseUrl, CONCURRENCY);
      try {
        return await runClosedLoop({
          concurrency: CONCURRENCY,
          durationMs,
          request: () => {
            const tenant: BenchTenant = pick(tenants);
            return target.getOk(workload.path(tenant), { authorization: `Bearer ${tokens.get(tenant.tenantId)}`, ...variant.extraHeaders });
          },
        });
      } finally {
        target.close();
      }
    };

    const results: Record<string, Record<string, LoadStats & { serverCpuMsPerRequest: number }>> = {};
    const tableRows: Record<string, string | number>[] = [];
    for (const workload of WORKLOADS) {
      const used = variants.filter((v) => v.key !== 'baseline_no_user_lookup' || workload.key === 'list');
      for (const variant of used) {
        const warm = await measure(workload, variant, WARMUP_MS);
        if (warm.errors > 0) throw new Error(`${workload.key}/${variant.key}: ${warm.errors} errors in warm-up, first: ${warm.firstError}`);
      }
      const merged = new Map(used.map((v) => [v.key, emptySamples()]));
      const cpuMs = new Map(used.map((v) => [v.key, 0]));
      for (let round = 0; round < ROUNDS; round += 1) {
        const order = round % 2 === 0 ? used : [...used].reverse();
        for (const variant of order) {
          const pid = variant.server().pid;
          const cpuBefore = processCpuMs(pid);
          mergeSamples(merged.get(variant.key)!, await measure(workload, variant, SLICE_MS));
          cpuMs.set(variant.key, cpuMs.get(variant.key)! + processCpuMs(pid) - cpuBefore);
        }
      }
      const stats = Object.fromEntries(
        [...merged].map(([k, s]) => {
          const summary = summariseSamples(s);
          return [k, { ...summary, serverCpuMsPerRequest: Math.round((cpuMs.get(k)! / summary.requests) * 1000) / 1000 }];
        }),
      ) as Record<string, LoadStats & { serverCpuMsPerRequest: number }>;
      results[workload.key] = stats;
      const apiStats = stats.api;
      const base = stats.baseline;
      for (const [key, s] of Object.entries(stats)) {
        tableRows.push({
          workload: workload.key,
          server: key,
          'req/s': s.reqPerSec,
          'p50 ms': s.p50Ms,
          'p95 ms': s.p95Ms,
          'p99 ms': s.p99Ms,
          errors: s.errors,
          'req/s vs baseline': ratio(s.reqPerSec, base.reqPerSec),
          'server CPU ms/req': s.serverCpuMsPerRequest,
        });
      }
      log(
        `${workload.key}: API ${apiStats.reqPerSec} req/s p95 ${apiStats.p95Ms} ms; baseline ${base.reqPerSec} req/s p95 ${base.p95Ms} ms`,
      );
    }

    const verdicts = WORKLOADS.map((w) => {
      const s = results[w.key];
      const throughput = ratio(s.api.reqPerSec, s.baseline.reqPerSec);
      return {
        workload: w.key,
        query: w.description,
        'API p95 ms': s.api.p95Ms,
        [`p95 < ${TARGETS.apiP95Ms}`]: s.api.p95Ms < TARGETS.apiP95Ms ? 'PASS' : 'MISS',
        'API/baseline req/s': throughput,
        [`>= ${TARGETS.throughputVsBaseline}`]: throughput >= TARGETS.throughputVsBaseline ? 'PASS' : 'MISS',
        'server CPU/req API/baseline': ratio(s.api.serverCpuMsPerRequest, s.baseline.serverCpuMsPerRequest),
        ...(s.api_compare
          ? {
              'API/compared req/s': ratio(s.api.reqPerSec, s.api_compare.reqPerSec),
              'CPU/req API/compared': ratio(s.api.serverCpuMsPerRequest, s.api_compare.serverCpuMsPerRequest),
            }
          : {}),
      };
    });
    printTable(
      `GET /api/v1/cases, ${CONCURRENCY} connections, ${ROUNDS} x ${SLICE_MS / 1000} s per server per workload, pool ${POOL_SIZE}`,
      tableRows,
    );
    printTable('Targets', verdicts);

    writeJson(path.join(__dirname, 'results.json'), {
      date: startedAt.toISOString(),
      machine: { ...machineInfo(), loadAvgBefore: loadBefore, loadAvgAfter: loadAvg() },
      setup: {
        tenants: TENANTS,
        casesPerTenant: CASES_PER_TENANT,
        clientsPerTenant: 50,
        concurrency: CONCURRENCY,
        poolSize: POOL_SIZE,
        rounds: ROUNDS,
        sliceSeconds: SLICE_MS / 1000,
        seed,
        build,
        compareDir: compareDir ?? null,
        baseline: 'node:http + pg, same SQL (user look-up + list), each one round trip BEGIN READ ONLY; set_config; query; COMMIT',
      },
      verification,
      plans,
      workloads: Object.fromEntries(WORKLOADS.map((w) => [w.key, { query: w.description, ...results[w.key] }])),
      targets: { ...TARGETS, verdicts },
    });
  } finally {
    for (const server of servers.reverse()) await server.stop();
    await db.drop();
    await redis.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
