import { gzipSync } from 'node:zlib';
import { integrationEnv } from '@poa/test-setup';
import { signupAgency, startTestApi, type HttpResponse, type TestApi } from '../../test/harness';
import { createCase, createClient, draftBody, expectStatus, queryAsTenant } from '../cases/case-test-helpers';
import { caseInClientReview, clientWithPortalSession } from '../portal/portal-test-helpers';

const SOME_ID = '00000000-0000-4000-8000-000000000000';
const cursor = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function expectInvalid(res: HttpResponse, field: string, label = '') {
  if (res.status !== 400) throw new Error(`${label}: expected 400 on ${field}, got ${res.status}: ${JSON.stringify(res.body)}`);
  expect(res.body.error).toMatchObject({
    code: 'VALIDATION_FAILED',
    details: expect.arrayContaining([expect.objectContaining({ field })]),
  });
}

/** Follows nextCursor from the first page (limit 1) to the end; every page must answer 200. */
async function pageThrough(api: TestApi, path: string, token: string): Promise<string[]> {
  const ids: string[] = [];
  let next: string | null = null;
  for (let pages = 0; pages < 50; pages += 1) {
    const res: HttpResponse = await api.http.get(`${path}${path.includes('?') ? '&' : '?'}limit=1${next ? `&cursor=${next}` : ''}`, token);
    expectStatus(res, 200);
    ids.push(...res.body.data.map((row: { id: string }) => row.id));
    next = res.body.nextCursor;
    if (!next) break;
  }
  return ids;
}

const BAD_FOR_EVERY_LIST = [
  [{}, SOME_ID],
  [null, SOME_ID],
  [[], SOME_ID],
  ['2026-01-01T00:00:00.000Z', 'not-a-uuid'],
  ['a'],
  { a: 1 },
  'not json',
  7,
];
const BAD_BY_SORT_KEY = {
  time: [
    ['abc', SOME_ID],
    [5, SOME_ID],
    ['2026-02-30T00:00:00.000Z', SOME_ID],
    ['2026-01-01', SOME_ID],
    ['-100000-01-01T00:00:00.000Z', SOME_ID],
  ],
  text: [
    [5, SOME_ID],
    ['a\u0000b', SOME_ID],
    ['x'.repeat(1001), SOME_ID],
  ],
  seq: [
    ['abc', SOME_ID],
    [5, SOME_ID],
    ['99999999999999999999', SOME_ID],
    ['-1', SOME_ID],
  ],
};

describe('bad input is a 4xx with the field, never a 500', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('refuses a crafted cursor on every list endpoint (checked against the sort key of that list), and follows its own cursors', async () => {
    const { http } = api;
    const owner = await signupAgency(http, 'Cursor Agency');
    const hook = await http.post('/api/v1/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['case.created'] }, owner.token);
    expectStatus(hook, 201);
    const { client, portalToken } = await clientWithPortalSession(http, owner.token, 'Portal Client');
    // A name of 200 three-byte characters still makes a cursor the list takes back.
    await createClient(http, owner.token, { name: '\u4e2d'.repeat(200) });
    const first = await caseInClientReview(http, owner.token, client.id);
    await caseInClientReview(http, owner.token, client.id);
    for (const body of ['one', 'two'])
      expectStatus(await http.post(`/api/v1/cases/${first.id}/comments`, { body, visibility: 'shared' }, owner.token), 201);
    expectStatus(
      await http.post('/api/v1/users', { email: `second-${Date.now()}@example.test`, name: 'Second', role: 'viewer' }, owner.token),
      201,
    );

    const lists: { path: string; key: keyof typeof BAD_BY_SORT_KEY; token: string }[] = [
      { path: '/api/v1/cases', key: 'time', token: owner.token },
      { path: '/api/v1/cases?sort=dueAt', key: 'time', token: owner.token },
      { path: `/api/v1/cases/${first.id}/comments`, key: 'time', token: owner.token },
      { path: `/api/v1/cases/${first.id}/events`, key: 'time', token: owner.token },
      { path: '/api/v1/audit-events', key: 'time', token: owner.token },
      { path: '/api/v1/portal/cases', key: 'time', token: portalToken },
      { path: `/api/v1/portal/cases/${first.id}/comments`, key: 'time', token: portalToken },
      { path: '/api/v1/clients', key: 'text', token: owner.token },
      { path: '/api/v1/users', key: 'text', token: owner.token },
      { path: `/api/v1/webhooks/${hook.body.id}/deliveries`, key: 'seq', token: owner.token },
    ];
    for (const { path, key, token } of lists) {
      for (const bad of [...BAD_FOR_EVERY_LIST, ...BAD_BY_SORT_KEY[key]]) {
        const res = await http.get(`${path}${path.includes('?') ? '&' : '?'}cursor=${cursor(bad)}`, token);
        expectInvalid(res, 'cursor', `${path} ${JSON.stringify(bad).slice(0, 60)}`);
      }
      const ids = await pageThrough(api, path, token);
      expect(ids.length).toBeGreaterThanOrEqual(2);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('refuses dates outside 0001-9999 (UTC) in every date field, in bodies and queries', async () => {
    const { http } = api;
    const owner = await signupAgency(http, 'Date Agency');
    const client = await createClient(http, owner.token);
    expectInvalid(await http.get('/api/v1/cases?dueBefore=0000-01-01T00:00:00Z', owner.token), 'dueBefore');
    expectInvalid(await http.get('/api/v1/cases?dueBefore=2026-01-01T00:00:00%2B23:00', owner.token), 'dueBefore');
    const caseBody = {
      clientId: client.id,
      title: 'Dates',
      violationType: 'product_authenticity',
      marketplace: 'US',
      noticeReceivedAt: '2026-01-01T00:00:00Z',
    };
    expectInvalid(await http.post('/api/v1/cases', { ...caseBody, dueAt: '0000-01-01T00:00:00Z' }, owner.token), 'dueAt');
    expectInvalid(
      await http.post('/api/v1/cases', { ...caseBody, noticeReceivedAt: '0001-01-01T00:00:00+05:00' }, owner.token),
      'noticeReceivedAt',
    );
    expectInvalid(
      await http.post('/api/v1/cases', { ...caseBody, noticeReceivedAt: '9999-12-31T23:00:00-05:00' }, owner.token),
      'noticeReceivedAt',
    );
    const created = await createCase(http, owner.token, client.id, {
      noticeReceivedAt: '0001-01-01T00:00:00Z',
      dueAt: '9999-12-31T23:59:59.999Z',
    });
    expectInvalid(await http.patch(`/api/v1/cases/${created.id}`, { dueAt: '0000-12-31T23:59:59Z' }, owner.token), 'dueAt');
    const draft = draftBody(0);
    draft.correctiveActions[0].completedAt = '0000-01-01';
    expectInvalid(await http.post(`/api/v1/cases/${created.id}/drafts`, draft, owner.token), 'correctiveActions.0.completedAt');
  });

  it('pages past due dates stored outside 0001-9999 (year 0, year 10000) without a database error', async () => {
    const { http } = api;
    const owner = await signupAgency(http, 'Old Dates Agency');
    const client = await createClient(http, owner.token);
    const cases = [];
    for (let i = 0; i < 4; i += 1) cases.push(await createCase(http, owner.token, client.id));
    const { appUrl } = await integrationEnv();
    const setDue = (id: string, due: string) =>
      queryAsTenant(appUrl, owner.tenant.id, `UPDATE cases SET due_at = $2::timestamptz WHERE id = $1`, [id, due]);
    await setDue(cases[0].id, '0001-01-01 00:00:00+00 BC');
    await setDue(cases[1].id, '4000-06-01 12:00:00+00 BC');
    await setDue(cases[2].id, '10000-01-01 00:00:00+00');
    for (const order of ['asc', 'desc']) {
      const ids = await pageThrough(api, `/api/v1/cases?sort=dueAt&order=${order}`, owner.token);
      expect(ids.sort()).toEqual(cases.map((c) => c.id).sort());
    }
    const listed = await http.get('/api/v1/cases?sort=dueAt&limit=1', owner.token);
    expect(listed.body.data[0].dueAt).toBe('-003999-06-01T12:00:00.000Z');
  });

  it('refuses a body nested thousands of levels deep before parsing it, on any route and without a log-in', async () => {
    const { http } = api;
    const deep = (levels: number, inner = '1') => '['.repeat(levels) + inner + ']'.repeat(levels);
    for (const path of ['/api/v1/auth/login', '/api/v1/auth/signup', '/api/v1/portal/login-link', '/api/v1/no-such-route']) {
      expectInvalid(await http.request('POST', path, { raw: `{"email":${deep(8000)}}` }), '(body)', path);
    }
    const owner = await signupAgency(http, 'Deep Agency');
    expectInvalid(await http.request('POST', '/api/v1/clients', { raw: `{"name":${deep(40)}}`, token: owner.token }), '(body)');
    // Nesting up to the limit is judged by the schema as usual; brackets inside strings do not count.
    expectInvalid(await http.request('POST', '/api/v1/clients', { raw: `{"name":${deep(31)}}`, token: owner.token }), 'name');
    expectStatus(await http.post('/api/v1/clients', { name: `${'[{'.repeat(90)}"\\` }, owner.token), 201);
  });

  it('answers 415 for a body that does not match its Content-Encoding or charset, and takes a real gzip body', async () => {
    const { http } = api;
    const login = JSON.stringify({ email: 'nobody@example.test', password: 'wrong-password' });
    for (const encoding of ['gzip', 'deflate', 'br', 'compress', 'gzip, gzip']) {
      const res = await http.request('POST', '/api/v1/auth/login', { raw: login, headers: { 'content-encoding': encoding } });
      expect([encoding, res.status, res.body.error?.code]).toEqual([encoding, 415, 'UNSUPPORTED_MEDIA_TYPE']);
    }
    const utf16 = await http.request('POST', '/api/v1/auth/login', {
      raw: login,
      headers: { 'content-type': 'application/json; charset=utf-16' },
    });
    expect([utf16.status, utf16.body.error?.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const gzipped = await fetch(`${http.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(login),
    });
    expect(gzipped.status).toBe(401);
  });

  it('refuses the NUL character in a free-text path parameter', async () => {
    const owner = await signupAgency(api.http, 'Nul Path Agency');
    expectInvalid(await api.http.put('/api/v1/clients/by-external-id/crm%00x', { name: 'Nul' }, owner.token), 'externalId');
  });

  it('validates the log-in body before the password strategy reads it', async () => {
    const { http } = api;
    expectInvalid(await http.post('/api/v1/auth/login', { email: 123, password: 'correct-horse-battery' }), 'email');
    expectInvalid(await http.post('/api/v1/auth/login', { email: 'a@example.test', password: ['x'] }), 'password');
    expectInvalid(await http.post('/api/v1/auth/login', { email: 'a@example.test' }), 'password');
    expectInvalid(await http.post('/api/v1/auth/login', { email: 'a@example.test', password: 'x', admin: true }), 'admin');
    expectInvalid(await http.request('POST', '/api/v1/auth/login', {}), '(body)');
  });
});
