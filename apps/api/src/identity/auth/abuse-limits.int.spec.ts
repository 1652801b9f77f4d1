import Redis from 'ioredis';
import { caseInClientReview, clientWithPortalSession } from '../../portal/portal-test-helpers';
import { signupConfirmed } from './auth-test-helpers';
import { expectStatus } from '../../cases/case-test-helpers';
import { Http, randomLoopback, signupAgency, startTestApi, uniqueEmail, type TestApi } from '../../../test/harness';

const PASSWORD = 'correct-horse-battery';
const signupBody = () => ({ agencyName: 'Limited Agency', name: 'Lim', email: uniqueEmail('limited'), password: PASSWORD });
const retryAfter = (res: { headers: Headers }) => Number(res.headers.get('retry-after'));

describe('sign-up rate limit per IP', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ SIGNUP_RATE_LIMIT_PER_IP: '2' });
  }, 60_000);
  afterAll(() => api?.close());

  it('answers 429 RATE_LIMITED with Retry-After after the limit, for that IP only', async () => {
    const a = new Http(api.baseUrl, randomLoopback());
    expectStatus(await a.post('/api/v1/auth/signup', signupBody()), 201);
    expectStatus(await a.post('/api/v1/auth/signup', signupBody()), 201);
    const limited = await a.post('/api/v1/auth/signup', signupBody());
    expectStatus(limited, 429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(retryAfter(limited)).toBeGreaterThan(3000);
    expect(retryAfter(limited)).toBeLessThanOrEqual(3600);
    // Refused before the body is even read: a malformed sign-up from that IP is refused the same way.
    expectStatus(await a.post('/api/v1/auth/signup', { email: 'x' }), 429);
    expectStatus(await new Http(api.baseUrl, randomLoopback()).post('/api/v1/auth/signup', signupBody()), 201);
  });
});

describe('log-in lock-out per email and IP', () => {
  let api: TestApi;
  let redis: Redis;
  beforeAll(async () => {
    api = await startTestApi({ LOGIN_RATE_LIMIT_PER_EMAIL: '3', LOGIN_RATE_LIMIT_PER_IP: '12' });
    redis = new Redis(api.config.REDIS_URL);
  }, 60_000);
  afterAll(async () => {
    redis?.disconnect();
    await api?.close();
  });

  const login = (http: Http, email: string, password: string) => http.post('/api/v1/auth/login', { email, password });

  it('locks out only the guessing IP: the right password from another IP still works', async () => {
    const owner = await signupConfirmed(api);
    const attacker = new Http(api.baseUrl, randomLoopback());
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await login(attacker, owner.email, 'wrong-password-1')).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const locked = await login(attacker, owner.email, PASSWORD);
    expectStatus(locked, 429);
    expect(locked.body.error.code).toBe('RATE_LIMITED');
    expect(retryAfter(locked)).toBeGreaterThan(800);
    expect(retryAfter(locked)).toBeLessThanOrEqual(900);

    const staffMember = new Http(api.baseUrl, randomLoopback());
    expectStatus(await login(staffMember, owner.email, PASSWORD), 200);
  });

  it('doubles the lock-out each time the same email and IP are locked out again', async () => {
    const owner = await signupAgency(api.http);
    const ip = randomLoopback();
    const attacker = new Http(api.baseUrl, ip);
    for (let i = 0; i < 3; i++) expectStatus(await login(attacker, owner.email, 'wrong-password-1'), 401);
    const first = await login(attacker, owner.email, 'wrong-password-1');
    expectStatus(first, 429);
    expect(retryAfter(first)).toBeLessThanOrEqual(900);
    // The first lock-out runs out (its key expires); the next one lasts twice as long.
    expect(await redis.del(`rl:login:email-ip:${owner.email}|${ip}`)).toBe(1);
    for (let i = 0; i < 3; i++) expectStatus(await login(attacker, owner.email, 'wrong-password-1'), 401);
    const second = await login(attacker, owner.email, 'wrong-password-1');
    expectStatus(second, 429);
    expect(retryAfter(second)).toBeGreaterThan(1700);
    expect(retryAfter(second)).toBeLessThanOrEqual(1800);
  });

  it('keeps a per-IP limit over every email', async () => {
    const sprayer = new Http(api.baseUrl, randomLoopback());
    const statuses: number[] = [];
    for (let i = 0; i < 13; i++) statuses.push((await login(sprayer, uniqueEmail('sprayed'), 'wrong-password-1')).status);
    expect(statuses.slice(0, 12).every((s) => s === 401)).toBe(true);
    expect(statuses[12]).toBe(429);
  });
});

describe('X-Forwarded-For and TRUST_PROXY', () => {
  const forged = () => randomLoopback().replace(/^127\./, '198.');

  async function approvalIp(api: TestApi, headers: Record<string, string>): Promise<string> {
    const owner = await signupAgency(new Http(api.baseUrl, randomLoopback()));
    const portal = await clientWithPortalSession(api.http, owner.token, 'Proxy Goods');
    const caseX = await caseInClientReview(api.http, owner.token, portal.client.id);
    const approved = await api.http.request('POST', `/api/v1/portal/cases/${caseX.id}/approve`, {
      token: portal.portalToken,
      body: { version: 1, fullName: 'Pat Proxy' },
      headers,
    });
    expectStatus(approved, 200);
    return (await api.http.get(`/api/v1/cases/${caseX.id}`, owner.token)).body.approval.ip;
  }

  describe('unset: no proxy is trusted', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi({ SIGNUP_RATE_LIMIT_PER_IP: '1' });
    }, 60_000);
    afterAll(() => api?.close());

    it('a forged X-Forwarded-For changes neither the rate-limit key nor the IP of an approval proof', async () => {
      const client = new Http(api.baseUrl, randomLoopback());
      expectStatus(await client.post('/api/v1/auth/signup', signupBody(), undefined, { 'X-Forwarded-For': forged() }), 201);
      expectStatus(await client.post('/api/v1/auth/signup', signupBody(), undefined, { 'X-Forwarded-For': forged() }), 429);
      expect(await approvalIp(api, { 'X-Forwarded-For': '203.0.113.99' })).toBe('127.0.0.1');
    });
  });

  describe('TRUST_PROXY=loopback', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi({ SIGNUP_RATE_LIMIT_PER_IP: '1', TRUST_PROXY: 'loopback' });
    }, 60_000);
    afterAll(() => api?.close());

    it("the proxy's X-Forwarded-For is the client IP for rate limits and approval proofs", async () => {
      const proxy = new Http(api.baseUrl, randomLoopback());
      expectStatus(await proxy.post('/api/v1/auth/signup', signupBody(), undefined, { 'X-Forwarded-For': forged() }), 201);
      expectStatus(await proxy.post('/api/v1/auth/signup', signupBody(), undefined, { 'X-Forwarded-For': forged() }), 201);
      expect(await approvalIp(api, { 'X-Forwarded-For': '203.0.113.99' })).toBe('203.0.113.99');
    });
  });
});
