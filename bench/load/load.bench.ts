/**
 * Load and scale test of the real product (compiled API and worker, scratch database, Redis, Chromium):
 *   1. load: BENCH_LOAD_CLIENTS (200) concurrent clients for BENCH_LOAD_SECONDS (60 s) straight at one API, each
 *      sending its next request when the previous one answers, on a mix of reads and writes: list cases, open a
 *      case, save a draft, comment, record a client's approval (which queues a PDF render on the worker), and
 *      download a PDF. Every answer must be the expected 200/201: anything else counts as an error.
 *   2. scale: the same load through a local round-robin proxy to 1, then 2 API processes (BENCH_SCALE=0 skips it).
 * Each run signs up its own agencies, so runs never share cases. Writes bench/load/results.json.
 *   npx tsx bench/load/load.bench.ts        (BENCH_SKIP_BUILD=1 reuses dist/server)
 */
import { ensurePdfBrowser, ensureRedis, freePort } from '@poa/services';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { startChildServer, type ChildServer } from '../lib/child-server';
import { benchOutput, loadAvg, log, machineInfo, printTable, writeJson } from '../lib/report';
import { createScratchDb } from '../lib/scratch-db';
import { summarise, type LoadStats } from '../lib/stats';
import { startProxy } from './proxy';

const ROOT = path.join(__dirname, '../..');
const CLIENTS = Number(process.env.BENCH_LOAD_CLIENTS ?? 200);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const SCALE = process.env.BENCH_SCALE !== '0';
const AGENCIES = 10;
/** Cases in client review per client: each approval uses one up. */
const APPROVALS_PER_CLIENT = 2;
const ROUTES = ['list', 'open', 'save draft', 'comment', 'approve', 'download PDF'] as const;
type Route = (typeof ROUTES)[number];
/** The mix, in percent. */
const MIX: [Route, number][] = [
  ['list', 30],
  ['open', 25],
  ['save draft', 15],
  ['comment', 15],
  ['download PDF', 10],
  ['approve', 5],
];

interface Answer {
  status: number;
  body: string;
}

/** One keep-alive connection pool per target, as many sockets as clients. */
function client(baseUrl: string) {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS + 10, maxFreeSockets: CLIENTS + 10 });
  const send = (method: string, pathName: string, token?: string, body?: unknown) =>
    new Promise<Answer>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const headers: Record<string, string> = {};
      if (token) headers.authorization = `Bearer ${token}`;
      if (payload) headers['content-type'] = 'application/json';
      const req = http.request({ host: url.hostname, port: url.port, path: pathName, method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('latin1') }));
        res.on('error', reject);
      });
      req.setTimeout(60_000, () => req.destroy(new Error('no answer within 60 s')));
      req.on('error', reject);
      req.end(payload);
    });
  return { send, close: () => agent.destroy() };
}
type Client = ReturnType<typeof client>;

async function expectOk(answer: Promise<Answer>, status: number, what: string): Promise<Record<string, unknown>> {
  const res = await answer;
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status}: ${res.body.slice(0, 300)}`);
  return res.body ? (JSON.parse(res.body) as Record<string, unknown>) : {};
}

const CASE_BODY = (clientId: string) => ({
  clientId,
  title: 'Listing removed for authenticity complaint',
  violationType: 'product_authenticity',
  marketplace: 'US',
  asins: ['B00TEST001'],
  noticeText: 'We received a complaint that ASIN B00TEST001 is inauthentic.',
  noticeReceivedAt: '2026-11-20T10:00:00.000Z',
});
const DRAFT = (baseVersion: number, summary: string) => ({
  baseVersion,
  summary,
  rootCauses: [{ text: 'We bought 200 units from a liquidation lot without invoices from the brand.' }],
  correctiveActions: [{ text: 'We removed the 34 remaining units from sale on 2026-11-21.', completedAt: '2026-11-21' }],
  preventiveMeasures: [
    {
      text: 'Every supplier is verified against the brand registry.',
      owner: 'Head of sourcing',
      startDate: '2026-11-22',
      frequency: 'every order',
    },
  ],
  supportingDocuments: [],
});

interface Agency {
  token: string;
  clientId: string;
  contactId: string;
  pdfCaseId: string;
}
interface VirtualClient {
  agency: Agency;
  draftCaseId: string;
  version: number;
  toApprove: string[];
}

/** Agencies, their clients and contacts, one approved case with its PDF each, and each client's own cases. */
async function prepare(http: Client, run: string): Promise<VirtualClient[]> {
  const agencies: Agency[] = [];
  for (let a = 0; a < AGENCIES; a++) {
    const signup = await expectOk(
      http.send('POST', '/api/v1/auth/signup', undefined, {
        agencyName: `Load ${run} ${a}`,
        name: 'Owner',
        email: `owner-${run}-${a}@bench.test`,
        password: 'correct-horse-battery',
      }),
      201,
      'signup',
    );
    const token = signup.accessToken as string;
    const clientId = (
      await expectOk(http.send('POST', '/api/v1/clients', token, { name: `Seller ${a}`, marketplaces: ['US'] }), 201, 'client')
    ).id as string;
    const contactId = (
      await expectOk(
        http.send('POST', `/api/v1/clients/${clientId}/contacts`, token, { name: 'Contact', email: `c-${run}-${a}@bench.test` }),
        201,
        'contact',
      )
    ).id as string;
    agencies.push({ token, clientId, contactId, pdfCaseId: '' });
  }
  const inClientReview = async (agency: Agency) => {
    const id = (await expectOk(http.send('POST', '/api/v1/cases', agency.token, CASE_BODY(agency.clientId)), 201, 'case')).id as string;
    await expectOk(http.send('POST', `/api/v1/cases/${id}/transitions`, agency.token, { action: 'start_drafting' }), 200, 'start_drafting');
    await expectOk(http.send('POST', `/api/v1/cases/${id}/drafts`, agency.token, DRAFT(0, 'First draft')), 201, 'draft');
    await expectOk(http.send('POST', `/api/v1/cases/${id}/transitions`, agency.token, { action: 'submit_for_review' }), 200, 'submit');
    await expectOk(
      http.send('POST', `/api/v1/cases/${id}/transitions`, agency.token, { action: 'approve_internal' }),
      200,
      'approve_internal',
    );
    return id;
  };
  const approve = (agency: Agency, caseId: string) =>
    http.send('POST', `/api/v1/cases/${caseId}/transitions`, agency.token, {
      action: 'client_approve',
      contactId: agency.contactId,
      fullName: 'Bench Client',
      note: 'Approved by email',
    });
  for (const agency of agencies) {
    agency.pdfCaseId = await inClientReview(agency);
    await expectOk(approve(agency, agency.pdfCaseId), 200, 'client_approve');
  }
  const clients: VirtualClient[] = [];
  const queue = Array.from({ length: CLIENTS }, (_, i) => i);
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
        const agency = agencies[i % AGENCIES];
        const draftCaseId = (await expectOk(http.send('POST', '/api/v1/cases', agency.token, CASE_BODY(agency.clientId)), 201, 'case'))
          .id as string;
        await expectOk(
          http.send('POST', `/api/v1/cases/${draftCaseId}/transitions`, agency.token, { action: 'start_drafting' }),
          200,
          'start',
        );
        const toApprove: string[] = [];
        for (let k = 0; k < APPROVALS_PER_CLIENT; k++) toApprove.push(await inClientReview(agency));
        clients.push({ agency, draftCaseId, version: 0, toApprove });
      }
    }),
  );
  for (const agency of agencies) {
    const deadline = Date.now() + 120_000;
    while ((await http.send('GET', `/api/v1/cases/${agency.pdfCaseId}/pdf`, agency.token)).status !== 200) {
      if (Date.now() > deadline) throw new Error('the prepared PDFs were not ready within 120 s');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return clients;
}

function pickRoute(): Route {
  let roll = Math.random() * 100;
  for (const [route, weight] of MIX) {
    roll -= weight;
    if (roll < 0) return route;
  }
  return 'list';
}

interface RunResult {
  clients: number;
  seconds: number;
  requests: number;
  errors: number;
  reqPerSec: number;
  loadAverageBefore: number[];
  loadAverageAfter: number[];
  routes: Record<string, LoadStats>;
  firstErrors: string[];
}

async function runLoad(http: Client, clients: VirtualClient[]): Promise<RunResult> {
  const latencies = new Map<Route, number[]>(ROUTES.map((r) => [r, []]));
  const errors = new Map<Route, number>(ROUTES.map((r) => [r, 0]));
  const firstErrors: string[] = [];
  const loadAverageBefore = loadAvg();
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  let comment = 0;
  const one = async (c: VirtualClient): Promise<void> => {
    let route = pickRoute();
    if (route === 'approve' && c.toApprove.length === 0) route = 'list';
    const { token } = c.agency;
    const t0 = performance.now();
    let res: Answer;
    let expected = 200;
    try {
      switch (route) {
        case 'list':
          res = await http.send('GET', '/api/v1/cases?limit=25', token);
          break;
        case 'open':
          res = await http.send('GET', `/api/v1/cases/${c.draftCaseId}`, token);
          break;
        case 'save draft':
          expected = 201;
          res = await http.send('POST', `/api/v1/cases/${c.draftCaseId}/drafts`, token, DRAFT(c.version, `Draft ${c.version + 1}`));
          if (res.status === 201) c.version += 1;
          break;
        case 'comment':
          expected = 201;
          res = await http.send('POST', `/api/v1/cases/${c.draftCaseId}/comments`, token, {
            body: `Comment ${++comment}`,
            visibility: 'internal',
          });
          break;
        case 'approve': {
          const caseId = c.toApprove.shift() as string;
          res = await http.send('POST', `/api/v1/cases/${caseId}/transitions`, token, {
            action: 'client_approve',
            contactId: c.agency.contactId,
            fullName: 'Bench Client',
            note: 'Approved by email',
          });
          break;
        }
        case 'download PDF':
          res = await http.send('GET', `/api/v1/cases/${c.agency.pdfCaseId}/pdf`, token);
          break;
      }
    } catch (error) {
      res = { status: 0, body: (error as Error).message };
    }
    if (res.status === expected) latencies.get(route)!.push(performance.now() - t0);
    else {
      errors.set(route, errors.get(route)! + 1);
      if (firstErrors.length < 5) firstErrors.push(`${route}: ${res.status} ${res.body.slice(0, 200)}`);
    }
  };
  await Promise.all(
    clients.map(async (c) => {
      while (performance.now() < deadline) await one(c);
    }),
  );
  const wallMs = performance.now() - started;
  const routes = Object.fromEntries(ROUTES.map((r) => [r, summarise(latencies.get(r)!, errors.get(r)!, wallMs)]));
  const requests = Object.values(routes).reduce((n, s) => n + s.requests, 0);
  const errorCount = Object.values(routes).reduce((n, s) => n + s.errors, 0);
  return {
    clients: clients.length,
    seconds: Math.round(wallMs / 100) / 10,
    requests,
    errors: errorCount,
    reqPerSec: Math.round((requests / wallMs) * 1000),
    loadAverageBefore,
    loadAverageAfter: loadAvg(),
    routes,
    firstErrors,
  };
}

function printRun(title: string, run: RunResult) {
  printTable(
    `${title}: ${run.clients} clients, ${run.seconds} s, ${run.reqPerSec} req/s, ${run.errors} errors, load average ${run.loadAverageBefore[0]} -> ${run.loadAverageAfter[0]}`,
    ROUTES.map((r) => ({
      route: r,
      requests: run.routes[r].requests,
      errors: run.routes[r].errors,
      p50Ms: run.routes[r].p50Ms,
      p95Ms: run.routes[r].p95Ms,
      p99Ms: run.routes[r].p99Ms,
    })),
  );
  for (const e of run.firstErrors) log(`error: ${e}`);
}

async function main() {
  if (!process.env.BENCH_SKIP_BUILD) {
    log('compiling the API and the worker ...');
    execFileSync('npx', ['tsc', '-p', 'apps/api/tsconfig.app.json'], { cwd: ROOT, stdio: 'inherit' });
    execFileSync('npx', ['tsc', '-p', 'apps/worker/tsconfig.app.json'], { cwd: ROOT, stdio: 'inherit' });
  }
  const db = await createScratchDb(ROOT, log);
  const redis = await ensureRedis({ log });
  const chromium = await ensurePdfBrowser({ log });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'poa-bench-load-'));
  const queuePrefix = `poa-bench-${db.name}`;
  const redisUrl = `${redis.url.replace(/\/\d*$/, '')}/3`;
  const baseEnv = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    DATABASE_URL: db.appUrl,
    DATABASE_MIGRATION_URL: db.ownerUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: queuePrefix,
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-000',
    DATA_DIR: dataDir,
    WEB_DIST_DIR: '/nonexistent',
    PDF_BROWSER_PATH: chromium,
    RATE_LIMIT_PER_MINUTE: '1000000',
    SIGNUP_RATE_LIMIT_PER_IP: '1000000',
    LOGIN_RATE_LIMIT_PER_IP: '1000000',
  };
  const register = ['-r', './tools/runtime/register-paths.cjs'];
  const servers: ChildServer[] = [];
  const startApi = async () => {
    const port = await freePort();
    const api = await startChildServer({
      name: 'API',
      command: process.execPath,
      args: [...register, 'dist/server/apps/api/src/main.js'],
      cwd: ROOT,
      env: { ...baseEnv, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` },
      port,
      healthPath: '/health/ready',
    });
    servers.push(api);
    return api;
  };
  try {
    const workerPort = await freePort();
    servers.push(
      await startChildServer({
        name: 'worker',
        command: process.execPath,
        args: [...register, 'dist/server/apps/worker/src/main.js'],
        cwd: ROOT,
        env: { ...baseEnv, WORKER_HEALTH_PORT: String(workerPort) },
        port: workerPort,
        healthPath: '/health',
      }),
    );
    const first = await startApi();
    const measure = async (name: string, baseUrl: string): Promise<RunResult> => {
      const http = client(baseUrl);
      try {
        log(`${name}: preparing ${AGENCIES} agencies and ${CLIENTS} clients' cases`);
        const clients = await prepare(http, `${name.replace(/\W/g, '')}${Date.now().toString(36)}`);
        log(`${name}: ${CLIENTS} clients for ${SECONDS} s`);
        const run = await runLoad(http, clients);
        printRun(name, run);
        return run;
      } finally {
        http.close();
      }
    };
    const load = await measure('load, one API', first.baseUrl);
    let scale: { oneApi: RunResult; twoApis: RunResult; throughputRatio: number } | undefined;
    if (SCALE) {
      const proxyOne = await startProxy([first.baseUrl], CLIENTS + 10);
      const oneApi = await measure('scale, proxy to 1 API', proxyOne.url).finally(() => proxyOne.close());
      const second = await startApi();
      const proxyTwo = await startProxy([first.baseUrl, second.baseUrl], CLIENTS + 10);
      const twoApis = await measure('scale, proxy to 2 APIs', proxyTwo.url).finally(() => proxyTwo.close());
      scale = { oneApi, twoApis, throughputRatio: Math.round((twoApis.reqPerSec / oneApi.reqPerSec) * 100) / 100 };
      log(`scale: 2 APIs / 1 API throughput = ${scale.throughputRatio}`);
    }
    writeJson(benchOutput(__dirname, 'results.json'), {
      date: new Date().toISOString(),
      machine: machineInfo(),
      setup: { clients: CLIENTS, seconds: SECONDS, agencies: AGENCIES, mix: Object.fromEntries(MIX), workers: 1, databasePoolPerApi: 20 },
      targets: { errors: 0 },
      load,
      scale,
    });
  } finally {
    for (const server of servers.reverse()) await server.stop();
    await db.drop();
    await deleteKeys(redisUrl, `${queuePrefix}:*`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function deleteKeys(url: string, pattern: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
