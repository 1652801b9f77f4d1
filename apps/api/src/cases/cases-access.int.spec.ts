import { addStaff, createApiKey, signupAgency, startTestApi, type TestApi } from '../../test/harness';
import { createCase, createClient, createContact, draftBody, expectStatus, transition } from './case-test-helpers';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1e4f1e80000000049454e44ae426082',
  'hex',
);

describe('who may do what with cases', () => {
  let api: TestApi;
  let owner: Awaited<ReturnType<typeof signupAgency>>;
  beforeAll(async () => {
    api = await startTestApi();
    owner = await signupAgency(api.http, 'Strict Agency');
  });
  afterAll(async () => {
    await api?.close();
  });

  it('answers INVALID_TRANSITION with the actions the state allows', async () => {
    const client = await createClient(api.http, owner.token);
    const { id } = await createCase(api.http, owner.token, client.id);
    const res = await transition(api.http, owner.token, id, { action: 'mark_submitted' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('INVALID_TRANSITION');
    expect(res.body.error.details.allowed.sort()).toEqual(['close', 'start_drafting']);
    // A guard: submit_for_review needs a draft.
    expectStatus(await transition(api.http, owner.token, id, { action: 'start_drafting' }), 200);
    const noDraft = await transition(api.http, owner.token, id, { action: 'submit_for_review' });
    expect(noDraft.status).toBe(409);
    expect(noDraft.body.error.code).toBe('INVALID_TRANSITION');
  });

  it('refuses fields an action does not use, a missing comment, and client_approve without a contact', async () => {
    const client = await createClient(api.http, owner.token);
    const { id } = await createCase(api.http, owner.token, client.id);
    const stray = await transition(api.http, owner.token, id, { action: 'start_drafting', outcome: 'reinstated' });
    expect(stray.status).toBe(400);
    expect(stray.body.error.details).toEqual([expect.objectContaining({ field: 'outcome' })]);
    expect((await transition(api.http, owner.token, id, { action: 'fly_to_the_moon' })).status).toBe(400);
    expect((await transition(api.http, owner.token, id, { action: 'start_drafting', extra: 1 })).status).toBe(400);

    expectStatus(await transition(api.http, owner.token, id, { action: 'start_drafting' }), 200);
    expectStatus(await api.http.post(`/api/v1/cases/${id}/drafts`, draftBody(0), owner.token), 201);
    expectStatus(await transition(api.http, owner.token, id, { action: 'submit_for_review' }), 200);
    const noComment = await transition(api.http, owner.token, id, { action: 'request_changes' });
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.details[0].field).toBe('comment');
    expectStatus(await transition(api.http, owner.token, id, { action: 'approve_internal' }), 200);
    const noContact = await transition(api.http, owner.token, id, { action: 'client_approve', fullName: 'Someone' });
    expect(noContact.status).toBe(400);
    expect(noContact.body.error.details[0].field).toBe('contactId');
    // A contact of another client of the agency is not accepted.
    const otherContact = await createContact(
      api.http,
      owner.token,
      (await createClient(api.http, owner.token, { name: 'Other seller' })).id,
    );
    const wrongContact = await transition(api.http, owner.token, id, {
      action: 'client_approve',
      contactId: otherContact.id,
      fullName: 'Someone',
      note: 'By email',
    });
    expect(wrongContact.status).toBe(400);
    expect((await api.http.get(`/api/v1/cases/${id}`, owner.token)).body.status).toBe('client_review');
  });

  it('a writer gets 403 on approve_internal, a viewer on POST /cases, an API key with only cases:read on POST /cases', async () => {
    const writer = await addStaff(api.http, owner.token, 'writer');
    const viewer = await addStaff(api.http, owner.token, 'viewer');
    const client = await createClient(api.http, writer.token);
    const { id } = await createCase(api.http, writer.token, client.id);
    expectStatus(await transition(api.http, writer.token, id, { action: 'start_drafting' }), 200);
    expectStatus(await api.http.post(`/api/v1/cases/${id}/drafts`, draftBody(0), writer.token), 201);
    expectStatus(await transition(api.http, writer.token, id, { action: 'submit_for_review' }), 200);
    const writerCase = await api.http.get(`/api/v1/cases/${id}`, writer.token);
    expect(writerCase.body.availableActions).not.toContain('approve_internal');
    const denied = await transition(api.http, writer.token, id, { action: 'approve_internal' });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('FORBIDDEN');

    const viewerCreate = await api.http.post(
      '/api/v1/cases',
      { clientId: client.id, title: 'x', violationType: 'other', marketplace: 'US', noticeReceivedAt: '2026-11-20T10:00:00Z' },
      viewer.token,
    );
    expect(viewerCreate.status).toBe(403);
    expect((await api.http.get(`/api/v1/cases/${id}`, viewer.token)).body.availableActions).toEqual([]);

    const readKey = await createApiKey(api.http, owner.token, ['cases:read']);
    const keyCreate = await api.http.post(
      '/api/v1/cases',
      { clientId: client.id, title: 'x', violationType: 'other', marketplace: 'US', noticeReceivedAt: '2026-11-20T10:00:00Z' },
      readKey,
    );
    expect(keyCreate.status).toBe(403);
    expect((await api.http.get(`/api/v1/cases/${id}`, readKey)).status).toBe(200);
  });

  it('answers 400 for bad bodies and malformed ids, 404 for unknown ids', async () => {
    const client = await createClient(api.http, owner.token);
    const bad = await api.http.post(
      '/api/v1/cases',
      { clientId: client.id, title: '', violationType: 'speeding', marketplace: 'XX', asins: ['nope'], noticeReceivedAt: 'yesterday' },
      owner.token,
    );
    expect(bad.status).toBe(400);
    const fields = bad.body.error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'violationType', 'marketplace', 'asins.0', 'noticeReceivedAt']));
    const unknownClient = await api.http.post(
      '/api/v1/cases',
      {
        clientId: '00000000-0000-4000-8000-000000000000',
        title: 't',
        violationType: 'other',
        marketplace: 'US',
        noticeReceivedAt: '2026-11-20T10:00:00Z',
      },
      owner.token,
    );
    expect(unknownClient.status).toBe(400);
    expect(unknownClient.body.error.details[0].field).toBe('clientId');
    expect((await api.http.get('/api/v1/cases/not-a-uuid', owner.token)).status).toBe(400);
    expect((await api.http.get('/api/v1/cases/not-a-uuid/drafts/1', owner.token)).status).toBe(400);
    expect((await api.http.get('/api/v1/cases/00000000-0000-4000-8000-000000000000', owner.token)).status).toBe(404);
    expect((await api.http.get('/api/v1/cases?cursor=garbage', owner.token)).status).toBe(400);
    expect((await api.http.get('/api/v1/cases?status=flying', owner.token)).status).toBe(400);
    const { id } = await createCase(api.http, owner.token, client.id);
    expect((await api.http.get(`/api/v1/cases/${id}/drafts/1`, owner.token)).status).toBe(404);
    expect((await api.http.get(`/api/v1/cases/${id}/drafts/abc`, owner.token)).status).toBe(400);
    expect((await api.http.patch(`/api/v1/cases/${id}`, { status: 'approved' }, owner.token)).status).toBe(400);
    expect(
      (await api.http.post(`/api/v1/cases/${id}/drafts`, { ...draftBody(0), rootCauses: [{ text: 'x', extra: true }] }, owner.token))
        .status,
    ).toBe(400);
    const badDoc = await api.http.post(
      `/api/v1/cases/${id}/drafts`,
      { ...draftBody(0), supportingDocuments: [{ attachmentId: '00000000-0000-4000-8000-000000000000', description: 'invoice' }] },
      owner.token,
    );
    expect(badDoc.status).toBe(400);
    expect(badDoc.body.error.details[0].field).toBe('supportingDocuments.0.attachmentId');
    const badParent = await api.http.post(
      `/api/v1/cases/${id}/comments`,
      { body: 'hi', visibility: 'internal', parentId: '00000000-0000-4000-8000-000000000000' },
      owner.token,
    );
    expect(badParent.status).toBe(400);
  });

  it("tenant B (user token, and API key with every scope) gets 404 for tenant A's client, contact, case, draft, comment and attachment", async () => {
    const { http } = api;
    const client = await createClient(http, owner.token, { externalId: 'crm-a-1' });
    const contact = await createContact(http, owner.token, client.id);
    const { id } = await createCase(http, owner.token, client.id);
    expectStatus(await http.post(`/api/v1/cases/${id}/drafts`, draftBody(0), owner.token), 201);
    const comment = await http.post(`/api/v1/cases/${id}/comments`, { body: 'Internal note', visibility: 'internal' }, owner.token);
    expectStatus(comment, 201);
    const form = new FormData();
    form.append('file', new Blob([PNG]), 'evidence.png');
    const upload = await fetch(`${http.baseUrl}/api/v1/cases/${id}/attachments`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${owner.token}` },
    });
    expect(upload.status).toBe(201);
    const attachment = (await upload.json()) as { id: string };

    const tenantB = await signupAgency(http, 'Tenant B');
    const keyB = await createApiKey(http, tenantB.token, ['clients:read', 'clients:write', 'cases:read', 'cases:write', 'webhooks:manage']);
    const bClient = await createClient(http, tenantB.token);
    for (const credential of [tenantB.token, keyB]) {
      const probes: [string, string, unknown?][] = [
        ['GET', `/api/v1/clients/${client.id}`],
        ['PATCH', `/api/v1/clients/${client.id}`, { name: 'Hijacked' }],
        ['DELETE', `/api/v1/clients/${client.id}`],
        ['GET', `/api/v1/clients/${client.id}/contacts`],
        ['POST', `/api/v1/clients/${client.id}/contacts`, { name: 'Intruder', email: 'intruder@b.test' }],
        ['PATCH', `/api/v1/clients/${client.id}/contacts/${contact.id}`, { name: 'Hijacked' }],
        ['DELETE', `/api/v1/clients/${client.id}/contacts/${contact.id}`],
        ['PATCH', `/api/v1/clients/${bClient.id}/contacts/${contact.id}`, { name: 'Hijacked' }],
        ['GET', `/api/v1/cases/${id}`],
        ['PATCH', `/api/v1/cases/${id}`, { title: 'Hijacked' }],
        ['POST', `/api/v1/cases/${id}/transitions`, { action: 'start_drafting' }],
        ['GET', `/api/v1/cases/${id}/drafts`],
        ['GET', `/api/v1/cases/${id}/drafts/1`],
        ['GET', `/api/v1/cases/${id}/drafts/1/diff?against=1`],
        ['POST', `/api/v1/cases/${id}/drafts`, draftBody(1)],
        ['GET', `/api/v1/cases/${id}/comments`],
        ['GET', `/api/v1/cases/${id}/comments/${comment.body.id}`],
        ['POST', `/api/v1/cases/${id}/comments`, { body: 'hi', visibility: 'internal' }],
        ['GET', `/api/v1/cases/${id}/events`],
        ['GET', `/api/v1/cases/${id}/attachments`],
        ['GET', `/api/v1/cases/${id}/attachments/${attachment.id}`],
      ];
      for (const [method, path, body] of probes) {
        const res = await http.request(method, path, { token: credential, body });
        if (res.status !== 404) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
      }
      // Referencing A's client from B's side is refused as unknown, and B's lists never show A's rows.
      const crossCase = await http.post(
        '/api/v1/cases',
        { clientId: client.id, title: 't', violationType: 'other', marketplace: 'US', noticeReceivedAt: '2026-11-20T10:00:00Z' },
        credential,
      );
      expect(crossCase.status).toBe(400);
      expect((await http.get('/api/v1/cases', credential)).body.data).toEqual([]);
      const bClients = (await http.get('/api/v1/clients', credential)).body.data.map((c: { id: string }) => c.id);
      expect(bClients).toContain(bClient.id);
      expect(bClients).not.toContain(client.id);
      // The CRM upsert by A's external id creates B's own client rather than touching A's.
      const upsert = await http.put('/api/v1/clients/by-external-id/crm-a-1', { name: `B's own ${credential.slice(0, 4)}` }, credential);
      expect([200, 201]).toContain(upsert.status);
      expect(upsert.body.id).not.toBe(client.id);
    }
    const stillA = await http.get(`/api/v1/clients/${client.id}`, owner.token);
    expect(stillA.body.name).toBe(client.name);
    expect((await http.get(`/api/v1/clients/${client.id}/contacts`, owner.token)).body.data).toHaveLength(1);
    expect((await http.get(`/api/v1/cases/${id}`, owner.token)).body.title).not.toBe('Hijacked');
  });
});
