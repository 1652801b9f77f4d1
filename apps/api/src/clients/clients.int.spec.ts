import { addStaff, createApiKey, signupAgency, startTestApi, type HttpResponse, type TestApi } from '../../test/harness';
import { createCase, createClient, expectStatus } from '../cases/case-test-helpers';

describe('clients and contacts', () => {
  let api: TestApi;
  let token: string;
  beforeAll(async () => {
    api = await startTestApi();
    token = (await signupAgency(api.http, 'Clients Agency')).token;
  });
  afterAll(async () => {
    await api?.close();
  });

  it('creates, reads, updates and validates a client', async () => {
    const { http } = api;
    const created = await http.post(
      '/api/v1/clients',
      { name: 'Blue Harbor Supply', sellerId: 'A1BLUE', marketplaces: ['US', 'UK', 'US'], externalId: 'crm-100', notes: 'VIP' },
      token,
    );
    expectStatus(created, 201);
    expect(created.body).toMatchObject({
      name: 'Blue Harbor Supply',
      sellerId: 'A1BLUE',
      marketplaces: ['US', 'UK'],
      externalId: 'crm-100',
      notes: 'VIP',
      archivedAt: null,
    });
    expect((await http.get(`/api/v1/clients/${created.body.id}`, token)).body.name).toBe('Blue Harbor Supply');

    const updated = await http.patch(`/api/v1/clients/${created.body.id}`, { notes: 'Key account', sellerId: null }, token);
    expectStatus(updated, 200);
    expect(updated.body).toMatchObject({ notes: 'Key account', sellerId: null, name: 'Blue Harbor Supply' });

    const duplicate = await http.post('/api/v1/clients', { name: 'Copy', externalId: 'crm-100' }, token);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.details[0].field).toBe('externalId');
    const bad = await http.post('/api/v1/clients', { name: '', marketplaces: ['MOON'], color: 'blue' }, token);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['name', 'marketplaces.0']));
    expect((await http.get('/api/v1/clients/123', token)).status).toBe(400);
    expect((await http.get('/api/v1/clients/00000000-0000-4000-8000-000000000000', token)).status).toBe(404);
  });

  it('upserts by external id: 201 when created, 200 when updated, keeping fields left out', async () => {
    const { http } = api;
    const first = await http.put(
      '/api/v1/clients/by-external-id/hubspot-42',
      { name: 'Crm Seller', notes: 'from CRM', marketplaces: ['DE'] },
      token,
    );
    expect(first.status).toBe(201);
    const second = await http.put('/api/v1/clients/by-external-id/hubspot-42', { name: 'Crm Seller GmbH' }, token);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({
      id: first.body.id,
      name: 'Crm Seller GmbH',
      notes: 'from CRM',
      marketplaces: ['DE'],
      externalId: 'hubspot-42',
    });
    const racing = await Promise.all(
      [1, 2, 3].map((n) => http.put('/api/v1/clients/by-external-id/hubspot-race', { name: `Racer ${n}` }, token)),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(racing.map((r) => r.body.id)).size).toBe(1);
    expect((await http.put('/api/v1/clients/by-external-id/x', { name: 'n', externalId: 'y' }, token)).status).toBe(400);
  });

  it('searches by name, seller id and external id; archives a client with cases, deletes one without', async () => {
    const { http } = api;
    const { token: t } = await signupAgency(http, 'Archive Agency');
    const withCases = await createClient(http, t, { name: 'Keeper Trading', sellerId: 'A7KEEPER', externalId: 'erp-7' });
    const withoutCases = await createClient(http, t, { name: 'Brief Encounter', sellerId: 'A8BRIEF' });
    await createCase(http, t, withCases.id);
    const names = async (query: string) => (await http.get(`/api/v1/clients?${query}`, t)).body.data.map((c: { name: string }) => c.name);
    expect(await names('q=keeper')).toEqual(['Keeper Trading']);
    expect(await names('q=a8brief')).toEqual(['Brief Encounter']);
    expect(await names('q=ERP-7')).toEqual(['Keeper Trading']);
    expect(await names('')).toEqual(['Brief Encounter', 'Keeper Trading']);

    const archived = await http.delete(`/api/v1/clients/${withCases.id}`, t);
    expect(archived.body).toEqual({ id: withCases.id, result: 'archived' });
    const deleted = await http.delete(`/api/v1/clients/${withoutCases.id}`, t);
    expect(deleted.body).toEqual({ id: withoutCases.id, result: 'deleted' });
    expect((await http.get(`/api/v1/clients/${withoutCases.id}`, t)).status).toBe(404);
    expect(await names('')).toEqual([]);
    expect(await names('includeArchived=true')).toEqual(['Keeper Trading']);
    expect((await http.get(`/api/v1/clients/${withCases.id}`, t)).body.archivedAt).not.toBeNull();
    // No new case for an archived client, until it is brought back.
    const refused = await http.post(
      '/api/v1/cases',
      { clientId: withCases.id, title: 't', violationType: 'other', marketplace: 'US', noticeReceivedAt: '2026-11-20T10:00:00Z' },
      t,
    );
    expect(refused.status).toBe(400);
    expectStatus(await http.patch(`/api/v1/clients/${withCases.id}`, { archived: false }, t), 200);
    expect(await names('')).toEqual(['Keeper Trading']);
  });

  it('pages through clients with a cursor', async () => {
    const { http } = api;
    const { token: t } = await signupAgency(http, 'Many Clients');
    for (const name of ['delta', 'Alpha', 'charlie', 'Bravo', 'echo']) await createClient(http, t, { name });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: HttpResponse = await http.get(`/api/v1/clients?limit=2${cursor ? `&cursor=${cursor}` : ''}`, t);
      seen.push(...res.body.data.map((c: { name: string }) => c.name));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Alpha', 'Bravo', 'charlie', 'delta', 'echo']);
  });

  it('manages contacts: unique email per client, edit, remove', async () => {
    const { http } = api;
    const client = await createClient(http, token, { name: 'Contact Holder' });
    const url = `/api/v1/clients/${client.id}/contacts`;
    const ann = await http.post(url, { name: 'Ann Owner', email: 'Ann@Seller.test' }, token);
    expectStatus(ann, 201);
    expect(ann.body).toMatchObject({ name: 'Ann Owner', email: 'ann@seller.test', clientId: client.id });
    expect((await http.post(url, { name: 'Ann Again', email: 'ann@seller.test' }, token)).status).toBe(409);
    expect((await http.post(url, { name: 'No Mail', email: 'not-an-email' }, token)).status).toBe(400);
    const bob = await http.post(url, { name: 'Bob Buyer', email: 'bob@seller.test' }, token);
    const renamed = await http.patch(`${url}/${bob.body.id}`, { name: 'Robert Buyer' }, token);
    expect(renamed.body).toMatchObject({ name: 'Robert Buyer', email: 'bob@seller.test' });
    expect((await http.patch(`${url}/${bob.body.id}`, { email: 'ann@seller.test' }, token)).status).toBe(409);
    expect((await http.get(url, token)).body.data.map((c: { name: string }) => c.name)).toEqual(['Ann Owner', 'Robert Buyer']);
    expect((await http.delete(`${url}/${bob.body.id}`, token)).status).toBe(204);
    expect((await http.delete(`${url}/${bob.body.id}`, token)).status).toBe(404);
    expect((await http.get(url, token)).body.data).toHaveLength(1);
    // A contact is only reachable through its own client.
    const other = await createClient(http, token, { name: 'Other Holder' });
    expect((await http.patch(`/api/v1/clients/${other.id}/contacts/${ann.body.id}`, { name: 'x' }, token)).status).toBe(404);
    expect((await http.get(`/api/v1/clients/00000000-0000-4000-8000-000000000000/contacts`, token)).status).toBe(404);
  });

  it('applies permissions: viewers and read-only keys read, writers and write keys change', async () => {
    const { http } = api;
    const viewer = await addStaff(http, token, 'viewer');
    expect((await http.get('/api/v1/clients', viewer.token)).status).toBe(200);
    expect((await http.post('/api/v1/clients', { name: 'Nope' }, viewer.token)).status).toBe(403);
    const readKey = await createApiKey(http, token, ['clients:read']);
    expect((await http.get('/api/v1/clients', readKey)).status).toBe(200);
    expect((await http.put('/api/v1/clients/by-external-id/k-1', { name: 'Nope' }, readKey)).status).toBe(403);
    const writeKey = await createApiKey(http, token, ['clients:write']);
    expect((await http.put('/api/v1/clients/by-external-id/k-1', { name: 'Yes' }, writeKey)).status).toBe(201);
    expect((await http.get('/api/v1/clients')).status).toBe(401);
  });
});
