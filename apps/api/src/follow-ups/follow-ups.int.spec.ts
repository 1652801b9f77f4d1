import { addStaff, signupAgency, startTestApi, type TestApi } from '../../test/harness';
import { createCase, draftBody, expectStatus, queryAsTenant, transition } from '../cases/case-test-helpers';
import { caseInClientReview, clientWithPortalSession } from '../portal/portal-test-helpers';

const DAY = 24 * 3600_000;
const MEASURES = [
  { text: 'Pick lists are checked against the brand authorisation list.', owner: 'Warehouse lead', startDate: null, frequency: 'daily' },
  { text: 'Supplier invoices are matched to new stock.', owner: 'Ops', startDate: null, frequency: 'every Monday' },
  { text: 'Listings are reviewed for restricted claims.', owner: 'Listings team', startDate: null, frequency: 'before each new listing' },
  { text: 'Account health is reviewed.', owner: 'Owner', startDate: null, frequency: 'regularly' },
];

function planWith(baseVersion: number, measures: typeof MEASURES) {
  return { ...draftBody(baseVersion, 'Plan with safety nets'), preventiveMeasures: measures };
}

describe('the safety-net tracker', () => {
  let api: TestApi;
  let a: Awaited<ReturnType<typeof signupAgency>>;
  let seller: Awaited<ReturnType<typeof clientWithPortalSession>>;
  let caseId: string;
  const list = (query = '', token = a.token) => api.http.get(`/api/v1/follow-ups${query}`, token);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- API answers, checked field by field
  const byMeasure = (rows: { measure: string }[], prefix: string) => rows.find((r) => r.measure.startsWith(prefix)) as any;

  beforeAll(async () => {
    api = await startTestApi();
    a = await signupAgency(api.http, 'Safety Agency');
    seller = await clientWithPortalSession(api.http, a.token, 'Tracked Seller');
    caseId = (await createCase(api.http, a.token, seller.client.id)).id;
    expectStatus(await api.http.post(`/api/v1/cases/${caseId}/drafts`, planWith(0, MEASURES), a.token), 201);
  }, 180_000);
  afterAll(() => api.close());

  it('approval in the portal makes one follow-up per measure with the cadence read from its frequency; approving again adds none', async () => {
    for (const action of ['start_drafting', 'submit_for_review', 'approve_internal'])
      expectStatus(await transition(api.http, a.token, caseId, { action }), 200);
    const before = Date.now();
    const approved = await api.http.post(
      `/api/v1/portal/cases/${caseId}/approve`,
      { version: 1, fullName: 'Tracked Seller' },
      seller.portalToken,
    );
    expectStatus(approved, 200);

    const res = await list(`?clientId=${seller.client.id}`);
    expectStatus(res, 200);
    const rows = res.body.data;
    expect(rows).toHaveLength(4);
    expect(res.body.nextCursor).toBeNull();
    const daily = byMeasure(rows, 'Pick lists');
    expect(daily).toMatchObject({
      caseId,
      clientId: seller.client.id,
      owner: 'Warehouse lead',
      cadence: { every: 1, unit: 'day' },
      cadenceSource: 'parsed',
    });
    expect(Date.parse(daily.nextDueAt) - before).toBeGreaterThanOrEqual(DAY - 1000);
    expect(Date.parse(daily.nextDueAt) - before).toBeLessThan(DAY + 60_000);
    expect(byMeasure(rows, 'Supplier').cadence).toEqual({ every: 1, unit: 'week' });
    expect(byMeasure(rows, 'Listings')).toMatchObject({ cadence: 'event', nextDueAt: null, status: 'ok' });
    expect(byMeasure(rows, 'Account health')).toMatchObject({
      cadence: { every: 1, unit: 'month' },
      cadenceSource: 'default',
      frequency: 'regularly',
    });
    // Sorted by next due time, events last.
    expect(rows.map((r: { measure: string }) => r.measure.slice(0, 8))).toEqual(['Pick lis', 'Supplier', 'Account ', 'Listings']);

    // A second round re-approved by staff: no duplicate, a dropped measure ends, a new one starts, check-ins stay.
    const check = await api.http.post(`/api/v1/follow-ups/${daily.id}/check-ins`, { result: 'done', note: 'All fine' }, a.token);
    expectStatus(check, 201);
    expectStatus(await transition(api.http, a.token, caseId, { action: 'mark_submitted' }), 200);
    expectStatus(
      await transition(api.http, a.token, caseId, {
        action: 'record_outcome',
        outcome: 'more_info_requested',
        amazonRequest: 'More proof',
      }),
      200,
    );
    const detail = (await api.http.get(`/api/v1/cases/${caseId}`, a.token)).body;
    if (detail.status !== 'drafting') expectStatus(await transition(api.http, a.token, caseId, { action: 'start_drafting' }), 200);
    const round2 = [...MEASURES.slice(0, 3), { text: 'Returns are inspected.', owner: 'Ops', startDate: null, frequency: 'every 2 weeks' }];
    expectStatus(await api.http.post(`/api/v1/cases/${caseId}/drafts`, planWith(1, round2), a.token), 201);
    for (const action of ['submit_for_review', 'approve_internal'])
      expectStatus(await transition(api.http, a.token, caseId, { action }), 200);
    expectStatus(
      await transition(api.http, a.token, caseId, {
        action: 'client_approve',
        contactId: seller.contact.id,
        fullName: 'Tracked Seller',
        note: 'by e-mail',
      }),
      200,
    );
    const after = (await list(`?clientId=${seller.client.id}`)).body.data;
    expect(after.map((r: { measure: string }) => r.measure).sort()).toEqual(round2.map((m) => m.text).sort());
    expect(byMeasure(after, 'Pick lists').id).toBe(daily.id);
    expect(byMeasure(after, 'Pick lists').lastCheckIn).toMatchObject({ result: 'done', note: 'All fine' });
    expect(byMeasure(after, 'Returns').cadence).toEqual({ every: 2, unit: 'week' });
    const all = await queryAsTenant<{ n: number }>(
      api.config.DATABASE_URL,
      a.tenant.id,
      `SELECT count(*)::int AS n FROM follow_ups WHERE case_id = $1`,
      [caseId],
    );
    expect(all[0].n).toBe(5);
  });

  it('a check-in moves nextDueAt on by the cadence; bad input is a 400 naming the field', async () => {
    const weekly = byMeasure((await list(`?clientId=${seller.client.id}`)).body.data, 'Supplier');
    const res = await api.http.post(`/api/v1/follow-ups/${weekly.id}/check-ins`, { result: 'done', note: '12 invoices matched' }, a.token);
    expectStatus(res, 201);
    expect(Date.parse(res.body.nextDueAt) - Date.parse(res.body.lastCheckIn.checkedAt)).toBe(7 * DAY);
    expect(res.body.lastCheckIn).toMatchObject({ result: 'done', note: '12 invoices matched', by: { type: 'user' } });

    const bad = await api.http.post(`/api/v1/follow-ups/${weekly.id}/check-ins`, { result: 'maybe' }, a.token);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field)).toContain('result');
    const otherCase = await caseInClientReview(api.http, a.token, seller.client.id);
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.4\n%other\n')], { type: 'application/pdf' }), 'other.pdf');
    const upload = await fetch(`${api.baseUrl}/api/v1/cases/${otherCase.id}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.token}` },
      body: form,
    });
    const foreign = (await upload.json()) as { id: string };
    const wrongAttachment = await api.http.post(
      `/api/v1/follow-ups/${weekly.id}/check-ins`,
      { result: 'done', attachmentId: foreign.id },
      a.token,
    );
    expect(wrongAttachment.status).toBe(400);
    expect(wrongAttachment.body.error.details).toEqual([expect.objectContaining({ field: 'attachmentId' })]);

    const patched = await api.http.patch(
      `/api/v1/follow-ups/${weekly.id}`,
      { cadence: { every: 2, unit: 'week' }, owner: 'New owner' },
      a.token,
    );
    expectStatus(patched, 200);
    expect(patched.body).toMatchObject({ cadence: { every: 2, unit: 'week' }, cadenceSource: 'edited', owner: 'New owner' });
    expect(Date.parse(patched.body.nextDueAt) - Date.parse(patched.body.lastCheckIn.checkedAt)).toBe(14 * DAY);
    const badCadence = await api.http.patch(`/api/v1/follow-ups/${weekly.id}`, { cadence: { every: 0, unit: 'fortnight' } }, a.token);
    expect(badCadence.status).toBe(400);
    expect(badCadence.body.error.details.some((d: { field: string }) => d.field.startsWith('cadence'))).toBe(true);
  });

  it('filters by status: overdue, due, ok', async () => {
    const rows = (await list(`?clientId=${seller.client.id}`)).body.data;
    const daily = byMeasure(rows, 'Pick lists');
    const returns = byMeasure(rows, 'Returns');
    await queryAsTenant(
      api.config.DATABASE_URL,
      a.tenant.id,
      `UPDATE follow_ups SET next_due_at = now() - interval '2 days' WHERE id = $1`,
      [daily.id],
    );
    await queryAsTenant(
      api.config.DATABASE_URL,
      a.tenant.id,
      `UPDATE follow_ups SET next_due_at = now() + interval '1 day' WHERE id = $1`,
      [returns.id],
    );
    const ids = async (status: string) =>
      (await list(`?clientId=${seller.client.id}&status=${status}`)).body.data.map((r: { id: string }) => r.id);
    expect(await ids('overdue')).toEqual([daily.id]);
    expect(await ids('due')).toEqual([returns.id]);
    expect(await ids('ok')).not.toContain(daily.id);
    expect((await list('?status=late')).status).toBe(400);
    // Keyset pages of one.
    const first = await list(`?clientId=${seller.client.id}&limit=1`);
    const second = await list(`?clientId=${seller.client.id}&limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.data[0].id).not.toBe(first.body.data[0].id);
  });

  it('the seller checks in from the portal; a problem reaches the assignee at once, in-app and by e-mail', async () => {
    const mine = await api.http.get('/api/v1/portal/follow-ups', seller.portalToken);
    expectStatus(mine, 200);
    expect(mine.body.data).toHaveLength(4);
    const target = byMeasure(mine.body.data, 'Supplier');
    const res = await api.http.post(
      `/api/v1/portal/follow-ups/${target.id}/check-ins`,
      { result: 'problem', note: 'Two invoices are missing for the new lot.' },
      seller.portalToken,
    );
    expectStatus(res, 201);
    expect(res.body.lastCheckIn).toMatchObject({ result: 'problem', by: { type: 'contact', name: 'Tracked Seller Contact' } });
    const notes = (await api.http.get('/api/v1/notifications', a.token)).body.data;
    expect(notes[0]).toMatchObject({ kind: 'follow_up_problem', caseId });
    expect(notes[0].body).toContain('Two invoices are missing');
    const emails = await queryAsTenant<{ job_id: string }>(
      api.config.DATABASE_URL,
      a.tenant.id,
      `SELECT job_id FROM outbox WHERE topic = 'email' AND job_id LIKE 'follow-up-problem-%'`,
    );
    expect(emails).toHaveLength(1);
    // Staff see the check the seller made.
    const staffView = (await api.http.get(`/api/v1/follow-ups/${target.id}/check-ins`, a.token)).body.data;
    expect(staffView[0]).toMatchObject({ result: 'problem', note: 'Two invoices are missing for the new lot.' });
  });

  it('another client’s contact and another agency see none of it', async () => {
    const other = await clientWithPortalSession(api.http, a.token, 'Other Seller');
    const target = (await list(`?clientId=${seller.client.id}`)).body.data[0];
    expect((await api.http.get('/api/v1/portal/follow-ups', other.portalToken)).body.data).toEqual([]);
    expect((await api.http.post(`/api/v1/portal/follow-ups/${target.id}/check-ins`, { result: 'done' }, other.portalToken)).status).toBe(
      404,
    );
    // A contact holds only the portal permission.
    expect((await api.http.get('/api/v1/follow-ups', seller.portalToken)).status).toBe(403);

    const b = await signupAgency(api.http, 'Agency B');
    expect((await list('', b.token)).body.data).toEqual([]);
    expect((await list(`?clientId=${seller.client.id}`, b.token)).body.data).toEqual([]);
    expect((await api.http.get(`/api/v1/follow-ups/${target.id}`, b.token)).status).toBe(404);
    expect((await api.http.post(`/api/v1/follow-ups/${target.id}/check-ins`, { result: 'done' }, b.token)).status).toBe(404);
    expect((await api.http.get(`/api/v1/clients/${seller.client.id}/safety-net.csv`, b.token)).status).toBe(404);
    expect((await api.http.get(`/api/v1/clients/${seller.client.id}/safety-net.pdf`, b.token)).status).toBe(404);
    const viewer = await addStaff(api.http, a.token, 'viewer');
    expect((await api.http.post(`/api/v1/follow-ups/${target.id}/check-ins`, { result: 'done' }, viewer.token)).status).toBe(403);
  });

  it('the CSV log holds each check in the range, in the seller’s voice, and nothing outside it', async () => {
    const daily = byMeasure((await list(`?clientId=${seller.client.id}`)).body.data, 'Pick lists');
    await queryAsTenant(
      api.config.DATABASE_URL,
      a.tenant.id,
      `INSERT INTO follow_up_check_ins (tenant_id, follow_up_id, case_id, result, note, checked_at, actor_type, actor_name)
       VALUES ($1, $2, $3, 'done', 'inside the range', '2026-02-10T10:00:00Z', 'user', 'Ann'),
              ($1, $2, $3, 'problem', 'outside the range', '2026-01-10T10:00:00Z', 'user', 'Ann')`,
      [a.tenant.id, daily.id, caseId],
    );
    await queryAsTenant(api.config.DATABASE_URL, a.tenant.id, `UPDATE follow_ups SET created_at = '2026-01-01' WHERE id = $1`, [daily.id]);
    const res = await fetch(`${api.baseUrl}/api/v1/clients/${seller.client.id}/safety-net.csv?from=2026-02-01&to=2026-02-28`, {
      headers: { authorization: `Bearer ${a.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const text = await res.text();
    expect(text).toContain('inside the range');
    expect(text).toContain(
      'We check: Pick lists are checked against the brand authorisation list, every day (responsible: Warehouse lead). Checked on 2026-02-10: done.',
    );
    expect(text).not.toContain('outside the range');
    expect(text.trim().split('\r\n')).toHaveLength(2);
    const bad = await api.http.get(`/api/v1/clients/${seller.client.id}/safety-net.csv?from=2026-03-01&to=2026-02-01`, a.token);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('from');
    // The widest range the API takes is no 500.
    const widest = await api.http.get(`/api/v1/clients/${seller.client.id}/safety-net.csv?from=0001-01-01&to=9999-12-31`, a.token);
    expect(widest.status).toBe(200);
  });
});
