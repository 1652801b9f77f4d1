import { TenantDb } from '@poa/db';
import type { DraftSections } from '@poa/domain';
import { addStaff, createApiKey, signupAgency, startTestApi, type TestApi } from '../../test/harness';
import { createCase, createClient, createContact, draftBody, expectStatus, transition } from '../cases/case-test-helpers';
import { libraryTemplateTexts } from '../cases/template-texts';
import { insertDecidedCases, type DecidedCase, type DecidedRound } from '../seed/seed-results';

const at = (day: string) => new Date(`${day}T12:00:00.000Z`);

/** A plan the checker finds nothing in (for a type that needs no documents), naming the case's ASIN. */
function cleanPlan(asin: string, extra: { summary?: string; action?: string } = {}): DraftSections {
  return {
    summary: `Orders for ASIN ${asin} shipped two days after the promised date in March.${extra.summary ?? ''}`,
    rootCauses: [{ text: 'Handling time was 1 day while stock moved between our 2 warehouses.' }],
    correctiveActions: [
      { text: 'Shipped all 48 pending orders with valid tracking.', completedAt: '2026-03-02' },
      ...(extra.action ? [{ text: extra.action, completedAt: '2026-03-02' }] : []),
    ],
    preventiveMeasures: [
      {
        text: 'Compare unshipped orders with the 14:00 UPS pick-up time.',
        owner: 'Dispatch lead',
        startDate: '2026-03-03',
        frequency: 'daily',
      },
    ],
    supportingDocuments: [],
  };
}
/** vague + not_past_tense in a corrective action. */
const VAGUE = 'We will do better and improve our processes.';

describe('results reports and the library of plans that won', () => {
  let api: TestApi;
  let a: Awaited<ReturnType<typeof signupAgency>>;
  let b: Awaited<ReturnType<typeof signupAgency>>;
  let aReviewer: string;
  let aWriter: string;
  let aClientId: string;

  beforeAll(async () => {
    api = await startTestApi();
    a = await signupAgency(api.http, 'Results A');
    b = await signupAgency(api.http, 'Results B');
    const writer = await addStaff(api.http, a.token, 'writer');
    const reviewer = await addStaff(api.http, a.token, 'reviewer');
    aWriter = writer.token;
    aReviewer = reviewer.token;
    const client = await createClient(api.http, a.token, { name: 'Northwind Home Goods LLC', sellerId: 'A2NWHOME01' });
    aClientId = client.id;
    const contact = await createContact(api.http, a.token, client.id, 'Nora Northwind');
    const w = { id: writer.user.id as string, name: 'writer person' };
    const r = { id: reviewer.user.id as string, name: 'reviewer person' };
    const round = (sections: DraftSections, submitted: string, decided: string, outcome: DecidedRound['outcome']): DecidedRound => ({
      sections,
      submittedAt: at(submitted),
      outcomeAt: at(decided),
      outcome,
      amazonResponse: `Answer of ${decided}`,
    });
    const base = (asin: string, notice: string, assignee: DecidedCase['assignee'], violationType = 'order_defect_rate', path = 'poa') => ({
      clientId: client.id,
      contact: { id: contact.id, name: contact.name, email: contact.email },
      assignee,
      title: `Case for ${asin}`,
      violationType,
      path,
      marketplace: 'US',
      asins: [asin],
      orderIds: ['112-3456789-0123456'],
      noticeText: `Notice about ${asin}, order 112-3456789-0123456.`,
      noticeReceivedAt: at(notice),
    });
    const cases: DecidedCase[] = [
      // 1: ODR, writer, reinstated after 1 round, 9 days, no finding.
      {
        ...base('B0AAAAAA01', '2026-03-01', w),
        rounds: [
          round(
            cleanPlan('B0AAAAAA01', {
              summary: ' Nora Northwind of Northwind Home Goods (A2NWHOME01) refunded order 112-3456789-0123456.',
            }),
            '2026-03-05',
            '2026-03-10',
            'reinstated',
          ),
        ],
      },
      // 2: ODR, writer, denied in round 2, 15 days; round 1 was emotive too (only the decided round's version counts).
      {
        ...base('B0AAAAAA02', '2026-03-01', w),
        rounds: [
          round(
            cleanPlan('B0AAAAAA02', { summary: ' This is devastating!', action: VAGUE }),
            '2026-03-04',
            '2026-03-08',
            'more_info_requested',
          ),
          round(cleanPlan('B0AAAAAA02', { action: VAGUE }), '2026-03-12', '2026-03-16', 'denied'),
        ],
      },
      // 3: late shipments, reviewer, reinstated, 4 days.
      {
        ...base('B0AAAAAA03', '2026-04-01', r, 'late_shipment_rate'),
        rounds: [round(cleanPlan('B0AAAAAA03'), '2026-04-03', '2026-04-05', 'reinstated')],
      },
      // 4: authenticity, reviewer, reinstated after 3 rounds, 20 days (missing_evidence: no documents).
      {
        ...base('B0AAAAAA04', '2026-04-01', r, 'product_authenticity'),
        rounds: [
          round(cleanPlan('B0AAAAAA04'), '2026-04-02', '2026-04-06', 'more_info_requested'),
          round(cleanPlan('B0AAAAAA04'), '2026-04-08', '2026-04-10', 'more_info_requested'),
          round(cleanPlan('B0AAAAAA04'), '2026-04-12', '2026-04-21', 'reinstated'),
        ],
      },
      // 5: IP on the retraction path, unassigned, denied, 6 days (vague, not_past_tense, missing_evidence).
      {
        ...base('B0AAAAAA05', '2026-05-01', null, 'intellectual_property', 'retraction'),
        rounds: [round(cleanPlan('B0AAAAAA05', { action: VAGUE }), '2026-05-02', '2026-05-07', 'denied')],
      },
      // 6: still waiting: more information requested, never decided.
      {
        ...base('B0AAAAAA06', '2026-05-01', w),
        rounds: [round(cleanPlan('B0AAAAAA06', { action: VAGUE }), '2026-05-02', '2026-05-05', 'more_info_requested')],
      },
      // 7: ODR, writer, reinstated, 14 days.
      { ...base('B0AAAAAA07', '2026-06-01', w), rounds: [round(cleanPlan('B0AAAAAA07'), '2026-06-10', '2026-06-15', 'reinstated')] },
    ];
    const db = api.app.get(TenantDb);
    await db.transaction((tx) => insertDecidedCases(tx, cases), { tenantId: a.tenant.id });

    // Tenant B: a denied case with a finding, decided in A's period; it must never count for A.
    const bClient = await createClient(api.http, b.token, { name: 'Secret Seller of B' });
    const bContact = await createContact(api.http, b.token, bClient.id, 'Bob Secret');
    await db.transaction(
      (tx) =>
        insertDecidedCases(tx, [
          {
            ...base('B0BBBBBB01', '2026-03-01', null),
            clientId: bClient.id,
            contact: { id: bContact.id, name: bContact.name, email: bContact.email },
            title: 'Secret case of B',
            rounds: [round(cleanPlan('B0BBBBBB01', { action: VAGUE }), '2026-03-05', '2026-03-11', 'denied')],
          },
          {
            ...base('B0BBBBBB02', '2026-03-01', null),
            clientId: bClient.id,
            contact: { id: bContact.id, name: bContact.name, email: bContact.email },
            title: 'Secret win of B',
            rounds: [round(cleanPlan('B0BBBBBB02', { summary: ' Written for tenant B only.' }), '2026-03-05', '2026-03-11', 'reinstated')],
          },
        ]),
      { tenantId: b.tenant.id },
    );
  }, 60_000);
  afterAll(() => api?.close());

  const outcomes = async (query: string, token = aReviewer) => {
    const res = await api.http.get(`/api/v1/reports/outcomes${query}`, token);
    expectStatus(res, 200);
    return res.body as { data: Record<string, unknown>[]; total: Record<string, unknown> };
  };
  const row = (
    group: string,
    label: string,
    decided: number,
    reinstated: number,
    winRate: number | null,
    days: number | null,
    rounds: number | null,
  ) => ({
    group,
    label,
    decided,
    reinstated,
    denied: decided - reinstated,
    winRate,
    medianDaysToDecision: days,
    medianRounds: rounds,
  });

  it('outcomes by violation type: counts, win rates and medians worked out by hand; pending and other tenants left out', async () => {
    const report = await outcomes('?groupBy=violationType');
    expect(report.data).toEqual(
      [
        row('order_defect_rate', 'Order Defect Rate', 3, 2, 0.6667, 14, 1),
        row('intellectual_property', 'Intellectual property complaint', 1, 0, 0, 6, 1),
        row('late_shipment_rate', 'Late Shipment Rate', 1, 1, 1, 4, 1),
        row('product_authenticity', 'Product authenticity (inauthentic / counterfeit)', 1, 1, 1, 20, 3),
      ].map((r) => ({ ...r, label: expect.any(String) })),
    );
    // Days to decision 4, 6, 9, 14, 15, 20: median (9 + 14) / 2; rounds 1, 1, 1, 1, 2, 3.
    expect(report.total).toEqual(row('all', 'All decided cases', 6, 4, 0.6667, 11.5, 1));
    // The default grouping is by violation type.
    expect((await outcomes('')).data.map((r) => r.group)).toEqual(report.data.map((r) => r.group));
  });

  it('by writer, month, round and path', async () => {
    const writers = (await outcomes('?groupBy=writer')).data;
    expect(writers.map(({ group: _group, ...r }) => r)).toEqual(
      [
        { ...row('', 'writer person', 3, 2, 0.6667, 14, 1) },
        { ...row('', 'reviewer person', 2, 2, 1, 12, 2) },
        { ...row('', 'Unassigned', 1, 0, 0, 6, 1) },
      ].map(({ group: _group, ...r }) => r),
    );
    expect(writers[2].group).toBe('unassigned');

    expect((await outcomes('?groupBy=month')).data).toEqual([
      row('2026-03', 'March 2026', 2, 1, 0.5, 12, 1.5),
      row('2026-04', 'April 2026', 2, 2, 1, 12, 2),
      row('2026-05', 'May 2026', 1, 0, 0, 6, 1),
      row('2026-06', 'June 2026', 1, 1, 1, 14, 1),
    ]);
    expect((await outcomes('?groupBy=round')).data).toEqual([
      row('1', '1 submission', 4, 3, 0.75, 7.5, 1),
      row('2', '2 submissions', 1, 0, 0, 15, 2),
      row('3', '3 submissions', 1, 1, 1, 20, 3),
    ]);
    expect((await outcomes('?groupBy=path')).data).toEqual([
      row('poa', 'Poa', 5, 4, 0.8, 14, 1),
      row('retraction', 'Retraction', 1, 0, 0, 6, 1),
    ]);
  });

  it('from and to are whole days, both included', async () => {
    const report = await outcomes('?groupBy=violationType&from=2026-03-10&to=2026-04-21');
    expect(report.data.map((r) => [r.group, r.decided, r.reinstated, r.winRate, r.medianDaysToDecision, r.medianRounds])).toEqual([
      ['order_defect_rate', 2, 1, 0.5, 12, 1.5],
      ['late_shipment_rate', 1, 1, 1, 4, 1],
      ['product_authenticity', 1, 1, 1, 20, 3],
    ]);
    expect((await outcomes('?from=2026-03-11&to=2026-04-20')).total).toMatchObject({ decided: 2, reinstated: 1 });
    expect((await outcomes('?from=2027-01-01')).data).toEqual([]);
    expect((await outcomes('?from=2027-01-01')).total).toEqual(row('all', 'All decided cases', 0, 0, null, null, null));
  });

  it('answers CSV with a header row', async () => {
    const res = await api.http.get('/api/v1/reports/outcomes?groupBy=month&format=csv', aReviewer);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="outcomes-by-month-\d{4}-\d{2}-\d{2}\.csv"/);
    expect((res.body as string).split('\r\n')).toEqual([
      'group,label,decided,reinstated,denied,winRate,medianDaysToDecision,medianRounds',
      '2026-03,March 2026,2,1,1,0.5,12,1.5',
      '2026-04,April 2026,2,2,0,1,12,2',
      '2026-05,May 2026,1,0,1,0,6,1',
      '2026-06,June 2026,1,1,0,1,14,1',
      '',
    ]);
    const accept = await api.http.request('GET', '/api/v1/reports/outcomes?groupBy=path', {
      token: aReviewer,
      headers: { accept: 'text/csv' },
    });
    expect(accept.body).toBe(
      'group,label,decided,reinstated,denied,winRate,medianDaysToDecision,medianRounds\r\npoa,Poa,5,4,1,0.8,14,1\r\nretraction,Retraction,1,0,1,0,6,1\r\n',
    );
  });

  it('findings: win rate with and without each finding of the submitted version', async () => {
    // Submitted versions: 1 none, 2 vague+not_past_tense (denied), 3 none, 4 missing_evidence, 5 all three (denied), 7 none.
    // Rules every plan here breaks alike (a measure without its trigger, say) are left out of the comparison.
    const RULES = ['not_past_tense', 'missing_evidence', 'vague'];
    const ofInterest = (body: { decided: number; data: { rule: string }[] }) => ({
      decided: body.decided,
      data: body.data.filter((row) => RULES.includes(row.rule)).sort((x, y) => RULES.indexOf(x.rule) - RULES.indexOf(y.rule)),
    });
    /** A report row: [decided, reinstated, winRate] of the plans with the finding and of those without it. */
    type Tally = [decided: number, reinstated: number, winRate: number];
    const row = (rule: string, [d, r, w]: Tally, [od, or, ow]: Tally, winRateDifference: number) => ({
      rule,
      withFinding: { decided: d, reinstated: r, winRate: w },
      withoutFinding: { decided: od, reinstated: or, winRate: ow },
      winRateDifference,
    });
    const expected = [
      {
        query: '',
        decided: 6,
        data: [
          row('not_past_tense', [2, 0, 0], [4, 4, 1], 1),
          row('missing_evidence', [2, 1, 0.5], [4, 3, 0.75], 0.25),
          row('vague', [2, 0, 0], [4, 4, 1], 1),
        ],
      },
      {
        query: '?from=2026-03-01&to=2026-03-31',
        decided: 2,
        data: [row('not_past_tense', [1, 0, 0], [1, 1, 1], 1), row('vague', [1, 0, 0], [1, 1, 1], 1)],
      },
    ];
    for (const { query, ...report } of expected) {
      const res = await api.http.get(`/api/v1/reports/findings${query}`, aReviewer);
      expectStatus(res, 200);
      expect([query, ofInterest(res.body)]).toEqual([query, report]);
    }
  });

  it('refuses bad input with the field, and callers below reviewer', async () => {
    for (const [query, field] of [
      ['?groupBy=client', 'groupBy'],
      ['?from=2026-13-01', 'from'],
      ['?to=yesterday', 'to'],
      ['?from=2026-05-02&to=2026-05-01', 'to'],
      ['?format=xml', 'format'],
      ['?limit=5', 'limit'],
    ]) {
      const res = await api.http.get(`/api/v1/reports/outcomes${query}`, aReviewer);
      expect([query, res.status, res.body.error?.details?.[0]?.field]).toEqual([query, 400, field]);
    }
    const findings = await api.http.get('/api/v1/reports/findings?from=2026-02-30', aReviewer);
    expect([findings.status, findings.body.error.details[0].field]).toEqual([400, 'from']);
    expect((await api.http.get('/api/v1/reports/outcomes', aWriter)).status).toBe(403);
    expect((await api.http.get('/api/v1/reports/findings', aWriter)).status).toBe(403);
    const key = await createApiKey(api.http, a.token, ['cases:read', 'cases:write', 'clients:read']);
    expect((await api.http.get('/api/v1/reports/outcomes', key)).status).toBe(403);
    expect((await api.http.get('/api/v1/reports/outcomes', a.token)).status).toBe(200);
  });

  it('tenant B sees only its own decided cases and plans', async () => {
    const report = await outcomes('', b.token);
    expect(report.total).toMatchObject({ decided: 2, reinstated: 1 });
    const findings = (await api.http.get('/api/v1/reports/findings', b.token)).body;
    expect(findings.decided).toBe(2);
    const library = (await api.http.get('/api/v1/library', b.token)).body;
    expect(library.data).toHaveLength(1);
    expect(JSON.stringify(library)).not.toMatch(/B0AAAAAA|Northwind/);
    expect(JSON.stringify(library)).toContain('Written for tenant B only.');
  });

  it('the library offers reinstated plans, anonymised, by violation type; never another tenant’s', async () => {
    const res = await api.http.get('/api/v1/library?violationType=order_defect_rate', aWriter);
    expectStatus(res, 200);
    const examples = res.body.data as {
      id: string;
      caseReference: string;
      violationType: string;
      decidedAt: string;
      rounds: number;
      sections: DraftSections;
    }[];
    expect(examples.map((e) => [e.violationType, e.decidedAt, e.rounds])).toEqual([
      ['order_defect_rate', '2026-06-15T12:00:00.000Z', 1],
      ['order_defect_rate', '2026-03-10T12:00:00.000Z', 1],
    ]);
    expect(examples[1].sections.summary).toBe(
      'Orders for ASIN {{ASIN}} shipped two days after the promised date in March. {{CLIENT}} of {{CLIENT}} ({{SELLER_ID}}) refunded order {{ORDER_ID}}.',
    );
    expect(examples[1].sections.correctiveActions).toEqual([
      { text: 'Shipped all 48 pending orders with valid tracking.', completedAt: '2026-03-02' },
    ]);
    const all = (await api.http.get('/api/v1/library', aWriter)).body.data as { violationType: string }[];
    expect(all.map((e) => e.violationType).sort()).toEqual([
      'late_shipment_rate',
      'order_defect_rate',
      'order_defect_rate',
      'product_authenticity',
    ]);
    expect(JSON.stringify(all)).not.toMatch(/Secret|B0BBBBBB|B0AAAAAA|Northwind|A2NWHOME01|112-3456789/);
    const bad = await api.http.get('/api/v1/library?violationType=nonsense', aWriter);
    expect([bad.status, bad.body.error.details[0].field]).toEqual([400, 'violationType']);
  });

  it('starting a draft from an example saves a version and records its sentences as template texts', async () => {
    const example = (await api.http.get('/api/v1/library?violationType=late_shipment_rate', aWriter)).body.data[0];
    const kase = await createCase(api.http, aWriter, aClientId, { violationType: 'late_shipment_rate', asins: ['B0NEWCASE1'] });
    expectStatus(await transition(api.http, aWriter, kase.id, { action: 'start_drafting' }), 200);
    const started = await api.http.post(`/api/v1/cases/${kase.id}/drafts/from-example`, { exampleId: example.id }, aWriter);
    expectStatus(started, 201);
    expect(started.body).toMatchObject({
      version: 1,
      name: expect.stringMatching(/^Started from the example of POA-2026-\d{4}$/),
      summary: 'Orders for ASIN {{ASIN}} shipped two days after the promised date in March.',
      correctiveActions: [{ text: 'Shipped all 48 pending orders with valid tracking.', completedAt: null }],
      preventiveMeasures: [
        { text: 'Compare unshipped orders with the 14:00 UPS pick-up time.', owner: 'Dispatch lead', startDate: null, frequency: 'daily' },
      ],
      supportingDocuments: [],
    });
    expect(started.body.checks.map((c: { rule: string }) => c.rule)).toContain('template_text');
    const texts = await api.app.get(TenantDb).transaction((tx) => libraryTemplateTexts(tx, kase.id), { tenantId: a.tenant.id });
    expect(texts).toEqual([
      'Orders for ASIN {{ASIN}} shipped two days after the promised date in March.',
      'Handling time was 1 day while stock moved between our 2 warehouses.',
      'Shipped all 48 pending orders with valid tracking.',
      'Compare unshipped orders with the 14:00 UPS pick-up time.',
    ]);
    // A stale base version is a conflict; starting again (from the latest) adds a version, texts kept once.
    const stale = await api.http.post(`/api/v1/cases/${kase.id}/drafts/from-example`, { exampleId: example.id, baseVersion: 0 }, aWriter);
    expect([stale.status, stale.body.error.code]).toEqual([409, 'VERSION_CONFLICT']);
    expectStatus(await api.http.post(`/api/v1/cases/${kase.id}/drafts/from-example`, { exampleId: example.id }, aWriter), 201);
    expect(await api.app.get(TenantDb).transaction((tx) => libraryTemplateTexts(tx, kase.id), { tenantId: a.tenant.id })).toHaveLength(4);

    // B's example on A's case, A's example on B's case, an unknown example: 404; a viewer may not.
    const bExample = (await api.http.get('/api/v1/library', b.token)).body.data[0].id as string;
    const cross = await api.http.post(`/api/v1/cases/${kase.id}/drafts/from-example`, { exampleId: bExample }, aWriter);
    expect(cross.status).toBe(404);
    expect(JSON.stringify(cross.body)).not.toContain('Secret');
    const bClient = await createClient(api.http, b.token, { name: 'B2' });
    const bCase = await createCase(api.http, b.token, bClient.id);
    expectStatus(await transition(api.http, b.token, bCase.id, { action: 'start_drafting' }), 200);
    expect((await api.http.post(`/api/v1/cases/${bCase.id}/drafts/from-example`, { exampleId: example.id }, b.token)).status).toBe(404);
    expect((await api.http.post(`/api/v1/cases/${kase.id}/drafts/from-example`, { exampleId: example.id }, b.token)).status).toBe(404);
    const viewer = await addStaff(api.http, a.token, 'viewer');
    expect((await api.http.post(`/api/v1/cases/${kase.id}/drafts/from-example`, { exampleId: example.id }, viewer.token)).status).toBe(403);
    const badId = await api.http.post(`/api/v1/cases/${kase.id}/drafts/from-example`, { exampleId: 'nope' }, aWriter);
    expect([badId.status, badId.body.error.details[0].field]).toEqual([400, 'exampleId']);
  });

  it('a case decided through the workflow counts, with its submission as the round', async () => {
    const c = await signupAgency(api.http, 'Results C');
    const client = await createClient(api.http, c.token, { name: 'Flow Seller' });
    const contact = await createContact(api.http, c.token, client.id, 'Flo Contact');
    const kase = await createCase(api.http, c.token, client.id, { violationType: 'order_defect_rate', asins: ['B0FLOWCAS1'] });
    expectStatus(await transition(api.http, c.token, kase.id, { action: 'start_drafting' }), 200);
    expectStatus(await api.http.post(`/api/v1/cases/${kase.id}/drafts`, { ...draftBody(0, 'Plan for B0FLOWCAS1.') }, c.token), 201);
    for (const action of ['submit_for_review', 'approve_internal'])
      expectStatus(await transition(api.http, c.token, kase.id, { action }), 200);
    expectStatus(
      await transition(api.http, c.token, kase.id, {
        action: 'client_approve',
        contactId: contact.id,
        fullName: 'Flo Contact',
        note: 'By phone',
      }),
      200,
    );
    expectStatus(await transition(api.http, c.token, kase.id, { action: 'mark_submitted' }), 200);
    expect((await outcomes('', c.token)).total).toMatchObject({ decided: 0 });
    expectStatus(await transition(api.http, c.token, kase.id, { action: 'record_outcome', outcome: 'reinstated' }), 200);
    const report = await outcomes('?groupBy=round', c.token);
    expect(report.data).toEqual([expect.objectContaining({ group: '1', decided: 1, reinstated: 1, winRate: 1, medianRounds: 1 })]);
    const library = (await api.http.get('/api/v1/library', c.token)).body.data;
    expect(library).toEqual([expect.objectContaining({ caseReference: kase.reference, violationType: 'order_defect_rate', rounds: 1 })]);
    expect(library[0].sections.summary).toBe('Plan for {{ASIN}}.');
  });
});
