import { addStaff, signupAgency, startTestApi, type HttpResponse, type TestApi } from '../../test/harness';
import { createCase, createClient, expectStatus } from './case-test-helpers';

describe('listing and searching cases', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('finds a case by ASIN, client name, seller id and reference, and follows a client rename', async () => {
    const { http } = api;
    const { token } = await signupAgency(http, 'Search Agency');
    const zephyr = await createClient(http, token, { name: 'Zephyr Kitchenware', sellerId: 'A3ZEPHYRSELLER' });
    const other = await createClient(http, token, { name: 'Plain Goods', sellerId: 'A9PLAIN' });
    const target = await createCase(http, token, zephyr.id, { title: 'Counterfeit complaint on whisks', asins: ['B0WHISK123'] });
    await createCase(http, token, other.id, {
      title: 'Late shipments in October',
      violationType: 'late_shipment_rate',
      asins: ['B0OTHER999'],
    });
    const ids = async (q: string) =>
      (await http.get(`/api/v1/cases?q=${encodeURIComponent(q)}`, token)).body.data.map((c: { id: string }) => c.id);

    expect(await ids('b0whisk123')).toEqual([target.id]);
    expect(await ids('Zephyr')).toEqual([target.id]);
    expect(await ids('a3zephyr')).toEqual([target.id]);
    expect(await ids(target.reference)).toEqual([target.id]);
    expect(await ids('whisks')).toEqual([target.id]);
    expect(await ids('100%_')).toEqual([]);

    expectStatus(await http.patch(`/api/v1/clients/${zephyr.id}`, { name: 'Aurora Housewares' }, token), 200);
    expect(await ids('aurora')).toEqual([target.id]);
    expect(await ids('zephyr kitchen')).toEqual([]);
    const page = await http.get(`/api/v1/cases?q=aurora`, token);
    expect(page.body.data[0].client).toMatchObject({ id: zephyr.id, name: 'Aurora Housewares', sellerId: 'A3ZEPHYRSELLER' });
  });

  it('filters by status, client, violation type, assignee, due date and overdue, and sorts by dueAt', async () => {
    const { http } = api;
    const owner = await signupAgency(http, 'Filter Agency');
    const writer = await addStaff(http, owner.token, 'writer');
    const a = await createClient(http, owner.token, { name: 'Client A' });
    const b = await createClient(http, owner.token, { name: 'Client B' });
    const overdue = await createCase(http, owner.token, a.id, {
      violationType: 'restricted_products',
      noticeReceivedAt: '2020-01-01T00:00:00.000Z',
    });
    const later = await createCase(http, owner.token, b.id, { noticeReceivedAt: '2099-01-01T00:00:00.000Z', assigneeId: writer.user.id });
    const middle = await createCase(http, owner.token, b.id, {
      noticeReceivedAt: '2050-01-01T00:00:00.000Z',
      dueAt: '2050-01-05T00:00:00.000Z',
    });
    expectStatus(await http.post(`/api/v1/cases/${middle.id}/transitions`, { action: 'start_drafting' }, owner.token), 200);
    const ids = async (query: string) => (await http.get(`/api/v1/cases?${query}`, owner.token)).body.data.map((c: { id: string }) => c.id);

    // restricted_products: 72 hours after the notice.
    expect((await http.get(`/api/v1/cases/${overdue.id}`, owner.token)).body).toMatchObject({
      dueAt: '2020-01-04T00:00:00.000Z',
      overdue: true,
    });
    expect(await ids('overdue=true')).toEqual([overdue.id]);
    expect(await ids(`clientId=${b.id}&sort=dueAt`)).toEqual([middle.id, later.id]);
    expect(await ids(`clientId=${b.id}&sort=dueAt&order=desc`)).toEqual([later.id, middle.id]);
    expect(await ids('status=drafting')).toEqual([middle.id]);
    expect((await ids('status=intake,drafting')).sort()).toEqual([overdue.id, later.id, middle.id].sort());
    expect(await ids('violationType=restricted_products')).toEqual([overdue.id]);
    expect(await ids(`assigneeId=${writer.user.id}`)).toEqual([later.id]);
    expect(await ids('dueBefore=2051-01-01T00:00:00Z&sort=dueAt')).toEqual([overdue.id, middle.id]);
    const unknownAssignee = await http.patch(
      `/api/v1/cases/${later.id}`,
      { assigneeId: '00000000-0000-4000-8000-000000000000' },
      owner.token,
    );
    expect(unknownAssignee.status).toBe(400);
  });

  it.each(['updatedAt', 'dueAt'])(
    'cursor pagination (sort=%s) returns every case exactly once while new cases arrive between pages',
    async (sort) => {
      const { http } = api;
      const { token } = await signupAgency(http, `Paging ${sort}`);
      const client = await createClient(http, token);
      const initial: string[] = [];
      for (let i = 0; i < 13; i++)
        initial.push(
          (
            await createCase(http, token, client.id, {
              title: `Initial ${i}`,
              dueAt: new Date(Date.UTC(2027, 0, 1 + (i % 5))).toISOString(),
            })
          ).id,
        );

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: HttpResponse = await http.get(`/api/v1/cases?limit=4&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`, token);
        expectStatus(res, 200);
        seen.push(...res.body.data.map((c: { id: string }) => c.id));
        cursor = res.body.nextCursor;
        pages++;
        // New cases between pages, some with the same due dates as the pages still to come.
        await Promise.all(
          [0, 1].map((n) =>
            createCase(http, token, client.id, { title: `Arrived ${pages}.${n}`, dueAt: new Date(Date.UTC(2027, 0, 1 + n)).toISOString() }),
          ),
        );
      } while (cursor && pages < 50);

      expect(new Set(seen).size).toBe(seen.length);
      for (const id of initial) expect(seen.filter((s) => s === id)).toHaveLength(1);
    },
  );
});
