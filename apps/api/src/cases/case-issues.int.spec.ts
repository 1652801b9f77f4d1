import { NOTICE_CORPUS } from '@poa/domain/fixtures';
import { createApiKey, signupAgency, startTestApi, type TestApi } from '../../test/harness';
import { createCase, createClient, draftBody, expectStatus } from './case-test-helpers';

const fields = (res: { body: { error?: { details?: { field: string }[] } } }) => res.body.error?.details?.map((d) => d.field);

describe('notices with several issues, and the path of a case', () => {
  let api: TestApi;
  let token: string;
  let clientId: string;
  beforeAll(async () => {
    api = await startTestApi();
    token = (await signupAgency(api.http, 'Issue Agency')).token;
    clientId = (await createClient(api.http, token, { name: 'Two Issue Trading' })).id;
  });
  afterAll(async () => {
    await api?.close();
  });

  it('parses a notice with two issues for staff and for a cases:read key, and refuses bad input', async () => {
    const res = await api.http.post(
      '/api/v1/notices/parse',
      { text: NOTICE_CORPUS.twoIssues, receivedAt: '2026-11-02T09:00:00.000Z' },
      token,
    );
    expectStatus(res, 200);
    expect(res.body).toMatchObject({
      marketplace: 'US',
      section3: false,
      scope: 'selling_privileges',
      dueAt: '2026-11-19T09:00:00.000Z',
      documentWindowDays: 365,
      fundsHoldDays: 90,
      complaint: null,
    });
    expect(res.body.issues.map((i: { violationType: string; asins: string[] }) => [i.violationType, i.asins])).toEqual([
      ['order_defect_rate', []],
      ['product_authenticity', ['B0B9XQ7K2M']],
    ]);

    const key = await createApiKey(api.http, token, ['cases:read']);
    expectStatus(await api.http.post('/api/v1/notices/parse', { text: NOTICE_CORPUS.trademarkComplaint }, key), 200);
    const clientsKey = await createApiKey(api.http, token, ['clients:read']);
    expectStatus(await api.http.post('/api/v1/notices/parse', { text: 'x' }, clientsKey), 403);
    expectStatus(await api.http.post('/api/v1/notices/parse', { text: 'x' }), 401);

    const empty = await api.http.post('/api/v1/notices/parse', { text: '' }, token);
    expectStatus(empty, 400);
    expect(fields(empty)).toEqual(['text']);
    const badDate = await api.http.post('/api/v1/notices/parse', { text: 'x', receivedAt: 'yesterday' }, token);
    expectStatus(badDate, 400);
    expect(fields(badDate)).toEqual(['receivedAt']);
  });

  it('lists the violation catalogue with path, deadline and evidence', async () => {
    const res = await api.http.get('/api/v1/violation-types', token);
    expectStatus(res, 200);
    const byKey = new Map(res.body.data.map((v: { key: string }) => [v.key, v]));
    expect(byKey.size).toBe(14);
    expect(byKey.get('intellectual_property')).toMatchObject({
      label: 'Intellectual property',
      path: 'retraction',
      defaultDeadlineHours: 408,
    });
    expect(byKey.get('restricted_products')).toMatchObject({ path: 'listing_fix', defaultDeadlineHours: 72 });
    expect(byKey.get('product_safety')).toMatchObject({
      path: 'compliance_documents',
      evidence: expect.arrayContaining([expect.objectContaining({ key: 'cpc', label: "Children's Product Certificate" })]),
    });
  });

  it('creates a case with two issues, keeps their ids on update and reads them back', async () => {
    const created = await api.http.post(
      '/api/v1/cases',
      {
        clientId,
        title: 'ODR and authenticity',
        marketplace: 'US',
        noticeText: NOTICE_CORPUS.twoIssues,
        noticeReceivedAt: '2026-11-02T09:00:00.000Z',
        issues: [
          { violationType: 'order_defect_rate', orderIds: ['112-7720415-3390125'] },
          { violationType: 'product_authenticity', asins: ['b0b9xq7k2m'], note: 'Customer complaint' },
        ],
      },
      token,
    );
    expectStatus(created, 201);
    expect(created.body).toMatchObject({ violationType: 'order_defect_rate', path: 'poa', asins: ['B0B9XQ7K2M'] });
    // The notice names 17 days to appeal and a 90-day funds hold: the case takes both.
    expect(created.body).toMatchObject({ dueAt: '2026-11-19T09:00:00.000Z', fundsHoldUntil: '2027-01-31T09:00:00.000Z' });
    const [odr, auth] = created.body.issues;
    expect(odr).toMatchObject({ violationType: 'order_defect_rate', asins: [], orderIds: ['112-7720415-3390125'], note: '' });
    expect(auth).toMatchObject({ violationType: 'product_authenticity', asins: ['B0B9XQ7K2M'], orderIds: [], note: 'Customer complaint' });
    expect(odr.id).not.toBe(auth.id);

    // Reordered, the authenticity issue first: violationType follows, the ids stay, the path does not change by itself.
    const updated = await api.http.patch(
      `/api/v1/cases/${created.body.id}`,
      {
        issues: [
          { ...auth, note: 'Customer complaint, 1 unit' },
          { id: odr.id, violationType: 'order_defect_rate' },
        ],
        path: 'retraction',
      },
      token,
    );
    expectStatus(updated, 200);
    expect(updated.body.violationType).toBe('product_authenticity');
    expect(updated.body.path).toBe('retraction');
    expect(updated.body.issues.map((i: { id: string }) => i.id)).toEqual([auth.id, odr.id]);
    expect(updated.body.issues[1].orderIds).toEqual([]);

    const read = await api.http.get(`/api/v1/cases/${created.body.id}`, token);
    expect(read.body.issues).toEqual(updated.body.issues);
    const listed = await api.http.get(`/api/v1/cases?clientId=${clientId}`, token);
    expect(listed.body.data[0]).toMatchObject({ id: created.body.id, path: 'retraction', violationType: 'product_authenticity' });
  });

  it('gives a case created with a violationType only one issue and the path of its type; a lone violationType changes it', async () => {
    const kase = await createCase(api.http, token, clientId, { violationType: 'intellectual_property', asins: ['B0D2HX4L7P'] });
    const read = await api.http.get(`/api/v1/cases/${kase.id}`, token);
    expect(read.body.path).toBe('retraction');
    expect(read.body.issues).toEqual([
      { id: expect.any(String), violationType: 'intellectual_property', asins: ['B0D2HX4L7P'], orderIds: [], note: '' },
    ]);
    const changed = await api.http.patch(`/api/v1/cases/${kase.id}`, { violationType: 'listing_policy' }, token);
    expect(changed.body.issues).toEqual([{ ...read.body.issues[0], violationType: 'listing_policy' }]);
    expect(changed.body.violationType).toBe('listing_policy');
  });

  it('makes a CRM upsert’s violation type the first issue’s, keeping the others', async () => {
    const url = '/api/v1/cases/by-external-id/ticket-issues-1';
    const body = {
      clientId,
      title: 'From the CRM',
      violationType: 'order_defect_rate',
      marketplace: 'US',
      noticeReceivedAt: '2026-11-02T09:00:00.000Z',
    };
    const created = await api.http.put(url, body, token);
    expectStatus(created, 201);
    expect(created.body.issues.map((i: { violationType: string }) => i.violationType)).toEqual(['order_defect_rate']);
    const withSecond = await api.http.patch(
      `/api/v1/cases/${created.body.id}`,
      { issues: [{ ...created.body.issues[0] }, { violationType: 'product_authenticity', asins: ['B0B9XQ7K2M'] }] },
      token,
    );
    expectStatus(withSecond, 200);
    const again = await api.http.put(url, { ...body, violationType: 'late_shipment_rate' }, token);
    expectStatus(again, 200);
    expect(again.body.violationType).toBe('late_shipment_rate');
    expect(again.body.issues).toEqual([{ ...withSecond.body.issues[0], violationType: 'late_shipment_rate' }, withSecond.body.issues[1]]);
  });

  it('refuses bad issues with 400 and the field', async () => {
    const base = { clientId, title: 'x', marketplace: 'US', noticeReceivedAt: '2026-11-02T09:00:00.000Z' };
    const cases: [Record<string, unknown>, string][] = [
      [{}, 'violationType'],
      [{ issues: [] }, 'issues'],
      [{ issues: [{ violationType: 'nope' }] }, 'issues.0.violationType'],
      [{ issues: [{ violationType: 'other', orderIds: ['12-34'] }] }, 'issues.0.orderIds.0'],
      [{ issues: [{ violationType: 'other', asins: ['short'] }] }, 'issues.0.asins.0'],
      [{ issues: [{ violationType: 'other' }], violationType: 'listing_policy' }, 'violationType'],
      [{ issues: [{ violationType: 'other', id: '00000000-0000-4000-8000-000000000000' }] }, 'issues.0.id'],
      [{ violationType: 'other', path: 'appeal' }, 'path'],
    ];
    for (const [body, field] of cases) {
      const res = await api.http.post('/api/v1/cases', { ...base, ...body }, token);
      expectStatus(res, 400);
      expect(fields(res)).toContain(field);
    }
    const kase = await createCase(api.http, token, clientId);
    const unknownId = await api.http.patch(
      `/api/v1/cases/${kase.id}`,
      { issues: [{ id: '00000000-0000-4000-8000-000000000000', violationType: 'other' }] },
      token,
    );
    expectStatus(unknownId, 400);
    expect(fields(unknownId)).toEqual(['issues.0.id']);
  });

  it('links root causes and corrective actions to issues, refuses an unknown issueId, and flags an issue without a root cause as an error', async () => {
    const created = await api.http.post(
      '/api/v1/cases',
      {
        clientId,
        title: 'Two issues, one answered',
        marketplace: 'US',
        noticeReceivedAt: '2026-11-02T09:00:00.000Z',
        issues: [{ violationType: 'order_defect_rate' }, { violationType: 'product_authenticity', asins: ['B00TEST001'] }],
      },
      token,
    );
    expectStatus(created, 201);
    const [odr, auth] = created.body.issues;
    const url = `/api/v1/cases/${created.body.id}/drafts`;
    const body = draftBody(0);
    const unknown = '00000000-0000-4000-8000-000000000000';

    const badRoot = await api.http.post(url, { ...body, rootCauses: [{ ...body.rootCauses[0], issueId: unknown }] }, token);
    expectStatus(badRoot, 400);
    expect(fields(badRoot)).toEqual(['rootCauses.0.issueId']);
    const badAction = await api.http.post(
      url,
      {
        ...body,
        correctiveActions: [
          { ...body.correctiveActions[0], issueId: odr.id },
          { ...body.correctiveActions[0], issueId: unknown },
        ],
      },
      token,
    );
    expectStatus(badAction, 400);
    expect(fields(badAction)).toEqual(['correctiveActions.1.issueId']);
    const notUuid = await api.http.post(url, { ...body, rootCauses: [{ ...body.rootCauses[0], issueId: 'odr' }] }, token);
    expectStatus(notUuid, 400);
    expect(fields(notUuid)).toEqual(['rootCauses.0.issueId']);

    const saved = await api.http.post(
      url,
      {
        ...body,
        rootCauses: [{ text: 'B00TEST001 came from a liquidation lot without brand invoices.', issueId: auth.id }],
        correctiveActions: [{ ...body.correctiveActions[0], issueId: auth.id }],
      },
      token,
    );
    expectStatus(saved, 201);
    expect(saved.body.rootCauses[0].issueId).toBe(auth.id);
    expect(saved.body.correctiveActions[0].issueId).toBe(auth.id);
    const errors = saved.body.checks.filter((c: { rule: string }) => c.rule === 'issue_without_root_cause');
    expect(errors).toEqual([
      {
        rule: 'issue_without_root_cause',
        severity: 'error',
        section: 'rootCauses',
        issueId: odr.id,
        itemIndex: null,
        message: 'Issue 1 (Order defect rate) has no root cause: Amazon wants one for each issue',
        excerpt: null,
      },
    ]);
    const read = await api.http.get(`${url}/1`, token);
    expect(read.body.checks).toEqual(saved.body.checks);
    expect(read.body.rootCauses[0].issueId).toBe(auth.id);

    // The Seller Central pack heads the answers with the issue they answer.
    const pack = await api.http.get(`${url}/1/submission`, token);
    expectStatus(pack, 200);
    expect(pack.body.fields[0].text).toBe(
      'Issue 2: Product authenticity (B00TEST001):\n1. B00TEST001 came from a liquidation lot without brand invoices.',
    );
  });
});
