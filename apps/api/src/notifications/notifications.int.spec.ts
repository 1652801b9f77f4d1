import { sql, TenantDb } from '@poa/db';
import { addBusinessDays } from '@poa/domain';
import { addStaff, createApiKey, signupAgency, startTestApi, type TestApi } from '../../test/harness';
import { createCase, createClient, createContact, draftBody, expectStatus, transition } from '../cases/case-test-helpers';

describe('reminders on cases, notifications and e-mail preferences', () => {
  let api: TestApi;
  let db: TenantDb;
  beforeAll(async () => {
    api = await startTestApi();
    db = api.app.get(TenantDb);
  });
  afterAll(() => api.close());

  const remindersOf = (tenantId: string, caseId: string) =>
    db.read<{ kind: string; occasion: string; fire_at: Date }>(
      sql`SELECT kind, occasion, fire_at FROM reminders WHERE case_id = ${caseId} ORDER BY fire_at, kind`,
      { tenantId },
    );
  /** As the worker's scheduler writes it. */
  const notify = (tenantId: string, userId: string, kind: string, title: string) =>
    db.transaction(
      async (tx) =>
        (
          await tx.query<{ id: string }>(
            `INSERT INTO notifications (tenant_id, user_id, kind, title, body, created_at) VALUES ($1, $2, $3, $4, 'body', clock_timestamp()) RETURNING id`,
            [tenantId, userId, kind, title],
          )
        )[0].id,
      { tenantId },
    );

  it('plans due reminders on create, moves them with a due time edited with a reason, escalates after mark_submitted', async () => {
    const { http } = api;
    const owner = await signupAgency(http, 'Reminder Agency');
    const writer = await addStaff(http, owner.token, 'writer');
    const client = await createClient(http, owner.token);
    const contact = await createContact(http, owner.token, client.id);
    const kase = await createCase(http, owner.token, client.id, { dueAt: '2030-03-08T17:00:00.000Z', assigneeId: writer.user.id });
    expect(kase).toMatchObject({ appealsUsed: 0, fundsHoldUntil: null });
    expect((await remindersOf(owner.tenant.id, kase.id)).map((r) => [r.kind, new Date(r.fire_at).toISOString()])).toEqual([
      ['due_soon', '2030-03-07T17:00:00.000Z'],
      ['overdue', '2030-03-08T17:00:00.000Z'],
    ]);

    // A due time in year 1 (the earliest the API takes) plans no reminder rather than failing.
    expectStatus(await http.patch(`/api/v1/cases/${kase.id}`, { dueAt: '0001-01-01T00:00:00.000Z' }, owner.token), 200);
    expect(await remindersOf(owner.tenant.id, kase.id)).toEqual([]);

    const reasonOnly = await http.patch(`/api/v1/cases/${kase.id}`, { dueAtReason: 'no new time' }, owner.token);
    expect(reasonOnly.status).toBe(400);
    expect(reasonOnly.body.error.details[0].field).toBe('dueAtReason');
    const moved = await http.patch(
      `/api/v1/cases/${kase.id}`,
      { dueAt: '2030-03-11T17:00:00.000Z', dueAtReason: 'Amazon granted a 3-day extension' },
      owner.token,
    );
    expectStatus(moved, 200);
    expect((await remindersOf(owner.tenant.id, kase.id)).map((r) => [r.kind, r.occasion])).toEqual([
      ['due_soon', 'due-2030-03-11T17:00:00.000Z'],
      ['overdue', 'due-2030-03-11T17:00:00.000Z'],
    ]);
    const events = (await http.get(`/api/v1/cases/${kase.id}/events`, owner.token)).body.data as { type: string; data: unknown }[];
    expect(events.find((e) => e.type === 'case.due_changed' && (e.data as { reason: unknown }).reason)?.data).toEqual({
      from: '0001-01-01T00:00:00.000Z',
      to: '2030-03-11T17:00:00.000Z',
      reason: 'Amazon granted a 3-day extension',
    });

    for (const body of [
      { action: 'start_drafting' },
      null,
      { action: 'submit_for_review' },
      { action: 'approve_internal' },
      { action: 'client_approve', contactId: contact.id, fullName: 'Jane Seller', note: 'approved by email' },
      { action: 'mark_submitted' },
    ]) {
      if (body) expectStatus(await transition(http, owner.token, kase.id, body), 200);
      else expectStatus(await http.post(`/api/v1/cases/${kase.id}/drafts`, draftBody(0), owner.token), 201);
    }
    const submitted = await http.get(`/api/v1/cases/${kase.id}`, owner.token);
    expect(submitted.body).toMatchObject({ status: 'submitted', appealsUsed: 1 });
    const planned = await remindersOf(owner.tenant.id, kase.id);
    expect(planned.map((r) => r.kind)).toEqual(['escalate']);
    // Five business days (the default) from the submission.
    expect(Math.abs(new Date(planned[0].fire_at).getTime() - addBusinessDays(new Date(), 5).getTime())).toBeLessThan(60_000);
  });

  it("lists the user's own notifications newest first with the unread count; marks one read; others' are 404", async () => {
    const { http } = api;
    const owner = await signupAgency(http, 'Bell Agency');
    const writer = await addStaff(http, owner.token, 'writer');
    const first = await notify(owner.tenant.id, writer.user.id, 'due_soon', 'POA-1 is due within 24 hours');
    const second = await notify(owner.tenant.id, writer.user.id, 'overdue', 'POA-1 is overdue');
    const ownersOwn = await notify(owner.tenant.id, owner.user.id, 'escalate', 'Owner only');

    const page1 = await http.get('/api/v1/notifications?limit=1', writer.token);
    expectStatus(page1, 200);
    expect(page1.body).toMatchObject({ unreadCount: 2, data: [{ id: second, kind: 'overdue', readAt: null }] });
    const page2 = await http.get(`/api/v1/notifications?limit=1&cursor=${page1.body.nextCursor}`, writer.token);
    expect(page2.body).toMatchObject({ data: [{ id: first }], nextCursor: null });
    expect((await http.get('/api/v1/notifications?cursor=bad', writer.token)).status).toBe(400);

    const read = await http.post(`/api/v1/notifications/${first}/read`, {}, writer.token);
    expectStatus(read, 200);
    expect(read.body.readAt).toEqual(expect.any(String));
    expect((await http.get('/api/v1/notifications', writer.token)).body.unreadCount).toBe(1);

    // Another user's notification, in the same agency, is not there for you.
    expect((await http.post(`/api/v1/notifications/${ownersOwn}/read`, {}, writer.token)).status).toBe(404);
    expect((await http.post(`/api/v1/notifications/${first}/read`, {}, owner.token)).status).toBe(404);
    const ownerList = await http.get('/api/v1/notifications', owner.token);
    expect(ownerList.body.data.map((n: { id: string }) => n.id)).toEqual([ownersOwn]);
  });

  it('keeps e-mail preferences per reminder kind; unknown kinds are refused; API keys have none', async () => {
    const { http } = api;
    const owner = await signupAgency(http, 'Prefs Agency');
    expect((await http.get('/api/v1/me/preferences', owner.token)).body).toEqual({
      email: { due_soon: true, overdue: true, escalate: true, evidence_received: true, follow_up_problem: true },
    });
    const put = await http.put('/api/v1/me/preferences', { email: { overdue: false } }, owner.token);
    expectStatus(put, 200);
    expect(put.body.email).toEqual({ due_soon: true, overdue: false, escalate: true, evidence_received: true, follow_up_problem: true });
    expect((await http.put('/api/v1/me/preferences', { email: { escalate: false } }, owner.token)).body.email).toEqual({
      due_soon: true,
      overdue: false,
      escalate: false,
      evidence_received: true,
      follow_up_problem: true,
    });
    const bad = await http.put('/api/v1/me/preferences', { email: { lunch: true } }, owner.token);
    expect(bad.status).toBe(400);
    const key = await createApiKey(http, owner.token, ['cases:read']);
    expect((await http.get('/api/v1/notifications', key)).status).toBe(403);
  });
});
