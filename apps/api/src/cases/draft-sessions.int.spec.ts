import { addStaff, signupAgency, startTestApi, type TestApi } from '../../test/harness';
import { createCase, createClient, draftBody, expectStatus, transition } from './case-test-helpers';

const SESSION_A = '0b6f4b1e-6a55-4f0e-9d2a-0d5f1c2a3b4c';
const SESSION_B = '7c1e2d3f-4a5b-4c6d-8e7f-901a2b3c4d5e';

describe('draft versions per editing session', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  async function setup() {
    const { http } = api;
    const owner = await signupAgency(http, 'Session Agency');
    const client = await createClient(http, owner.token);
    const created = await createCase(http, owner.token, client.id);
    return { owner, caseId: created.id };
  }

  it('autosaves of one session replace one version; ending the session names it and the next save adds a version', async () => {
    const { http } = api;
    const { owner, caseId } = await setup();
    const save = (body: object) => http.post(`/api/v1/cases/${caseId}/drafts`, body, owner.token);

    expect((await save({ ...draftBody(0, 'first pause'), sessionId: SESSION_A })).body.version).toBe(1);
    expect((await save({ ...draftBody(1, 'second pause'), sessionId: SESSION_A })).body.version).toBe(1);
    const named = await save({ ...draftBody(1, 'third pause'), sessionId: SESSION_A, name: 'Before the review', endSession: true });
    expect(named.body).toMatchObject({ version: 1, name: 'Before the review', summary: 'third pause' });
    // The same session after "Save version": a new version.
    expect((await save({ ...draftBody(1, 'after saving'), sessionId: SESSION_A })).body.version).toBe(2);
    // Another session (another tab, a reload): a new version.
    expect((await save({ ...draftBody(2, 'other tab'), sessionId: SESSION_B })).body.version).toBe(3);
    // No session: a version per save, as before.
    expect((await save(draftBody(3, 'no session'))).body.version).toBe(4);
    expect((await save(draftBody(4, 'no session again'))).body.version).toBe(5);

    const list = (await http.get(`/api/v1/cases/${caseId}/drafts`, owner.token)).body.data;
    expect(list.map((v: { version: number; name: string | null }) => [v.version, v.name])).toEqual([
      [1, 'Before the review'],
      [2, null],
      [3, null],
      [4, null],
      [5, null],
    ]);
    expect((await http.get(`/api/v1/cases/${caseId}/drafts/1`, owner.token)).body.summary).toBe('third pause');
    const events = (await http.get(`/api/v1/cases/${caseId}/events`, owner.token)).body.data;
    expect(events.filter((e: { type: string }) => e.type === 'draft.version_created')).toHaveLength(5);
  });

  it('never rewrites a version another author saved, or one that went to review', async () => {
    const { http } = api;
    const { owner, caseId } = await setup();
    const writer = await addStaff(http, owner.token, 'writer');
    expectStatus(await transition(http, owner.token, caseId, { action: 'start_drafting' }), 200);
    expect((await http.post(`/api/v1/cases/${caseId}/drafts`, { ...draftBody(0), sessionId: SESSION_A }, owner.token)).body.version).toBe(
      1,
    );
    // Same session id from someone else: a new version.
    expect((await http.post(`/api/v1/cases/${caseId}/drafts`, { ...draftBody(1), sessionId: SESSION_A }, writer.token)).body.version).toBe(
      2,
    );

    expect((await http.post(`/api/v1/cases/${caseId}/drafts`, { ...draftBody(2), sessionId: SESSION_B }, owner.token)).body.version).toBe(
      3,
    );
    expectStatus(await transition(http, owner.token, caseId, { action: 'submit_for_review' }), 200);
    expectStatus(await transition(http, owner.token, caseId, { action: 'request_changes', comment: 'Name the supplier.' }), 200);
    const after = await http.post(`/api/v1/cases/${caseId}/drafts`, { ...draftBody(3, 'revised'), sessionId: SESSION_B }, owner.token);
    expect(after.body.version).toBe(4);
    expect((await http.get(`/api/v1/cases/${caseId}/drafts/3`, owner.token)).body.summary).toBe('Summary of the plan');
  });

  it('restores an earlier version as a new one', async () => {
    const { http } = api;
    const { owner, caseId } = await setup();
    expectStatus(await http.post(`/api/v1/cases/${caseId}/drafts`, draftBody(0, 'the good one'), owner.token), 201);
    expectStatus(await http.post(`/api/v1/cases/${caseId}/drafts`, draftBody(1, 'the bad one'), owner.token), 201);

    const restored = await http.post(`/api/v1/cases/${caseId}/drafts/1/restore`, { baseVersion: 2 }, owner.token);
    expectStatus(restored, 201);
    expect(restored.body).toMatchObject({ version: 3, summary: 'the good one', name: 'Restored from version 1' });
    expect((await http.get(`/api/v1/cases/${caseId}/drafts/1`, owner.token)).body.summary).toBe('the good one');

    const stale = await http.post(`/api/v1/cases/${caseId}/drafts/1/restore`, { baseVersion: 2 }, owner.token);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    expectStatus(await http.post(`/api/v1/cases/${caseId}/drafts/9/restore`, { baseVersion: 3 }, owner.token), 404);
    expectStatus(await http.post(`/api/v1/cases/${caseId}/drafts/1/restore`, { baseVersion: 3, extra: true }, owner.token), 400);
  });
});
