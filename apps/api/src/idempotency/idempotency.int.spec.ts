import Redis from 'ioredis';
import { createApiKey, signupAgency, startTestApi, type TestApi } from '../../test/harness';
import { createCase, createClient, expectStatus } from '../cases/case-test-helpers';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1e4f1e80000000049454e44ae426082',
  'hex',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('Idempotency-Key: uploads, secrets and revoked credentials', () => {
  let api: TestApi;
  let redis: Redis;
  beforeAll(async () => {
    api = await startTestApi();
    redis = new Redis(api.config.REDIS_URL);
  }, 60_000);
  afterAll(async () => {
    redis?.disconnect();
    await api?.close();
  });

  async function upload(token: string, caseId: string, data: Buffer, name: string, key: string) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(data)], { type: 'application/octet-stream' }), name);
    const res = await fetch(`${api.baseUrl}/api/v1/cases/${caseId}/attachments`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': key },
    });
    return {
      status: res.status,
      body: (await res.json()) as { id: string; error: { code: string } },
      replayed: res.headers.get('idempotent-replayed'),
    };
  }

  /** Every idempotency entry stored for a tenant, as text. */
  async function storedEntries(tenantId: string): Promise<string> {
    const keys = await redis.keys(`idem:${tenantId}:*`);
    return (keys.length ? await redis.mget(...keys) : []).join('\n');
  }

  it('a different file under the same key is a different request (422), the same file a replay', async () => {
    const { token } = await signupAgency(api.http);
    const caseId = (await createCase(api.http, token, (await createClient(api.http, token)).id)).id;
    const first = await upload(token, caseId, PNG, 'evidence.png', 'upload-1');
    expectStatus(first, 201);
    const again = await upload(token, caseId, PNG, 'evidence.png', 'upload-1');
    expectStatus(again, 201);
    expect(again.replayed).toBe('true');
    expect(again.body.id).toBe(first.body.id);

    const otherFile = await upload(token, caseId, PDF, 'evidence.png', 'upload-1');
    expectStatus(otherFile, 422);
    expect(otherFile.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expectStatus(await upload(token, caseId, PNG, 'renamed.png', 'upload-1'), 422);
    const list = await api.http.get(`/api/v1/cases/${caseId}/attachments`, token);
    expect(list.body.data).toHaveLength(1);
  });

  it('a reused key names the request that took it (method, path and when) in the 422 details', async () => {
    const owner = await signupAgency(api.http);
    const client = await createClient(api.http, owner.token);
    const before = Date.now();
    const body = {
      clientId: client.id,
      title: 'Key reuse',
      violationType: 'product_authenticity',
      marketplace: 'US',
      noticeReceivedAt: '2026-11-20T10:00:00.000Z',
    };
    expectStatus(await api.http.post('/api/v1/cases', body, owner.token, { 'Idempotency-Key': 'reuse-1' }), 201);
    const reused = await api.http.post('/api/v1/clients', { name: 'Another request' }, owner.token, { 'Idempotency-Key': 'reuse-1' });
    expectStatus(reused, 422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(reused.body.error.details).toEqual({ method: 'POST', path: '/api/v1/cases', at: expect.any(String) });
    const at = Date.parse(reused.body.error.details.at);
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(Date.now());
    expect(reused.body.error.message).toContain('POST /api/v1/cases at ');
  });

  it('never stores an API key secret for replay: the same request again answers 409 with the key id only', async () => {
    const owner = await signupAgency(api.http);
    const body = { name: 'CRM', scopes: ['cases:read'] };
    const created = await api.http.post('/api/v1/api-keys', body, owner.token, { 'Idempotency-Key': 'key-1' });
    expectStatus(created, 201);
    const secret = created.body.key as string;
    expect(await storedEntries(owner.tenant.id)).not.toContain(secret.slice(15));

    expectStatus(await api.http.delete(`/api/v1/api-keys/${created.body.id}`, owner.token), 204);
    const again = await api.http.post('/api/v1/api-keys', body, owner.token, { 'Idempotency-Key': 'key-1' });
    expectStatus(again, 409);
    expect(again.body.error.code).toBe('IDEMPOTENCY_SECRET_NOT_REPLAYED');
    expect(again.body.error.details).toMatchObject({
      status: 201,
      answer: { id: created.body.id, prefix: created.body.prefix, name: 'CRM' },
    });
    expect(JSON.stringify(again.body)).not.toContain(secret.slice(15));
    // No second key was made.
    expect((await api.http.get('/api/v1/api-keys', owner.token)).body.data).toHaveLength(1);
  });

  it('keeps invite links and webhook signing secrets out of the replay store too', async () => {
    const owner = await signupAgency(api.http);
    const invite = await api.http.post(
      '/api/v1/users',
      { email: `held-${Date.now()}@example.test`, name: 'Held', role: 'viewer' },
      owner.token,
      { 'Idempotency-Key': 'inv-1' },
    );
    expectStatus(invite, 201);
    const webhook = await api.http.post('/api/v1/webhooks', { url: 'http://127.0.0.1:9/', events: ['case.created'] }, owner.token, {
      'Idempotency-Key': 'hook-1',
    });
    expectStatus(webhook, 201);
    const stored = await storedEntries(owner.tenant.id);
    expect(stored).not.toContain((invite.body.inviteToken as string).split('.')[2]);
    expect(stored).not.toContain(webhook.body.secret);
    const replay = await api.http.post('/api/v1/users', { email: invite.body.user.email, name: 'Held', role: 'viewer' }, owner.token, {
      'Idempotency-Key': 'inv-1',
    });
    expectStatus(replay, 409);
    expect(replay.body.error.details.answer).toMatchObject({ user: { id: invite.body.user.id } });
  });

  it('a revoked API key gets 401 on a replay, not the stored answer', async () => {
    const owner = await signupAgency(api.http);
    const key = await createApiKey(api.http, owner.token, ['clients:write']);
    const body = { name: 'Replayed Client' };
    expectStatus(await api.http.post('/api/v1/clients', body, key, { 'Idempotency-Key': 'client-1' }), 201);
    const replay = await api.http.post('/api/v1/clients', body, key, { 'Idempotency-Key': 'client-1' });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const keys = (await api.http.get('/api/v1/api-keys', owner.token)).body.data as { id: string }[];
    for (const { id } of keys) expectStatus(await api.http.delete(`/api/v1/api-keys/${id}`, owner.token), 204);
    const revoked = await api.http.post('/api/v1/clients', body, key, { 'Idempotency-Key': 'client-1' });
    expectStatus(revoked, 401);
    expect(revoked.headers.get('idempotent-replayed')).toBeNull();
  });
});
