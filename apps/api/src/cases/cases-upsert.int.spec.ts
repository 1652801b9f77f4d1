import { createApiKey, signupAgency, startTestApi, type TestApi } from '../../test/harness';
import { createClient, expectStatus } from './case-test-helpers';

const ticket = (clientId: string, changes: Record<string, unknown> = {}) => ({
  clientId,
  title: 'Listing removed: inauthentic complaint',
  violationType: 'product_authenticity',
  marketplace: 'US',
  asins: ['B0ABCDE123'],
  noticeText: 'Customers reported that items you sold were inauthentic. ASIN: B0ABCDE123',
  noticeReceivedAt: '2026-11-20T10:00:00.000Z',
  ...changes,
});

describe('PUT /cases/by-external-id/{externalId}: a CRM upsert', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  }, 60_000);
  afterAll(async () => {
    await api?.close();
  });

  it('creates the case once (201), then answers it (200) to any key of the agency, updating only the notice fields', async () => {
    const owner = await signupAgency(api.http, 'Upsert Agency');
    const client = await createClient(api.http, owner.token);
    const nightly = await createApiKey(api.http, owner.token, ['clients:write', 'cases:write']);
    const other = await createApiKey(api.http, owner.token, ['cases:write']);
    const url = '/api/v1/cases/by-external-id/ticket-77';

    const first = await api.http.put(url, ticket(client.id), nightly);
    expectStatus(first, 201);
    expect(first.body).toMatchObject({ externalId: 'ticket-77', status: 'intake', title: 'Listing removed: inauthentic complaint' });
    const caseId = first.body.id as string;

    // The agency works on the case: a draft, a status, an assignee and its own due date.
    const caseUrl = `/api/v1/cases/${caseId}`;
    expectStatus(await api.http.post(`${caseUrl}/transitions`, { action: 'start_drafting' }, owner.token), 200);
    expectStatus(await api.http.post(`${caseUrl}/drafts`, { baseVersion: 0, summary: 'Our own words' }, owner.token), 201);
    expectStatus(await api.http.patch(caseUrl, { dueAt: '2026-12-01T12:00:00.000Z', assigneeId: owner.user.id }, owner.token), 200);
    const eventsBefore = (await api.http.get(`${caseUrl}/events?limit=100`, owner.token)).body.data.length;

    // The same ticket again, from another key: the same case, nothing written.
    const again = await api.http.put(url, ticket(client.id), other);
    expectStatus(again, 200);
    expect(again.body.id).toBe(caseId);
    expect(again.body.reference).toBe(first.body.reference);
    expect((await api.http.get(`${caseUrl}/events?limit=100`, owner.token)).body.data).toHaveLength(eventsBefore);

    // The ticket changed in the CRM: its fields follow; the agency's work stays.
    const changed = await api.http.put(
      url,
      ticket(client.id, { title: 'Inauthentic complaint (2 ASINs)', asins: ['B0ABCDE123', 'B0FGHIJ456'] }),
      other,
    );
    expectStatus(changed, 200);
    expect(changed.body).toMatchObject({
      id: caseId,
      title: 'Inauthentic complaint (2 ASINs)',
      asins: ['B0ABCDE123', 'B0FGHIJ456'],
      status: 'drafting',
      dueAt: '2026-12-01T12:00:00.000Z',
      latestVersion: 1,
    });
    expect(changed.body.assignee?.id).toBe(owner.user.id);
    expect((await api.http.get(`${caseUrl}/drafts/1`, owner.token)).body.summary).toBe('Our own words');
    const list = await api.http.get(`/api/v1/cases?clientId=${client.id}`, owner.token);
    expect(list.body.data).toHaveLength(1);
  });

  it('refuses another client for an existing ticket (409), bad input (400) and a key without cases:write (403)', async () => {
    const owner = await signupAgency(api.http, 'Upsert Checks Agency');
    const client = await createClient(api.http, owner.token);
    const otherClient = await createClient(api.http, owner.token, { name: 'Other Seller' });
    const url = '/api/v1/cases/by-external-id/ticket-9';
    expectStatus(await api.http.put(url, ticket(client.id), owner.token), 201);

    const moved = await api.http.put(url, ticket(otherClient.id), owner.token);
    expectStatus(moved, 409);
    expect(moved.body.error.details).toEqual([{ field: 'clientId', message: `the case was opened for client ${client.id}` }]);

    const invalid = await api.http.put(url, { ...ticket(client.id), status: 'approved' }, owner.token);
    expectStatus(invalid, 400);
    expect(invalid.body.error.details[0].field).toBe('status');
    const noTitle = await api.http.put('/api/v1/cases/by-external-id/ticket-10', { ...ticket(client.id), title: undefined }, owner.token);
    expectStatus(noTitle, 400);

    const reader = await createApiKey(api.http, owner.token, ['cases:read']);
    expectStatus(await api.http.put(url, ticket(client.id), reader), 403);
  });

  it('an Idempotency-Key on the upsert replays its first answer; the same key with a changed ticket is refused, naming the first', async () => {
    const owner = await signupAgency(api.http, 'Upsert Key Agency');
    const client = await createClient(api.http, owner.token);
    const url = '/api/v1/cases/by-external-id/ticket-5';
    const key = { 'Idempotency-Key': 'crm-ticket-5-rev-1' };
    const first = await api.http.put(url, ticket(client.id), owner.token, key);
    expectStatus(first, 201);
    const retry = await api.http.put(url, ticket(client.id), owner.token, key);
    expectStatus(retry, 201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
    const changed = await api.http.put(url, ticket(client.id, { title: 'Edited in the CRM' }), owner.token, key);
    expectStatus(changed, 422);
    expect(changed.body.error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', details: { method: 'PUT', path: url } });
  });

  it('two first upserts of one ticket at once open one case', async () => {
    const owner = await signupAgency(api.http, 'Upsert Race Agency');
    const client = await createClient(api.http, owner.token);
    const url = '/api/v1/cases/by-external-id/ticket-race';
    const answers = await Promise.all([1, 2, 3].map(() => api.http.put(url, ticket(client.id), owner.token)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
  });
});
