import { addStaff, signupAgency, startTestApi, type TestApi } from '../../test/harness';
import { createCase, createClient, draftBody, expectStatus, transition } from './case-test-helpers';

const HOUR = 3_600_000;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

describe('case queues and the counts of the list', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('counts due today and overdue apart, and each queue for the caller, in the list answer', async () => {
    const { http } = api;
    const owner = await signupAgency(http, 'Queue Agency');
    const writer = await addStaff(http, owner.token, 'writer');
    const reviewer = await addStaff(http, owner.token, 'reviewer');
    const client = await createClient(http, owner.token);
    const dayEnd = inHours(6);

    const dueSoon = await createCase(http, owner.token, client.id, { dueAt: inHours(2), assigneeId: writer.user.id });
    const threeDaysLate = await createCase(http, owner.token, client.id, { dueAt: inHours(-72), assigneeId: writer.user.id });
    const inTwoDays = await createCase(http, owner.token, client.id, { dueAt: inHours(48), assigneeId: writer.user.id });
    const closedLate = await createCase(http, owner.token, client.id, { dueAt: inHours(-5), assigneeId: writer.user.id });
    expectStatus(await transition(http, owner.token, closedLate.id, { action: 'close' }), 200);
    // In review, written by the writer: the reviewer's queue, not the writer's review queue.
    expectStatus(await transition(http, writer.token, inTwoDays.id, { action: 'start_drafting' }), 200);
    expectStatus(await http.post(`/api/v1/cases/${inTwoDays.id}/drafts`, draftBody(0), writer.token), 201);
    expectStatus(await transition(http, writer.token, inTwoDays.id, { action: 'submit_for_review' }), 200);
    const reviewersOwn = await createCase(http, owner.token, client.id, { dueAt: inHours(100), assigneeId: reviewer.user.id });
    expectStatus(await transition(http, reviewer.token, reviewersOwn.id, { action: 'start_drafting' }), 200);
    expectStatus(await http.post(`/api/v1/cases/${reviewersOwn.id}/drafts`, draftBody(0), reviewer.token), 201);
    expectStatus(await transition(http, reviewer.token, reviewersOwn.id, { action: 'submit_for_review' }), 200);

    const list = async (token: string, query: string) => (await http.get(`/api/v1/cases?${query}`, token)).body;
    const counted = `counts=true&dayEnd=${encodeURIComponent(dayEnd)}`;

    expect((await list(writer.token, counted)).counts).toEqual({ dueToday: 1, overdue: 1, mine: 3, review: 0 });
    expect((await list(reviewer.token, counted)).counts).toEqual({ dueToday: 1, overdue: 1, mine: 1, review: 1 });
    expect((await list(owner.token, 'limit=5')).counts).toBeUndefined();

    const ids = async (token: string, query: string) => (await list(token, query)).data.map((c: { id: string }) => c.id).sort();
    expect(await ids(writer.token, 'queue=mine')).toEqual([dueSoon.id, threeDaysLate.id, inTwoDays.id].sort());
    expect(await ids(writer.token, 'queue=review')).toEqual([]);
    expect(await ids(reviewer.token, 'queue=review')).toEqual([inTwoDays.id]);
    expect(await ids(owner.token, 'queue=review')).toEqual([inTwoDays.id, reviewersOwn.id].sort());
    // Due today as the list filters it: not overdue, due before the end of the day.
    expect(await ids(owner.token, `overdue=false&status=intake,drafting,internal_review&dueBefore=${encodeURIComponent(dayEnd)}`)).toEqual([
      dueSoon.id,
    ]);

    expectStatus(await http.get('/api/v1/cases?queue=everything', owner.token), 400);
    expectStatus(await http.get('/api/v1/cases?counts=true&dayEnd=tomorrow', owner.token), 400);
  });
});
