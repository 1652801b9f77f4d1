import type Redis from 'ioredis';
import jwt from 'jsonwebtoken';
import { PinoLogger } from 'nestjs-pino';
import { symbols } from 'pino';
import { REDIS } from '../core/tokens';
import { createCase, createClient, expectStatus } from '../cases/case-test-helpers';
import { JWT_ALGORITHM, JWT_ISSUER, jwtKey, STAFF_AUDIENCE } from '../identity/auth/tokens.service';
import { ApiMetrics } from '../observability/api-metrics';
import { addStaff, createApiKey, signupAgency, startTestApi, type HttpResponse, type TestApi } from '../../test/harness';
import { FastCaseReads } from './fast-case-reads';

/** Headers that differ between any two answers (the clock, the connection) or are compared on their own. */
const NOT_COMPARED = new Set(['date', 'connection', 'keep-alive', 'x-ratelimit-remaining', 'retry-after']);

const comparedHeaders = (res: HttpResponse) => Object.fromEntries([...res.headers].filter(([name]) => !NOT_COMPARED.has(name)));

interface Probe {
  name: string;
  path: string;
  token?: string;
  method?: string;
  headers?: Record<string, string>;
  /** Whether the fast path answers it itself (when on); everything else goes to the full pipeline. */
  fast: boolean;
}

/**
 * The fast case reads against the full pipeline on one server: every request is sent with the fast path on, then
 * off, and must get the same status, body and headers; the requests it should serve itself must really be served
 * by it, and the others must not.
 */
describe('the fast case reads answer exactly as the full pipeline', () => {
  let api: TestApi;
  let fast: FastCaseReads;
  const logLines: string[] = [];
  beforeAll(async () => {
    api = await startTestApi({ LOG_LEVEL: 'info' });
    fast = api.app.get(FastCaseReads);
    // The request log, as written: every logger of the app writes to the root logger's stream.
    const stream = (PinoLogger.root as unknown as Record<symbol, { write(line: string): boolean }>)[symbols.streamSym];
    stream.write = (line: string) => logLines.push(line) > 0;
  });
  afterAll(async () => {
    await api?.close();
  });

  const requestCounts = async () => {
    const metric = await api.app.get(ApiMetrics).registry.getSingleMetric('poa_http_requests_total')!.get();
    return new Map(metric.values.map((v) => [JSON.stringify(v.labels), v.value]));
  };

  /** The request metric series that grew, waiting for the answer's close (where the metrics are recorded). */
  const metricsOf = async (before: Map<string, number>) => {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const after = await requestCounts();
      const grown = [...after].filter(([labels, value]) => value !== (before.get(labels) ?? 0));
      if (grown.length) return grown.map(([labels, value]) => [labels, value - (before.get(labels) ?? 0)]);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return [];
  };

  /** The request's log line without what differs between any two (time, duration). */
  const logLineOf = (requestId: string) => {
    const line = logLines.map((text) => JSON.parse(text)).find((entry) => entry.req?.id === requestId);
    if (!line) return undefined;
    const { time, responseTime, ...rest } = line;
    expect([typeof time, typeof responseTime]).toEqual(['number', 'number']);
    return rest;
  };

  const send = async (probe: Probe, fastOn: boolean) => {
    fast.enabled = fastOn;
    const served = fast.served;
    const metricsBefore = await requestCounts();
    logLines.length = 0;
    const requestId = `parity-${probe.name.replace(/\W+/g, '-')}`.slice(0, 64);
    const headers = { 'x-request-id': requestId, ...probe.headers };
    const res = await api.http.request(probe.method ?? 'GET', probe.path, { token: probe.token, headers });
    const metrics = await metricsOf(metricsBefore);
    return { res, servedHere: fast.served - served, metrics, log: logLineOf(requestId) };
  };

  const expectParity = async (probe: Probe) => {
    // The full pipeline first: the fast path's answer then shows that it counted the request exactly once.
    const off = await send(probe, false);
    const on = await send(probe, true);
    const label = `${probe.name}: ${probe.method ?? 'GET'} ${probe.path}`;
    expect({ label, served: on.servedHere }).toEqual({ label, served: probe.fast ? 1 : 0 });
    expect(off.servedHere).toBe(0);
    expect({ label, status: on.res.status, body: on.res.body }).toEqual({ label, status: off.res.status, body: off.res.body });
    expect({ label, headers: comparedHeaders(on.res) }).toEqual({ label, headers: comparedHeaders(off.res) });
    expect({ label, metrics: on.metrics }).toEqual({ label, metrics: off.metrics });
    if (probe.fast) expect(on.log).toMatchObject({ msg: 'request completed', res: { statusCode: 200 } });
    expect({ label, log: on.log }).toEqual({ label, log: off.log });
    // Each request is counted once for the rate limit: the second answer's remaining is one less.
    const remaining = [off, on].map(({ res }) => res.headers.get('x-ratelimit-remaining'));
    if (remaining[0] !== null && remaining[0] !== '0')
      expect({ label, remaining: Number(remaining[1]) }).toEqual({ label, remaining: Number(remaining[0]) - 1 });
    else expect({ label, remaining: remaining[1] }).toEqual({ label, remaining: remaining[0] });
    const retryAfter = [off, on].map(({ res }) => res.headers.get('retry-after'));
    if (retryAfter[0] === null) expect(retryAfter[1]).toBeNull();
    else expect(Math.abs(Number(retryAfter[0]) - Number(retryAfter[1]))).toBeLessThanOrEqual(1);
    return on.res;
  };

  it('serves the happy reads and hands everything else on with the same answer', async () => {
    const { http } = api;
    const owner = await signupAgency(http, 'Fast Read Agency');
    const writer = await addStaff(http, owner.token, 'writer');
    const zephyr = await createClient(http, owner.token, { name: 'Zephyr Kitchenware', sellerId: 'A3ZEPHYRSELLER' });
    const plain = await createClient(http, owner.token, { name: 'Plain Goods' });
    const whisk = await createCase(http, owner.token, zephyr.id, { title: 'Counterfeit whisks', asins: ['B0WHISK123'] });
    await createCase(http, owner.token, plain.id, {
      violationType: 'late_shipment_rate',
      asins: ['B0OTHER999'],
      assigneeId: writer.user.id,
    });
    await createCase(http, owner.token, plain.id, { noticeReceivedAt: '2020-01-01T00:00:00.000Z' });
    expectStatus(await http.post(`/api/v1/cases/${whisk.id}/transitions`, { action: 'start_drafting' }, owner.token), 200);
    const other = await signupAgency(http, 'Other Fast Agency');
    const otherClient = await createClient(http, other.token, { name: 'Elsewhere' });
    const otherCase = await createCase(http, other.token, otherClient.id);

    const secret = api.config.JWT_SECRET;
    const claims = { sub: owner.user.id, tid: owner.tenant.id };
    const sign = (payload: object, expiresIn: number) =>
      jwt.sign(payload, jwtKey(secret), { algorithm: JWT_ALGORITHM, issuer: JWT_ISSUER, audience: STAFF_AUDIENCE, expiresIn });
    const expired = sign({ ...claims, tv: 0 }, -60);
    const oldVersion = sign({ ...claims, tv: 41 }, 600);
    const deactivated = await addStaff(http, owner.token, 'writer');
    const limited = await addStaff(http, owner.token, 'viewer');
    const apiKey = await createApiKey(http, owner.token, ['cases:read']);
    const token = owner.token;

    // Cursor pages: the first page's cursor, then the next page.
    const firstPage = await expectParity({ name: 'page 1', path: '/api/v1/cases?limit=2', token, fast: true });
    expect(firstPage.body.data).toHaveLength(2);
    const cursor = encodeURIComponent(firstPage.body.nextCursor);
    const secondPage = await expectParity({ name: 'page 2', path: `/api/v1/cases?limit=2&cursor=${cursor}`, token, fast: true });
    expect(secondPage.body.data).toHaveLength(1);

    const happy: [string, string][] = [
      ['list', '/api/v1/cases'],
      ['list as a writer', '/api/v1/cases'],
      ['status', '/api/v1/cases?status=drafting,intake'],
      ['client', `/api/v1/cases?clientId=${plain.id}`],
      ['violation type', '/api/v1/cases?violationType=late_shipment_rate'],
      ['assignee', `/api/v1/cases?assigneeId=${writer.user.id}`],
      ['due before', '/api/v1/cases?dueBefore=2030-01-01T00:00:00.000Z'],
      ['overdue', '/api/v1/cases?overdue=true'],
      ['queue', '/api/v1/cases?queue=mine'],
      ['sort and order', '/api/v1/cases?sort=dueAt&order=desc&limit=3'],
      ['counts', '/api/v1/cases?counts=true&dayEnd=2026-12-01T00:00:00.000Z'],
      ['search client', '/api/v1/cases?q=zephyr'],
      ['search seller id', '/api/v1/cases?q=a3zephyr'],
      ['search ASIN', '/api/v1/cases?q=B0WHISK123'],
      ['search reference', `/api/v1/cases?q=${whisk.reference}`],
      ['search with LIKE characters', `/api/v1/cases?q=${encodeURIComponent('100%_')}`],
      ['empty result', '/api/v1/cases?q=nothing-like-this'],
      ['one case', `/api/v1/cases/${whisk.id}`],
    ];
    for (const [name, path] of happy) {
      const res = await expectParity({ name, path, token: name.includes('writer') ? writer.token : token, fast: true });
      expect({ name, status: res.status }).toEqual({ name, status: 200 });
    }
    // The answer is read, not invented: the searches find the case they name.
    const found = await expectParity({ name: 'search ASIN again', path: '/api/v1/cases?q=b0whisk123', token, fast: true });
    expect(found.body.data.map((c: { id: string }) => c.id)).toEqual([whisk.id]);
    // The request id comes from the caller when valid, else is new on both paths.
    for (const on of [true, false]) {
      fast.enabled = on;
      expect((await http.get('/api/v1/cases?limit=1', token)).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }

    await expectParity({ name: 'user before deactivation', path: '/api/v1/cases', token: deactivated.token, fast: true });
    expectStatus(await http.post(`/api/v1/users/${deactivated.user.id}/deactivate`, {}, owner.token), 200);
    await redisOf(api).set(`rl:req:user:${limited.user.id}`, '100000', 'PX', 50_000);

    const handedOn: [string, Omit<Probe, 'fast' | 'name'>, number][] = [
      ['invalid limit', { path: '/api/v1/cases?limit=abc', token }, 400],
      ['invalid status', { path: '/api/v1/cases?status=bogus', token }, 400],
      ['unknown field', { path: '/api/v1/cases?colour=red', token }, 400],
      ['NUL in the query', { path: '/api/v1/cases?q=a%00b', token }, 400],
      ['invalid id', { path: '/api/v1/cases/not-a-uuid', token }, 400],
      ["another tenant's case", { path: `/api/v1/cases/${otherCase.id}`, token }, 404],
      ['unknown case', { path: '/api/v1/cases/00000000-0000-4000-8000-000000000000', token }, 404],
      ['no token', { path: '/api/v1/cases' }, 401],
      ['bad token', { path: '/api/v1/cases', headers: { authorization: 'Bearer abc.def.ghi' } }, 401],
      ['expired token', { path: '/api/v1/cases', token: expired }, 401],
      ['old token version', { path: '/api/v1/cases', token: oldVersion }, 401],
      ['deactivated user', { path: '/api/v1/cases', token: deactivated.token }, 401],
      ['rate limited', { path: '/api/v1/cases', token: limited.token }, 429],
      ['API key', { path: '/api/v1/cases', token: apiKey }, 200],
      ['another spelling of Bearer', { path: '/api/v1/cases', headers: { authorization: `bearer ${token}` } }, 200],
      ['HEAD', { path: '/api/v1/cases', token, method: 'HEAD' }, 200],
      ['trailing slash', { path: '/api/v1/cases/', token }, 200],
      ['the timeline', { path: `/api/v1/cases/${whisk.id}/events`, token }, 200],
      ['query on one case', { path: `/api/v1/cases/${whisk.id}?x=1`, token }, 200],
    ];
    for (const [name, probe, status] of handedOn) {
      const res = await expectParity({ name, ...probe, fast: false });
      expect({ name, status: res.status }).toEqual({ name, status });
    }
  });
});

const redisOf = (api: TestApi) => api.app.get<Redis>(REDIS);
