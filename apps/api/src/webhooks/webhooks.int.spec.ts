import { addStaff, createApiKey, signupAgency, startTestApi, type TestApi } from '../../test/harness';
import { createCase, createClient, expectStatus, queryAsTenant } from '../cases/case-test-helpers';

describe('webhooks API: CRUD and refused targets', () => {
  let api: TestApi;
  let noLoopback: TestApi;

  beforeAll(async () => {
    [api, noLoopback] = await Promise.all([
      startTestApi({ WEBHOOK_ALLOW_LOOPBACK: 'true' }),
      startTestApi({ WEBHOOK_ALLOW_LOOPBACK: 'false' }),
    ]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([api?.close(), noLoopback?.close()]);
  });

  it('creates, lists, reads, changes and deletes an endpoint; the secret is shown once', async () => {
    const { token } = await signupAgency(api.http);
    const created = await api.http.post(
      '/api/v1/webhooks',
      { url: 'http://127.0.0.1:9/hook', events: ['case.created', 'pdf.ready', 'case.created'] },
      token,
    );
    expectStatus(created, 201);
    expect(created.body).toMatchObject({ url: 'http://127.0.0.1:9/hook', events: ['case.created', 'pdf.ready'], enabled: true });
    expect(created.body.secret).toMatch(/^whsec_[\w-]{20,}$/);

    const list = await api.http.get('/api/v1/webhooks', token);
    expectStatus(list, 200);
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0]).not.toHaveProperty('secret');
    const one = await api.http.get(`/api/v1/webhooks/${created.body.id}`, token);
    expect(one.body).not.toHaveProperty('secret');

    const patched = await api.http.patch(`/api/v1/webhooks/${created.body.id}`, { events: ['comment.created'], enabled: false }, token);
    expectStatus(patched, 200);
    expect(patched.body).toMatchObject({ events: ['comment.created'], enabled: false });
    expect(patched.body.disabledReason).toMatch(/disabled by/);

    expectStatus(await api.http.get(`/api/v1/webhooks/${created.body.id}/deliveries`, token), 200);
    expectStatus(await api.http.delete(`/api/v1/webhooks/${created.body.id}`, token), 204);
    expectStatus(await api.http.get(`/api/v1/webhooks/${created.body.id}`, token), 404);
  });

  it('enabling an endpoint again queues its oldest waiting delivery, due now, and only that one', async () => {
    const owner = await signupAgency(api.http);
    const hook = await api.http.post('/api/v1/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['case.created'] }, owner.token);
    expectStatus(hook, 201);
    const client = await createClient(api.http, owner.token);
    await createCase(api.http, owner.token, client.id);
    await createCase(api.http, owner.token, client.id);
    const asTenant = <T>(text: string, params: unknown[] = []) => queryAsTenant<T>(api.config.DATABASE_URL, owner.tenant.id, text, params);
    const [oldest, newer] = await asTenant<{ id: string }>(`SELECT id FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY seq`, [
      hook.body.id,
    ]);
    expectStatus(await api.http.patch(`/api/v1/webhooks/${hook.body.id}`, { enabled: false }, owner.token), 200);
    await asTenant(`UPDATE webhook_deliveries SET next_attempt_at = now() + interval '1 hour' WHERE webhook_id = $1`, [hook.body.id]);

    expectStatus(await api.http.patch(`/api/v1/webhooks/${hook.body.id}`, { enabled: true }, owner.token), 200);
    const resumed = await asTenant<{ job_id: string; payload: { deliveryId: string } }>(
      `SELECT job_id, payload FROM outbox WHERE job_id LIKE '%-resume-%'`,
    );
    expect(resumed).toHaveLength(1);
    expect(resumed[0].job_id.startsWith(`webhook-${oldest.id}-resume-`)).toBe(true);
    expect(resumed[0].payload.deliveryId).toBe(oldest.id);
    const due = await asTenant<{ id: string; next_attempt_at: Date | null }>(
      `SELECT id, next_attempt_at FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY seq`,
      [hook.body.id],
    );
    expect(due).toEqual([
      { id: oldest.id, next_attempt_at: null },
      { id: newer.id, next_attempt_at: expect.any(Date) },
    ]);
  });

  it('validates events and unknown fields, and needs webhooks:manage', async () => {
    const { token } = await signupAgency(api.http);
    expectStatus(await api.http.post('/api/v1/webhooks', { url: 'http://127.0.0.1:9/', events: ['case.deleted'] }, token), 400);
    expectStatus(await api.http.post('/api/v1/webhooks', { url: 'http://127.0.0.1:9/', events: [] }, token), 400);
    expectStatus(
      await api.http.post('/api/v1/webhooks', { url: 'http://127.0.0.1:9/', events: ['case.created'], secret: 'x' }, token),
      400,
    );
    const writer = await addStaff(api.http, token, 'writer');
    expectStatus(await api.http.post('/api/v1/webhooks', { url: 'http://127.0.0.1:9/', events: ['case.created'] }, writer.token), 403);
    const key = await createApiKey(api.http, token, ['webhooks:manage']);
    expectStatus(await api.http.post('/api/v1/webhooks', { url: 'http://127.0.0.1:9/', events: ['case.created'] }, key), 201);
    const readOnlyKey = await createApiKey(api.http, token, ['cases:read']);
    expectStatus(await api.http.get('/api/v1/webhooks', readOnlyKey), 403);
  });

  it.each([
    'http://10.0.0.1/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://192.168.1.10/',
    'http://172.16.0.1/',
    'http://100.64.0.1/',
    'http://[fd00::1]/',
    'http://[fe80::1]/',
    'http://0.0.0.0/',
    'http://metadata.google.internal/',
    'ftp://127.0.0.1/',
  ])('refuses %s with 400 VALIDATION_FAILED on url, even while loopback is allowed', async (url) => {
    const { token } = await signupAgency(api.http);
    const res = await api.http.post('/api/v1/webhooks', { url, events: ['case.created'] }, token);
    expectStatus(res, 400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details[0].field).toBe('url');
  });

  it('allows loopback (also a host name resolving to it) only when WEBHOOK_ALLOW_LOOPBACK is set', async () => {
    const allowed = await signupAgency(api.http);
    expectStatus(await api.http.post('/api/v1/webhooks', { url: 'http://localhost:9/hook', events: ['case.created'] }, allowed.token), 201);
    expectStatus(await api.http.post('/api/v1/webhooks', { url: 'http://[::1]:9/hook', events: ['case.created'] }, allowed.token), 201);

    const refused = await signupAgency(noLoopback.http);
    for (const url of ['http://localhost:9/hook', 'http://127.0.0.1:9/hook', 'http://[::1]:9/']) {
      const res = await noLoopback.http.post('/api/v1/webhooks', { url, events: ['case.created'] }, refused.token);
      expectStatus(res, 400);
      expect(res.body.error.details[0]).toMatchObject({ field: 'url', message: expect.stringMatching(/loopback/) });
    }
    const created = await noLoopback.http.post(
      '/api/v1/webhooks',
      { url: 'https://93.184.215.14/hook', events: ['case.created'] },
      refused.token,
    );
    expectStatus(created, 201);
    const patched = await noLoopback.http.patch(`/api/v1/webhooks/${created.body.id}`, { url: 'http://127.0.0.1/' }, refused.token);
    expectStatus(patched, 400);
  });

  it("never shows one agency's endpoints to another", async () => {
    const a = await signupAgency(api.http);
    const b = await signupAgency(api.http);
    const created = await api.http.post('/api/v1/webhooks', { url: 'http://127.0.0.1:9/', events: ['case.created'] }, a.token);
    expectStatus(await api.http.get(`/api/v1/webhooks/${created.body.id}`, b.token), 404);
    expectStatus(await api.http.delete(`/api/v1/webhooks/${created.body.id}`, b.token), 404);
    expect((await api.http.get('/api/v1/webhooks', b.token)).body.data).toHaveLength(0);
  });
});

describe('Idempotency-Key on POST', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  }, 60_000);
  afterAll(() => api?.close());

  const casesOf = async (token: string, clientId: string) =>
    (await api.http.get(`/api/v1/cases?clientId=${clientId}`, token)).body.data as unknown[];
  const caseBody = (clientId: string, title = 'Idempotent case') => ({
    clientId,
    title,
    violationType: 'product_authenticity',
    marketplace: 'US',
    asins: ['B00TEST001'],
    noticeText: 'Complaint',
    noticeReceivedAt: '2026-11-20T10:00:00.000Z',
  });

  it('the same key twice creates one case and answers the same both times', async () => {
    const { token } = await signupAgency(api.http);
    const client = await createClient(api.http, token);
    const first = await api.http.post('/api/v1/cases', caseBody(client.id), token, { 'Idempotency-Key': 'crm-42' });
    const second = await api.http.post('/api/v1/cases', caseBody(client.id), token, { 'Idempotency-Key': 'crm-42' });
    expectStatus(first, 201);
    expectStatus(second, 201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await casesOf(token, client.id)).toHaveLength(1);
    // Another key, or the same key for another principal, is a new request.
    expectStatus(await api.http.post('/api/v1/cases', caseBody(client.id), token, { 'Idempotency-Key': 'crm-43' }), 201);
    const colleague = await addStaff(api.http, token, 'writer');
    expectStatus(await api.http.post('/api/v1/cases', caseBody(client.id), colleague.token, { 'Idempotency-Key': 'crm-42' }), 201);
    expect(await casesOf(token, client.id)).toHaveLength(3);
  });

  it('the same key with another body answers 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const { token } = await signupAgency(api.http);
    const client = await createClient(api.http, token);
    expectStatus(await api.http.post('/api/v1/cases', caseBody(client.id), token, { 'Idempotency-Key': 'k1' }), 201);
    const reused = await api.http.post('/api/v1/cases', caseBody(client.id, 'Another title'), token, { 'Idempotency-Key': 'k1' });
    expectStatus(reused, 422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await casesOf(token, client.id)).toHaveLength(1);
  });

  it('replays a 4xx answer too', async () => {
    const { token } = await signupAgency(api.http);
    const body = caseBody('00000000-0000-4000-8000-000000000000');
    const first = await api.http.post('/api/v1/cases', body, token, { 'Idempotency-Key': 'bad-client' });
    const again = await api.http.post('/api/v1/cases', body, token, { 'Idempotency-Key': 'bad-client' });
    expectStatus(first, 400);
    expectStatus(again, 400);
    expect(again.body.error.code).toBe(first.body.error.code);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('concurrent requests with one key: one runs, the others answer 409 IDEMPOTENCY_IN_PROGRESS (or its replay)', async () => {
    const { token } = await signupAgency(api.http);
    const client = await createClient(api.http, token);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => api.http.post('/api/v1/cases', caseBody(client.id), token, { 'Idempotency-Key': 'race' })),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 409).length).toBeGreaterThanOrEqual(1);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.error.code === 'IDEMPOTENCY_IN_PROGRESS')).toBe(true);
    expect(answers.filter((a) => a.status === 201 && !a.headers.get('idempotent-replayed'))).toHaveLength(1);
    expect(await casesOf(token, client.id)).toHaveLength(1);
  });
});

describe('rate limits per API key and per user', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ RATE_LIMIT_PER_MINUTE: '5' });
  }, 60_000);
  afterAll(() => api?.close());

  it('answers 429 RATE_LIMITED with Retry-After after the limit, per principal', async () => {
    const { token } = await signupAgency(api.http);
    const first = await api.http.get('/api/v1/cases', token);
    expect(first.headers.get('x-ratelimit-limit')).toBe('5');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('4');
    for (let i = 0; i < 4; i++) expectStatus(await api.http.get('/api/v1/cases', token), 200);
    const limited = await api.http.get('/api/v1/cases', token);
    expectStatus(limited, 429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');

    // Another user of the same agency has a budget of their own.
    const other = await signupAgency(api.http);
    expectStatus(await api.http.get('/api/v1/cases', other.token), 200);
  });

  it('counts an API key on its own', async () => {
    const { token } = await signupAgency(api.http);
    const key = await createApiKey(api.http, token, ['cases:read']);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await api.http.get('/api/v1/cases', key)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });
});
