import { signupAgency, startTestApi, type TestApi } from '../../test/harness';
import { createCase, createClient, draftBody, expectStatus, transition } from './case-test-helpers';

describe('cases under concurrency', () => {
  let api: TestApi;
  let token: string;
  let clientId: string;
  beforeAll(async () => {
    api = await startTestApi();
    token = (await signupAgency(api.http, 'Busy Agency')).token;
    clientId = (await createClient(api.http, token)).id;
  });
  afterAll(async () => {
    await api?.close();
  });

  it('two saves on the same baseVersion: exactly one version is created, the other answers VERSION_CONFLICT', async () => {
    const { id } = await createCase(api.http, token, clientId);
    expectStatus(await api.http.post(`/api/v1/cases/${id}/drafts`, draftBody(0, 'v1'), token), 201);
    const [a, b] = await Promise.all([
      api.http.post(`/api/v1/cases/${id}/drafts`, draftBody(1, 'writer A'), token),
      api.http.post(`/api/v1/cases/${id}/drafts`, draftBody(1, 'writer B'), token),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const loser = a.status === 409 ? a : b;
    const winner = a.status === 201 ? a : b;
    expect(loser.body.error).toMatchObject({ code: 'VERSION_CONFLICT', details: { latestVersion: 2 } });
    expect(winner.body.version).toBe(2);
    const versions = await api.http.get(`/api/v1/cases/${id}/drafts`, token);
    expect(versions.body.data.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect((await api.http.get(`/api/v1/cases/${id}/drafts/2`, token)).body.summary).toBe(winner.body.summary);
  });

  it('five identical submit_for_review at once: exactly one succeeds, the others answer INVALID_TRANSITION', async () => {
    const { id } = await createCase(api.http, token, clientId);
    expectStatus(await transition(api.http, token, id, { action: 'start_drafting' }), 200);
    expectStatus(await api.http.post(`/api/v1/cases/${id}/drafts`, draftBody(0), token), 201);
    const answers = await Promise.all(Array.from({ length: 5 }, () => transition(api.http, token, id, { action: 'submit_for_review' })));
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    const refused = answers.filter((r) => r.status !== 200);
    expect(refused).toHaveLength(4);
    for (const r of refused)
      expect(r.body.error).toMatchObject({
        code: 'INVALID_TRANSITION',
        details: { allowed: expect.arrayContaining(['approve_internal']) },
      });
    const events = await api.http.get(`/api/v1/cases/${id}/events`, token);
    expect(events.body.data.filter((e: { data: { action?: string } }) => e.data.action === 'submit_for_review')).toHaveLength(1);
  });

  it('twenty cases created at once get twenty distinct, consecutive references', async () => {
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) => createCase(api.http, token, clientId, { title: `Parallel ${i}` })),
    );
    const references = created.map((c) => c.reference);
    expect(new Set(references).size).toBe(20);
    const sequences = references.map((r) => Number(r.split('-')[2])).sort((a, b) => a - b);
    expect(sequences[19] - sequences[0]).toBe(19);
  });
});
