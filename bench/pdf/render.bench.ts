/*
 * PDF rendering benchmark: warm long-lived browser vs a browser per job, and memory over a soak.
 * Run: npx tsx bench/pdf/render.bench.ts   (prints a table, writes bench/pdf/results.json)
 * Sizes can be reduced for a quick look: BENCH_WARM=20 BENCH_BASELINE=5 BENCH_SOAK=50.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensurePdfBrowser } from '../../tools/services/index';
import { PdfRenderer, renderPoaHtml, type PoaRenderInput } from '../../libs/pdf/src/index';
import { samplePoaDocument } from '../../libs/pdf/test/sample-poa';
import { benchOutput } from '../lib/report';

const WARM_RENDERS = Number(process.env.BENCH_WARM ?? 60);
const BASELINE_RENDERS = Number(process.env.BENCH_BASELINE ?? 20);
const SOAK_RENDERS = Number(process.env.BENCH_SOAK ?? 500);
const WARMUP_RENDERS = 10;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const TARGETS = { warmP50Ms: 150, pdfsPerSecond: 5, speedupVsBaseline: 5, rssGrowthPct: 25 };

interface LatencyStats {
  renders: number;
  p50Ms: number;
  p95Ms: number;
  meanMs: number;
  pdfsPerSecond: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function stats(latencies: number[], wallMs: number): LatencyStats {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    renders: latencies.length,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    meanMs: Math.round(latencies.reduce((a, b) => a + b, 0) / latencies.length),
    pdfsPerSecond: Number(((latencies.length / wallMs) * 1000).toFixed(2)),
  };
}

interface PoolRun {
  latencies: number[];
  wallMs: number;
}

/** Runs `total` jobs with `concurrency` workers; returns each job's latency and the wall time. */
async function runPool(total: number, concurrency: number, job: () => Promise<number>): Promise<PoolRun> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next += 1;
        latencies.push(await job());
      }
    }),
  );
  return { latencies, wallMs: performance.now() - started };
}

const statsOf = (runs: PoolRun[]): LatencyStats =>
  stats(
    runs.flatMap((run) => run.latencies),
    runs.reduce((sum, run) => sum + run.wallMs, 0),
  );

/** RSS (MiB) of this Node process plus every process of the browser's process group. */
function rssMiB(browserPid: number | undefined): { nodeMiB: number; chromiumMiB: number; totalMiB: number } {
  const nodeKiB = process.memoryUsage().rss / 1024;
  let chromiumKiB = 0;
  if (browserPid) {
    const out = execFileSync('ps', ['-e', '-o', 'pgid=,rss=']).toString();
    for (const line of out.split('\n')) {
      const [pgid, rss] = line.trim().split(/\s+/).map(Number);
      if (pgid === browserPid) chromiumKiB += rss;
    }
  }
  const round = (kib: number) => Math.round(kib / 1024);
  return { nodeMiB: round(nodeKiB), chromiumMiB: round(chromiumKiB), totalMiB: round(nodeKiB + chromiumKiB) };
}

async function main(): Promise<void> {
  const executablePath = await ensurePdfBrowser({ log: () => undefined });
  const input: PoaRenderInput = renderPoaHtml(samplePoaDocument());
  const loadBefore = os.loadavg();

  // Warm pool: one long-lived browser.
  const warm = new PdfRenderer({ executablePath, recycleAfter: 10_000 });
  await warm.start();
  let pageCount = 0;
  for (let i = 0; i < WARMUP_RENDERS; i++) pageCount = (await warm.render(input)).pageCount;
  // Latency = wall time of render() as the caller sees it (context close included), like the baseline's.
  const timedRender = async () => {
    const started = performance.now();
    await warm.render(input);
    return Math.round(performance.now() - started);
  };
  // Same renderer, flags, binary and document; only the browser's lifetime differs (and no page is
  // prepared for a next job that this browser will never serve).
  const browserPerJob = async () => {
    const started = performance.now();
    const renderer = new PdfRenderer({ executablePath, prepareAhead: false });
    try {
      await renderer.render(input);
    } finally {
      await renderer.close();
    }
    return Math.round(performance.now() - started);
  };

  // Warm (concurrency 1) and the baseline alternate in rounds: the machine is shared, and load that
  // comes and goes then weighs on both alike instead of on whichever ran at that moment.
  const warmRuns: PoolRun[] = [];
  const baselineRuns: PoolRun[] = [];
  const roundRatios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const warmRun = await runPool(Math.ceil(WARM_RENDERS / ROUNDS), 1, timedRender);
    const baselineRun = await runPool(Math.ceil(BASELINE_RENDERS / ROUNDS), 1, browserPerJob);
    warmRuns.push(warmRun);
    baselineRuns.push(baselineRun);
    roundRatios.push(median(baselineRun.latencies) / median(warmRun.latencies));
  }
  const warmC1 = statsOf(warmRuns);
  const baseline = statsOf(baselineRuns);
  const warmC2 = statsOf([await runPool(WARM_RENDERS, 2, timedRender)]);
  console.error(`warm done: c1 p50 ${warmC1.p50Ms} ms, c2 p50 ${warmC2.p50Ms} ms, baseline p50 ${baseline.p50Ms} ms`);

  // Memory soak on the same browser (no recycling, so growth is not hidden by a fresh browser).
  const pid = await warm.browserPid();
  const rssBefore = rssMiB(pid);
  const soak = statsOf([await runPool(SOAK_RENDERS, 2, timedRender)]);
  const rssAfter = rssMiB(await warm.browserPid());
  await warm.close();
  const rssGrowthPct = Number((((rssAfter.totalMiB - rssBefore.totalMiB) / rssBefore.totalMiB) * 100).toFixed(1));
  console.error(`soak done: ${rssBefore.totalMiB} -> ${rssAfter.totalMiB} MiB`);

  const speedup = Number((baseline.p50Ms / warmC1.p50Ms).toFixed(1));
  const bestThroughput = Math.max(warmC1.pdfsPerSecond, warmC2.pdfsPerSecond);
  const checks = {
    warmP50: { value: warmC1.p50Ms, target: `< ${TARGETS.warmP50Ms} ms`, pass: warmC1.p50Ms < TARGETS.warmP50Ms },
    throughput: { value: bestThroughput, target: `>= ${TARGETS.pdfsPerSecond} PDFs/s`, pass: bestThroughput >= TARGETS.pdfsPerSecond },
    speedup: { value: speedup, target: `>= ${TARGETS.speedupVsBaseline}x`, pass: speedup >= TARGETS.speedupVsBaseline },
    rssGrowth: { value: rssGrowthPct, target: `< ${TARGETS.rssGrowthPct} %`, pass: rssGrowthPct < TARGETS.rssGrowthPct },
  };
  const chromiumVersion = execFileSync(executablePath, ['--version']).toString().trim();
  const results = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      loadAvgBefore: loadBefore,
      loadAvgAfter: os.loadavg(),
    },
    chromium: chromiumVersion,
    document: { pages: pageCount, htmlBytes: input.html.length },
    warm: { concurrency1: warmC1, concurrency2: warmC2 },
    baselineBrowserPerJob: baseline,
    soak: { renders: soak.renders, concurrency: 2, p50Ms: soak.p50Ms, p95Ms: soak.p95Ms, rssBefore, rssAfter, rssGrowthPct },
    speedupWarmVsBaseline: speedup,
    speedupPerRound: {
      rounds: ROUNDS,
      median: Number(median(roundRatios).toFixed(1)),
      min: Number(Math.min(...roundRatios).toFixed(1)),
      max: Number(Math.max(...roundRatios).toFixed(1)),
    },
    checks,
  };

  const row = (name: string, s: LatencyStats) =>
    `${name.padEnd(30)} ${String(s.renders).padStart(5)} ${String(s.p50Ms).padStart(8)} ${String(s.p95Ms).padStart(8)} ${String(s.pdfsPerSecond).padStart(8)}`;
  console.log(
    `\nPDF render benchmark: ${pageCount}-page POA, ${chromiumVersion}, ${os.cpus().length} CPUs, load ${loadBefore.map((l) => l.toFixed(1)).join(' ')}`,
  );
  console.log(`${'scenario'.padEnd(30)} ${'jobs'.padStart(5)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'PDF/s'.padStart(8)}`);
  console.log(row('warm, concurrency 1', warmC1));
  console.log(row('warm, concurrency 2', warmC2));
  console.log(row('browser per job (baseline)', baseline));
  console.log(row(`soak (${SOAK_RENDERS}, concurrency 2)`, soak));
  console.log(`RSS node+chromium: ${rssBefore.totalMiB} MiB -> ${rssAfter.totalMiB} MiB after ${SOAK_RENDERS} renders (${rssGrowthPct} %)`);
  console.log(
    `warm vs baseline (p50): ${speedup}x; per round (${ROUNDS} interleaved rounds): median ${median(roundRatios).toFixed(1)}x, ${Math.min(...roundRatios).toFixed(1)}-${Math.max(...roundRatios).toFixed(1)}x\n`,
  );
  for (const [name, check] of Object.entries(checks))
    console.log(`${check.pass ? 'PASS' : 'MISS'} ${name}: ${check.value} (target ${check.target})`);

  const file = benchOutput(__dirname, 'results.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
