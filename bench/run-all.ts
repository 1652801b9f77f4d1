/**
 * `npm run bench`: compiles the API and worker once, runs every bench through its own entry point (each writes its
 * results JSON), then writes bench/RESULTS.md from those files: figures beside their targets, the machine, the load
 * average and the date of each run.
 *   npm run bench                          every bench (about 15 min on 2 cores)
 *   npm run bench -- --only load,pdf       some of them (names below)
 *   npm run bench -- --report              only rewrite RESULTS.md from the results files as they are
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';

const ROOT = path.join(__dirname, '..');

interface Bench {
  name: string;
  entry: string;
  results: string;
}

const BENCHES: Bench[] = [
  { name: 'rls', entry: 'bench/rls/rls.bench.ts', results: 'bench/rls/results.json' },
  { name: 'cases', entry: 'bench/cases/cases.bench.ts', results: 'bench/cases/results.json' },
  { name: 'pdf', entry: 'bench/pdf/render.bench.ts', results: 'bench/pdf/results.json' },
  { name: 'approval', entry: 'bench/pdf/approval-to-pdf.bench.ts', results: 'bench/pdf/approval-results.json' },
  { name: 'load', entry: 'bench/load/load.bench.ts', results: 'bench/load/results.json' },
];

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');

async function main() {
  const args = process.argv.slice(2);
  const reportOnly = args.includes('--report');
  const onlyArg = args.find((a, i) => args[i - 1] === '--only' || a.startsWith('--only='));
  const only = onlyArg ? onlyArg.replace(/^--only=/, '').split(',') : undefined;
  const unknown = only?.filter((name) => !BENCHES.some((b) => b.name === name)) ?? [];
  if (unknown.length) throw new Error(`unknown bench ${unknown.join(', ')}: choose from ${BENCHES.map((b) => b.name).join(', ')}`);
  const chosen = BENCHES.filter((b) => !only || only.includes(b.name));
  const ran: Record<string, { ok: boolean; seconds: number; loadBefore: string; loadAfter: string }> = {};

  if (!reportOnly) {
    log('compiling the API and the worker');
    const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '--projects=api,worker', '--outputStyle=static'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
    });
    if (build.status !== 0) throw new Error('the build failed');
    for (const bench of chosen) {
      const loadBefore = loadAverage();
      log(`${bench.name}: ${bench.entry} (load average ${loadBefore})`);
      const started = performance.now();
      const result = spawnSync(process.execPath, ['--import', 'tsx', bench.entry], {
        cwd: ROOT,
        stdio: 'inherit',
        env: { ...process.env, BENCH_SKIP_BUILD: '1' },
      });
      ran[bench.name] = {
        ok: result.status === 0,
        seconds: Math.round((performance.now() - started) / 1000),
        loadBefore,
        loadAfter: loadAverage(),
      };
      if (result.status !== 0) log(`${bench.name} failed (exit ${result.status}); its previous results stay in RESULTS.md, marked`);
    }
  }
  // Formatted as the static tier's Prettier check expects.
  const file = path.join(ROOT, 'bench/RESULTS.md');
  writeFileSync(file, await format(report(ran), { ...(await resolveConfig(file)), parser: 'markdown' }));
  log('wrote bench/RESULTS.md');
  if (Object.values(ran).some((r) => !r.ok)) process.exitCode = 1;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const read = (file: string): Json | undefined =>
  existsSync(path.join(ROOT, file)) ? JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) : undefined;
const verdict = (pass: boolean | undefined) => (pass === undefined ? '' : pass ? 'met' : 'missed');
const loadOf = (machine: Json) =>
  machine
    ? machine.loadAvgBefore
      ? `${machine.loadAvgBefore[0]} -> ${machine.loadAvgAfter?.[0]}`
      : String(machine.loadAvg?.[0] ?? '')
    : '';

function table(header: string[], rows: (string | number | undefined)[][]): string {
  const line = (cells: (string | number | undefined)[]) => `| ${cells.map((c) => (c === undefined ? '' : String(c))).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function report(ran: Record<string, { ok: boolean; seconds: number; loadBefore: string; loadAfter: string }>): string {
  const rls = read('bench/rls/results.json');
  const cases = read('bench/cases/results.json');
  const pdf = read('bench/pdf/results.json');
  const approval = read('bench/pdf/approval-results.json');
  const load = read('bench/load/results.json');
  const machine = [rls, cases, pdf, approval, load].find((r) => r?.machine?.cpuModel)?.machine;
  const out: string[] = [];
  out.push('# Benchmark results');
  out.push('');
  out.push(
    `Written by \`npm run bench\` on ${new Date().toISOString()}; machine: ${os.cpus().length} cores (${machine?.cpuModel ?? os.cpus()[0]?.model}), ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average now ${loadAverage()}. Each bench's own run date and load ` +
      'average are beside its figures: the machine is shared, so absolute figures move with its load (see bench/README.md).',
  );
  out.push('');
  out.push(
    table(
      ['bench', 'entry point', 'measured at', 'load average (1 min)', 'this run'],
      BENCHES.map((b) => {
        const r = read(b.results);
        const run = ran[b.name];
        return [
          b.name,
          `\`${b.entry}\``,
          r?.date ?? r?.measuredAt ?? 'never',
          loadOf(r?.machine) || r?.loadAverage?.[0],
          run
            ? `${run.ok ? 'ran' : 'FAILED'} in ${run.seconds} s (load ${run.loadBefore} -> ${run.loadAfter})`
            : 'not run (figures from the date shown)',
        ];
      }),
    ),
  );

  if (rls) {
    out.push('', '## RLS cost on a lookup by id (`bench/rls`)', '');
    out.push(
      table(
        ['variant', 'req/s', 'p50 ms', 'p95 ms'],
        Object.entries(rls.variants ?? {}).map(([key, v]: [string, Json]) => [
          `${key}: ${String(v.label ?? '').slice(0, 90)}`,
          v.reqPerSec,
          v.p50Ms,
          v.p95Ms,
        ]),
      ),
    );
    out.push(
      '',
      `Target: the app's path (b) within ${rls.target?.bOverAandP ?? '1.1x'} of the plain query; judged ${rls.target?.judged} (${rls.target?.verdict}).`,
    );
  }
  if (cases) {
    out.push('', '## Cases list, filter and search through the API (`bench/cases`)', '');
    const hasCompared = (cases.targets?.verdicts ?? []).some((v: Json) => v['CPU/req API/compared'] !== undefined);
    out.push(
      table(
        [
          'workload',
          'API req/s',
          'API p50/p95 ms',
          'CPU/req API/RLS baseline (target <= 1.5)',
          'CPU/req API/raw baseline',
          'req/s API/raw baseline (target >= 0.65)',
          ...(hasCompared ? ['CPU/req API/compared build'] : []),
        ],
        (cases.targets?.verdicts ?? []).map((v: Json) => {
          const w = cases.workloads?.[v.workload] ?? {};
          return [
            v.workload,
            w.api?.reqPerSec,
            `${w.api?.p50Ms}/${w.api?.p95Ms}`,
            `${v['CPU/req API/RLS baseline']} (${v['<= 1.5'] === 'PASS' ? 'met' : 'missed'})`,
            v['CPU/req API/raw baseline'],
            `${v['req/s API/raw baseline']} (${v['>= 0.65'] === 'PASS' ? 'met' : 'missed'})`,
            ...(hasCompared ? [v['CPU/req API/compared']] : []),
          ];
        }),
      ),
    );
    if (cases.setup?.compareDir)
      out.push(
        '',
        `The compared build: \`${cases.setup.compareDir}\` (see bench/cases/README.md for what it is), interleaved in the same run.`,
      );
  }
  if (pdf) {
    out.push('', '## PDF rendering (`bench/pdf/render.bench.ts`)', '');
    out.push(
      table(
        ['figure', 'value', 'target', ''],
        Object.entries(pdf.checks ?? {}).map(([name, c]: [string, Json]) => [name, c.value, c.target, verdict(c.pass)]),
      ),
    );
  }
  if (approval) {
    out.push('', '## Approval to downloadable PDF (`bench/pdf/approval-to-pdf.bench.ts`)', '');
    out.push(
      table(
        ['approvals', 'p50 ms', 'p95 ms', 'max ms', 'target', ''],
        [
          [
            approval.approvals,
            approval.p50Ms,
            approval.p95Ms,
            approval.maxMs,
            `p50 < ${approval.targetP50Ms} ms`,
            verdict(approval.p50Ms < approval.targetP50Ms),
          ],
        ],
      ),
    );
  }
  if (load) {
    const s = load.setup ?? {};
    out.push('', '## Load and scale (`bench/load`)', '');
    out.push(
      `${s.clients} concurrent clients for ${s.seconds} s, each sending its next request when the previous one answers, over ${s.agencies} agencies; mix (percent): ` +
        `${Object.entries(s.mix ?? {})
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}. One worker renders the PDFs the approvals queue. Target: zero errors (any answer but the expected 200/201).`,
    );
    const runTable = (title: string, run: Json) => {
      out.push(
        '',
        `**${title}**: ${run.reqPerSec} req/s, ${run.requests} requests, ${run.errors} errors (${verdict(run.errors === 0)}), load average ${run.loadAverageBefore?.[0]} -> ${run.loadAverageAfter?.[0]}`,
        '',
      );
      out.push(
        table(
          ['route', 'requests', 'errors', 'p50 ms', 'p95 ms', 'p99 ms'],
          Object.entries(run.routes ?? {}).map(([route, r]: [string, Json]) => [route, r.requests, r.errors, r.p50Ms, r.p95Ms, r.p99Ms]),
        ),
      );
    };
    runTable('Load, straight at one API process', load.load);
    if (load.scale) {
      runTable('Scale: through the local proxy to 1 API process', load.scale.oneApi);
      runTable('Scale: through the local proxy to 2 API processes', load.scale.twoApis);
      out.push(
        '',
        `Throughput 2 APIs / 1 API: **${load.scale.throughputRatio}x** (both behind the same proxy, the same worker, PostgreSQL and Redis on the same cores).`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
