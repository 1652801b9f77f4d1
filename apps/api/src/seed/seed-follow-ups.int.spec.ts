import { TenantDb } from '@poa/db';
import { signupAgency, startTestApi, type TestApi } from '../../test/harness';
import { createCase, createClient, createContact, draftBody, expectStatus, queryAsTenant, transition } from '../cases/case-test-helpers';
import { seedFollowUps } from './seed-follow-ups';

describe('seedFollowUps: months of safety-net history for the demo', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  }, 120_000);
  afterAll(() => api.close());

  it('backfills check-ins on each cadence (some problems, some overdue), once', async () => {
    const a = await signupAgency(api.http, 'Seed Agency');
    const client = await createClient(api.http, a.token, { name: 'Seed Seller' });
    const contact = await createContact(api.http, a.token, client.id, 'Sam Seller');
    const kase = await createCase(api.http, a.token, client.id);
    const measures = [
      { text: 'Daily pick-list check', owner: 'Ops', startDate: null, frequency: 'daily' },
      { text: 'Weekly invoice match', owner: 'Ops', startDate: null, frequency: 'weekly' },
      { text: 'Listing review', owner: 'Ops', startDate: null, frequency: 'before each new listing' },
    ];
    expectStatus(await api.http.post(`/api/v1/cases/${kase.id}/drafts`, { ...draftBody(0), preventiveMeasures: measures }, a.token), 201);
    for (const action of ['start_drafting', 'submit_for_review', 'approve_internal'])
      expectStatus(await transition(api.http, a.token, kase.id, { action }), 200);
    expectStatus(
      await transition(api.http, a.token, kase.id, { action: 'client_approve', contactId: contact.id, fullName: 'Sam', note: 'phone' }),
      200,
    );

    const now = new Date();
    const added = await seedFollowUps(api.app.get(TenantDb), a.tenant.id, { now, months: 4 });
    const rows = await queryAsTenant<{ measure: string; n: number; problems: number; first: Date; last: Date; next_due_at: Date | null }>(
      api.config.DATABASE_URL,
      a.tenant.id,
      `SELECT f.measure, f.next_due_at, count(ci.id)::int AS n, count(ci.id) FILTER (WHERE ci.result = 'problem')::int AS problems,
              min(ci.checked_at) AS first, max(ci.checked_at) AS last
       FROM follow_ups f LEFT JOIN follow_up_check_ins ci ON ci.follow_up_id = f.id GROUP BY f.id ORDER BY f.measure`,
    );
    expect(rows.map((r) => r.measure)).toEqual(['Daily pick-list check', 'Listing review', 'Weekly invoice match']);
    const [daily, events, weekly] = rows;
    expect(daily.n).toBeGreaterThanOrEqual(115);
    expect(daily.n).toBeLessThanOrEqual(121);
    expect(daily.problems).toBeGreaterThan(0);
    expect(weekly.n).toBeGreaterThanOrEqual(15);
    expect(weekly.n).toBeLessThanOrEqual(18);
    expect(events.n).toBeGreaterThanOrEqual(4);
    expect(events.next_due_at).toBeNull();
    expect(added).toBe(rows.reduce((sum, r) => sum + r.n, 0));
    for (const r of [daily, weekly]) {
      expect(new Date(r.first).getTime()).toBeGreaterThan(now.getTime() - 121 * 86_400_000);
      expect(new Date(r.last).getTime()).toBeLessThan(now.getTime());
      expect(new Date(r.next_due_at!).getTime()).toBeGreaterThan(new Date(r.last).getTime());
    }
    // The API shows the history.
    const listed = (await api.http.get(`/api/v1/follow-ups?clientId=${client.id}`, a.token)).body.data;
    expect(listed.every((f: { lastCheckIn: unknown }) => f.lastCheckIn !== null)).toBe(true);

    // Again: nothing more.
    expect(await seedFollowUps(api.app.get(TenantDb), a.tenant.id, { now, months: 4 })).toBe(0);
  });
});
