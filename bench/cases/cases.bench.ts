/*
 * Listing, filtering and searching cases through the real API against a minimal node:http + pg baseline running
 * the same SQL, on 100 tenants x 2,000 cases, 50 concurrent keep-alive connections, requests spread over tenants.
 * Run: npx tsx bench/cases/cases.bench.ts   (prints tables; writes bench/cases/results.json and plans.txt)
 * Knobs: BENCH_SLICE_S (seconds per slice, default 2.5), BENCH_ROUNDS (slices per variant, default 4),
 * BENCH_POOL (pg pool per server, default 20), BENCH_TENANTS, BENCH_CASES, BENCH_SKIP_BUILD=1 (use the API already compiled in dist/server),
 * BENCH_COMPARE_DIR=<another checkout with its API built in dist/server>: measures that build too ("api_compare"),
 * interleaved with this one, to tell a change's effect from the machine's drift.
 * BENCH_PROFILE=1: samples the API's CPU (inspector) during each workload's measured rounds and prints what each
 * layer costs per request (profiles in $TMPDIR; the sampling itself slows the API, so read ratios from another run).
 * BENCH_WORKLOADS=list,search_asin: only these workloads. open_case (GET /cases/<id>) runs on the API builds only.
 * BENCH_BIG_TENANT_CASES (default 50000, 0 = skip): one more tenant that large; the searches are then measured on it
 * against the same searches on the 2,000-case tenants (API only, interleaved).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureRedis } from '@poa/services';
import type { ChildServer } from '../lib/child-server';
import { httpTarget } from '../lib/http-get';
import { signStaffToken } from '../lib/jwt';
import { emptySamples, mergeSamples, pick, runClosedLoop, summariseSamples, type Samples } from '../lib/load';
import { processCpuMs } from '../lib/process-cpu';
import { benchOutput, loadAvg, log, machineInfo, printTable, writeJson } from '../lib/report';
import { createScratchDb } from '../lib/scratch-db';
import { BIG_TENANT_NAME, seedCases } from '../lib/seed';
import { ratio, type LoadStats } from '../lib/stats';
import { summariseProfile } from '../lib/profile-summary';
import { explainPlans } from './plans';
import { buildApi, startApi, startBaseline } from './servers';
import { assertSameAnswers } from './verify';
import { loadBenchTenants, WORKLOADS as ALL_WORKLOADS, type BenchTenant, type Workload } from './workloads';

const REPO_ROOT = path.resolve(__dirname, '../..');
const SLICE_MS = Number(process.env.BENCH_SLICE_S ?? 2.5) * 1000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const WARMUP_MS = 2000;
const CONCURRENCY = 50;
const POOL_SIZE = Number(process.env.BENCH_POOL ?? 20);
const TENANTS = Number(process.env.BENCH_TENANTS ?? 100);
const CASES_PER_TENANT = Number(process.env.BENCH_CASES ?? 2000);
const PROFILE = process.env.BENCH_PROFILE === '1';
const ONLY = process.env.BENCH_WORKLOADS?.split(',');
const WORKLOADS = ALL_WORKLOADS.filter((w) => !ONLY || ONLY.includes(w.key));
const BIG_TENANT_CASES = Number(process.env.BENCH_BIG_TENANT_CASES ?? 50_000);
const TARGETS = { apiP95Ms: 50, cpuPerRequestVsRlsBaseline: 1.5, throughputVsRawBaseline: 0.65, bigTenantSearchP95Ratio: 2 };
/** Baseline header: skip the per-request user look-up (shows what that round trip costs, list only). */
const SKIP_AUTH_LOOKUP = { 'x-bench-skip-auth-lookup': '1' };

interface Variant {
  key: 'api' | 'api_compare' | 'baseline' | 'baseline_raw' | 'baseline_no_user_lookup';
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
    const seed = await seedCases(db.adminDbUrl, {
      tenants: TENANTS,
      casesPerTenant: CASES_PER_TENANT,
      clientsPerTenant: 50,
      bigTenantCases: BIG_TENANT_CASES,
    });
    log(`seeded ${JSON.stringify(seed)}`);
    const allTenants = await loadBenchTenants(db.adminDbUrl);
    const bigTenant = allTenants.find((t) => t.name === BIG_TENANT_NAME);
    const tenants = allTenants.filter((t) => t !== bigTenant);
    const jwtSecret = randomBytes(32).toString('hex');
    const tokens = new Map(allTenants.map((t) => [t.tenantId, signStaffToken(jwtSecret, { sub: t.userId, tid: t.tenantId, tv: 0 }, 3600)]));

    const plans = await explainPlans(db.appUrl, db.adminDbUrl, tenants[0], benchOutput(__dirname, 'plans.txt'));
    if (bigTenant)
      for (const plan of await explainPlans(db.appUrl, db.adminDbUrl, bigTenant, benchOutput(__dirname, 'plans-big-tenant.txt')))
        plans.push({ ...plan, key: `big_tenant_${plan.key}` });
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
      adminDbUrl: db.adminDbUrl,
      ownerUrl: db.ownerUrl,
      redisUrl: `${redis.url.replace(/\/\d*$/, '')}/3`,
      jwtSecret,
      poolSize: POOL_SIZE,
    };
    const profileFile = PROFILE ? path.join(mkdtempSync(path.join(os.tmpdir(), 'poa-bench-profile-')), 'api') : undefined;
    const api = await startApi(REPO_ROOT, env, profileFile);
    servers.push(api);
    const baseline = await startBaseline(REPO_ROOT, env);
    servers.push(baseline);
    const baselineRaw = await startBaseline(REPO_ROOT, env, 'raw');
    servers.push(baselineRaw);
    const compareDir = process.env.BENCH_COMPARE_DIR ? path.resolve(process.env.BENCH_COMPARE_DIR) : undefined;
    const apiCompare = compareDir ? await startApi(compareDir, env) : undefined;
    if (apiCompare) {
      servers.push(apiCompare);
      log(`compared build from ${compareDir}: pid ${apiCompare.pid} at ${apiCompare.baseUrl}`);
    }
    log(`API pid ${api.pid} at ${api.baseUrl}; baseline pid ${baseline.pid} at ${baseline.baseUrl}; raw baseline pid ${baselineRaw.pid}`);

    const verification: Record<string, number[]> = {};
    {
      const a = httpTarget(api.baseUrl, 4);
      const b = httpTarget(baseline.baseUrl, 4);
      const r = httpTarget(baselineRaw.baseUrl, 4);
      try {
        for (const workload of WORKLOADS.filter((w) => !w.apiOnly)) {
          const sample = [...tenants.slice(0, 5), ...(bigTenant ? [bigTenant] : [])].map((t) => ({
            path: workload.path(t),
            token: tokens.get(t.tenantId)!,
          }));
          verification[workload.key] = await assertSameAnswers(a, b, sample);
          await assertSameAnswers(a, r, sample);
        }
      } finally {
        a.close();
        b.close();
        r.close();
      }
      log(`API and baseline answer identical bodies; cases found per sample request: ${JSON.stringify(verification)}`);
    }

    const variants: Variant[] = [
      { key: 'api', server: () => api, extraHeaders: {} },
      ...(apiCompare ? [{ key: 'api_compare' as const, server: () => apiCompare, extraHeaders: {} }] : []),
      { key: 'baseline', server: () => baseline, extraHeaders: {} },
      { key: 'baseline_raw', server: () => baselineRaw, extraHeaders: {} },
      { key: 'baseline_no_user_lookup', server: () => baseline, extraHeaders: SKIP_AUTH_LOOKUP },
    ];
    const measure = async (workload: Workload, variant: Variant, durationMs: number, among = tenants): Promise<Samples> => {
      const target = httpTarget(variant.server().baseUrl, CONCURRENCY);
      try {
        return await runClosedLoop({
          concurrency: CONCURRENCY,
          durationMs,
          request: () => {
            const tenant: BenchTenant = pick(among);
            return target.getOk(workload.path(tenant), { authorization: `Bearer ${tokens.get(tenant.tenantId)}`, ...variant.extraHeaders });
          },
        });
      } finally {
        target.close();
      }
    };

    /**
     * The searches on the big tenant against the same searches on the normal tenants, interleaved: through the API, and
     * through the RLS baseline (the same SQL and search setting with little else, so its latency is mostly the database's).
     */
    async function measureBigTenantSearch(big: BenchTenant) {
      const rows: Record<string, string | number>[] = [];
      const out: Record<string, { normal: LoadStats; big: LoadStats; p95Ratio: number; verdict: string }> = {};
      for (const workload of ALL_WORKLOADS.filter((w) => w.key.startsWith('search_'))) {
        for (const variant of variants.filter((v) => v.key === 'api' || v.key === 'baseline')) {
          const normal = emptySamples();
          const large = emptySamples();
          await measure(workload, variant, WARMUP_MS, [big]);
          for (let round = 0; round < ROUNDS; round += 1) {
            mergeSamples(normal, await measure(workload, variant, SLICE_MS));
            mergeSamples(large, await measure(workload, variant, SLICE_MS, [big]));
          }
          const [n, b] = [summariseSamples(normal), summariseSamples(large)];
          const p95Ratio = ratio(b.p95Ms, n.p95Ms);
          const verdict = p95Ratio <= TARGETS.bigTenantSearchP95Ratio ? 'PASS' : 'MISS';
          out[`${workload.key}/${variant.key}`] = { normal: n, big: b, p95Ratio, verdict };
          rows.push({
            workload: workload.key,
            server: variant.key,
            [`${CASES_PER_TENANT} cases req/s`]: n.reqPerSec,
            [`${CASES_PER_TENANT} p50/p95 ms`]: `${n.p50Ms} / ${n.p95Ms}`,
            [`${BIG_TENANT_CASES} cases req/s`]: b.reqPerSec,
            [`${BIG_TENANT_CASES} p50/p95 ms`]: `${b.p50Ms} / ${b.p95Ms}`,
            'p95 big/normal': p95Ratio,
            [`<= ${TARGETS.bigTenantSearchP95Ratio}`]: verdict,
          });
        }
      }
      printTable(`Search on a ${BIG_TENANT_CASES}-case tenant vs ${CASES_PER_TENANT}-case tenants`, rows);
      return out;
    }

    let profileIndex = 0;
    const profiles: Record<string, ReturnType<typeof summariseProfile>> = {};
    const results: Record<string, Record<string, LoadStats & { serverCpuMsPerRequest: number }>> = {};
    const tableRows: Record<string, string | number>[] = [];
    for (const workload of WORKLOADS) {
      const used = variants.filter((v) =>
        workload.apiOnly ? v.key.startsWith('api') : v.key !== 'baseline_no_user_lookup' || workload.key === 'list',
      );
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
          const profiling = profileFile && variant.key === 'api';
          if (profiling) process.kill(pid, 'SIGWINCH');
          mergeSamples(merged.get(variant.key)!, await measure(workload, variant, SLICE_MS));
          if (profiling) process.kill(pid, 'SIGWINCH');
          cpuMs.set(variant.key, cpuMs.get(variant.key)! + processCpuMs(pid) - cpuBefore);
          // Two signals close together arrive as one: the next slice may be the API's again.
          if (profiling) await new Promise((resolve) => setTimeout(resolve, 300));
        }
      }
      if (profileFile) {
        const files = Array.from({ length: ROUNDS }, (_, i) => `${profileFile}.${profileIndex + i}.cpuprofile`);
        // The API writes each profile when sampling stops; on a loaded machine the last one can take seconds.
        for (let waited = 0; waited < 30_000 && !files.every((file) => existsSync(file)); waited += 250) {
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
        profileIndex += ROUNDS;
        profiles[workload.key] = summariseProfile(files, merged.get('api')!.latenciesMs.length);
        printTable(`API CPU per request by layer, ${workload.key} (sampled over ${ROUNDS} slices)`, profiles[workload.key]);
      }
      const stats = Object.fromEntries(
        [...merged].map(([k, s]) => {
          const summary = summariseSamples(s);
          return [k, { ...summary, serverCpuMsPerRequest: Math.round((cpuMs.get(k)! / summary.requests) * 1000) / 1000 }];
        }),
      ) as Record<string, LoadStats & { serverCpuMsPerRequest: number }>;
      results[workload.key] = stats;
      const apiStats = stats.api;
      const base = stats.baseline as (typeof stats)['api'] | undefined;
      for (const [key, s] of Object.entries(stats)) {
        tableRows.push({
          workload: workload.key,
          server: key,
          'req/s': s.reqPerSec,
          'p50 ms': s.p50Ms,
          'p95 ms': s.p95Ms,
          'p99 ms': s.p99Ms,
          errors: s.errors,
          'req/s vs RLS baseline': base ? ratio(s.reqPerSec, base.reqPerSec) : '-',
          'req/s vs raw baseline': base ? ratio(s.reqPerSec, stats.baseline_raw.reqPerSec) : '-',
          'server CPU ms/req': s.serverCpuMsPerRequest,
          ...(stats.api_compare ? { 'CPU/req vs compared': ratio(s.serverCpuMsPerRequest, stats.api_compare.serverCpuMsPerRequest) } : {}),
        });
      }
      log(
        `${workload.key}: API ${apiStats.reqPerSec} req/s p95 ${apiStats.p95Ms} ms` +
          (base ? `; baseline ${base.reqPerSec} req/s p95 ${base.p95Ms} ms` : ''),
      );
    }

    const verdicts = WORKLOADS.filter((w) => !w.apiOnly).map((w) => {
      const s = results[w.key];
      const throughput = ratio(s.api.reqPerSec, s.baseline_raw.reqPerSec);
      const cpu = ratio(s.api.serverCpuMsPerRequest, s.baseline.serverCpuMsPerRequest);
      return {
        workload: w.key,
        query: w.description,
        'API p95 ms': s.api.p95Ms,
        [`p95 < ${TARGETS.apiP95Ms}`]: s.api.p95Ms < TARGETS.apiP95Ms ? 'PASS' : 'MISS',
        'CPU/req API/RLS baseline': cpu,
        [`<= ${TARGETS.cpuPerRequestVsRlsBaseline}`]: cpu <= TARGETS.cpuPerRequestVsRlsBaseline ? 'PASS' : 'MISS',
        'CPU/req API/raw baseline': ratio(s.api.serverCpuMsPerRequest, s.baseline_raw.serverCpuMsPerRequest),
        'req/s API/raw baseline': throughput,
        [`>= ${TARGETS.throughputVsRawBaseline}`]: throughput >= TARGETS.throughputVsRawBaseline ? 'PASS' : 'MISS',
        'req/s API/RLS baseline': ratio(s.api.reqPerSec, s.baseline.reqPerSec),
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
    const apiOnly = WORKLOADS.filter((w) => w.apiOnly && results[w.key].api_compare);
    if (apiOnly.length)
      printTable(
        'API against the compared build (no bare server serves these)',
        apiOnly.map((w) => ({
          workload: w.key,
          'API/compared req/s': ratio(results[w.key].api.reqPerSec, results[w.key].api_compare.reqPerSec),
          'CPU/req API/compared': ratio(results[w.key].api.serverCpuMsPerRequest, results[w.key].api_compare.serverCpuMsPerRequest),
        })),
      );

    const bigTenantSearch = bigTenant ? await measureBigTenantSearch(bigTenant) : null;

    // A profiled run's figures are slowed by the sampling: they go next to the profiles, not over results.json.
    const resultsFile = profileFile ? path.join(path.dirname(profileFile), 'results.json') : benchOutput(__dirname, 'results.json');
    if (profileFile) log(`profiles and figures in ${path.dirname(profileFile)}`);
    writeJson(resultsFile, {
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
        baseline:
          'node:http + pg, same SQL (user look-up + list), each one round trip BEGIN READ ONLY; set_config; query; COMMIT, as the app role (RLS)',
        baseline_raw: 'node:http + pg, no RLS (superuser), explicit tenant_id = $1, named prepared statements, no transaction',
        bigTenantCases: BIG_TENANT_CASES,
      },
      verification,
      plans,
      ...(profileFile ? { profiles } : {}),
      workloads: Object.fromEntries(WORKLOADS.map((w) => [w.key, { query: w.description, ...results[w.key] }])),
      bigTenantSearch,
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
