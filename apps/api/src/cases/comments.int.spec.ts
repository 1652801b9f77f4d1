import { signupAgency, startTestApi, type TestApi } from '../../test/harness';
import { createCase, createClient, draftBody, expectStatus } from './case-test-helpers';

describe('comments and case edits', () => {
  let api: TestApi;
  let token: string;
  let caseId: string;
  beforeAll(async () => {
    api = await startTestApi();
    token = (await signupAgency(api.http, 'Talkative Agency')).token;
    caseId = (await createCase(api.http, token, (await createClient(api.http, token)).id)).id;
    expectStatus(await api.http.post(`/api/v1/cases/${caseId}/drafts`, draftBody(0), token), 201);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('threads comments on a version and section, keeps internal threads internal, and lists them in order', async () => {
    const url = `/api/v1/cases/${caseId}/comments`;
    const root = await api.http.post(
      url,
      { body: 'Is the root cause specific enough?', visibility: 'internal', version: 1, section: 'rootCauses' },
      token,
    );
    expectStatus(root, 201);
    expect(root.body).toMatchObject({
      visibility: 'internal',
      version: 1,
      section: 'rootCauses',
      parentId: null,
      author: { type: 'user', name: 'Owner' },
    });
    const reply = await api.http.post(url, { body: 'Added the supplier name.', visibility: 'internal', parentId: root.body.id }, token);
    expectStatus(reply, 201);
    expect(reply.body.parentId).toBe(root.body.id);
    const leak = await api.http.post(
      url,
      { body: 'Shared reply to an internal note', visibility: 'shared', parentId: root.body.id },
      token,
    );
    expect(leak.status).toBe(400);
    const shared = await api.http.post(url, { body: 'Please send the invoices.', visibility: 'shared' }, token);
    expectStatus(shared, 201);
    expect((await api.http.post(url, { body: 'About v9', visibility: 'internal', version: 9 }, token)).status).toBe(400);
    expect((await api.http.post(url, { body: 'x', visibility: 'public' }, token)).status).toBe(400);
    expect((await api.http.post(url, { body: 'x', visibility: 'internal', section: 'epilogue' }, token)).status).toBe(400);

    const all = await api.http.get(`${url}?limit=2`, token);
    expect(all.body.data.map((c: { id: string }) => c.id)).toEqual([root.body.id, reply.body.id]);
    const rest = await api.http.get(`${url}?limit=2&cursor=${all.body.nextCursor}`, token);
    expect(rest.body.data.map((c: { id: string }) => c.id)).toEqual([shared.body.id]);
    expect(rest.body.nextCursor).toBeNull();
    expect((await api.http.get(`${url}?visibility=shared`, token)).body.data.map((c: { id: string }) => c.id)).toEqual([shared.body.id]);
    expect((await api.http.get(`${url}/${reply.body.id}`, token)).body.body).toBe('Added the supplier name.');
    const events = await api.http.get(`/api/v1/cases/${caseId}/events`, token);
    expect(events.body.data.filter((e: { type: string }) => e.type === 'comment.added')).toHaveLength(3);
  });

  it('patches case details, refreshing search and recording the change, but never the status', async () => {
    const patched = await api.http.patch(
      `/api/v1/cases/${caseId}`,
      { title: 'Renamed case', asins: ['b0newasin1'], dueAt: '2030-01-01T00:00:00.000Z', externalId: 'zendesk-9' },
      token,
    );
    expectStatus(patched, 200);
    expect(patched.body).toMatchObject({
      title: 'Renamed case',
      asins: ['B0NEWASIN1'],
      dueAt: '2030-01-01T00:00:00.000Z',
      externalId: 'zendesk-9',
      status: 'intake',
    });
    expect((await api.http.get('/api/v1/cases?q=b0newasin1', token)).body.data.map((c: { id: string }) => c.id)).toEqual([caseId]);
    expect((await api.http.get('/api/v1/cases?q=b00test001', token)).body.data).toEqual([]);
    const events = await api.http.get(`/api/v1/cases/${caseId}/events`, token);
    expect(events.body.data.some((e: { type: string }) => e.type === 'case.updated')).toBe(true);
    const other = await createCase(api.http, token, (await createClient(api.http, token, { name: 'Second' })).id);
    const clash = await api.http.patch(`/api/v1/cases/${other.id}`, { externalId: 'zendesk-9' }, token);
    expect(clash.status).toBe(409);
    expect(clash.body.error.details[0].field).toBe('externalId');
  });

  it('documents every case, draft, comment, client and attachment endpoint in the OpenAPI', async () => {
    const doc = await api.http.get('/api/openapi.json');
    const paths = Object.keys(doc.body.paths);
    for (const path of [
      '/api/v1/clients',
      '/api/v1/clients/{id}',
      '/api/v1/clients/by-external-id/{externalId}',
      '/api/v1/clients/{id}/contacts',
      '/api/v1/clients/{id}/contacts/{contactId}',
      '/api/v1/cases',
      '/api/v1/cases/{id}',
      '/api/v1/cases/{id}/transitions',
      '/api/v1/cases/{id}/events',
      '/api/v1/cases/{id}/drafts',
      '/api/v1/cases/{id}/drafts/{version}',
      '/api/v1/cases/{id}/drafts/{version}/diff',
      '/api/v1/cases/{id}/comments',
      '/api/v1/cases/{id}/attachments',
      '/api/v1/cases/{id}/attachments/{attachmentId}',
    ]) {
      expect(paths).toContain(path);
    }
    const transitionOp = doc.body.paths['/api/v1/cases/{id}/transitions'].post;
    expect(Object.keys(transitionOp.responses)).toEqual(expect.arrayContaining(['200', '400', '403', '404', '409']));
    expect(transitionOp.requestBody).toBeDefined();
  });
});
