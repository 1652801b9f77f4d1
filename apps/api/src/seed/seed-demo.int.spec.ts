import { startTestApi, type TestApi } from '../../test/harness';
import { DEMO_CASES, DEMO_PASSWORD, DEMO_STAFF } from './demo-data';
import { seedDemo } from './seed-demo';

const ASIN = /\bB0[A-Z0-9]{8}\b/g;
const ORDER_ID = /\b\d{3}-\d{7}-\d{7}\b/g;

describe('the demo seed', () => {
  let api: TestApi;
  beforeAll(async () => {
    // The seed runs its own application on the same database; the API under test starts after it.
    const first = await startTestApi();
    await first.close();
    await seedDemo(first.config);
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('seeds cases that are consistent with themselves, one per path at least, two of them with several issues', async () => {
    const login = await api.http.post('/api/v1/auth/login', { email: DEMO_STAFF[0].email, password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    const token = login.body.accessToken as string;
    const list = await api.http.get('/api/v1/cases?limit=100', token);
    // The demo cases, and the second-round case seeded on its own.
    expect(list.body.data.length).toBeGreaterThan(DEMO_CASES.length);

    const problems: string[] = [];
    const paths = new Set<string>();
    let multiIssue = 0;
    for (const summary of list.body.data as { id: string; reference: string }[]) {
      const kase = (await api.http.get(`/api/v1/cases/${summary.id}`, token)).body;
      paths.add(kase.path);
      if (kase.issues.length > 1) multiIssue++;
      const issueIds = new Set(kase.issues.map((i: { id: string }) => i.id));
      const issueOrders = new Set(kase.issues.flatMap((i: { orderIds: string[] }) => i.orderIds));
      const texts = [JSON.stringify(kase)];
      // Every ASIN or order id the notice names belongs to the case.
      for (const asin of kase.noticeText.match(ASIN) ?? [])
        if (!kase.asins.includes(asin)) problems.push(`${kase.reference}: notice ASIN ${asin}`);

      const versions = (await api.http.get(`/api/v1/cases/${kase.id}/drafts`, token)).body.data as { version: number }[];
      for (const { version } of versions) {
        const draft = (await api.http.get(`/api/v1/cases/${kase.id}/drafts/${version}`, token)).body;
        const draftText = JSON.stringify(draft);
        texts.push(draftText);
        for (const asin of draftText.match(ASIN) ?? [])
          if (!kase.asins.includes(asin)) problems.push(`${kase.reference} v${version}: ASIN ${asin}`);
        for (const order of draftText.match(ORDER_ID) ?? [])
          if (!issueOrders.has(order) && !kase.noticeText.includes(order)) problems.push(`${kase.reference} v${version}: order ${order}`);
        for (const item of [...draft.rootCauses, ...draft.correctiveActions])
          if (item.issueId && !issueIds.has(item.issueId)) problems.push(`${kase.reference} v${version}: issueId`);
        for (const check of draft.checks as { rule: string; message: string }[])
          if (
            ['issue_without_root_cause', 'required_section'].includes(check.rule) ||
            (check.rule === 'asin_not_addressed' && check.message.startsWith('ASIN'))
          )
            problems.push(`${kase.reference} v${version}: ${check.message}`);
      }
      for (const part of ['retraction', 'retraction/letter', 'listing-fixes', 'compliance-documents'])
        texts.push(JSON.stringify((await api.http.get(`/api/v1/cases/${kase.id}/${part}`, token)).body));
      texts.push(JSON.stringify((await api.http.get(`/api/v1/cases/${kase.id}/events`, token)).body));
      for (const text of texts)
        if (/undefined|null null|\[object Object\]/.test(text)) problems.push(`${kase.reference}: ${text.slice(0, 200)}`);
    }
    expect(problems).toEqual([]);
    expect([...paths].sort()).toEqual(['compliance_documents', 'listing_fix', 'poa', 'retraction']);
    expect(multiIssue).toBeGreaterThanOrEqual(2);

    // Decided cases for the results page and the library: six months, every writer, one to three rounds, both outcomes.
    const report = async (groupBy: string) => (await api.http.get(`/api/v1/reports/outcomes?groupBy=${groupBy}`, token)).body;
    const byType = await report('violationType');
    expect(byType.total.decided).toBeGreaterThanOrEqual(40);
    expect(byType.total.reinstated).toBeGreaterThan(0);
    expect(byType.total.denied).toBeGreaterThan(0);
    expect(byType.data.length).toBeGreaterThanOrEqual(8);
    expect((await report('writer')).data.map((r: { label: string }) => r.label).sort()).toEqual([
      'Olivia Owner',
      'Ravi Reviewer',
      'Wendy Writer',
    ]);
    expect((await report('round')).data.map((r: { group: string }) => r.group)).toEqual(['1', '2', '3']);
    expect((await report('month')).data.length).toBeGreaterThanOrEqual(6);
    const findings = (await api.http.get('/api/v1/reports/findings', token)).body;
    expect(findings.data.map((f: { rule: string }) => f.rule)).toEqual(expect.arrayContaining(['vague', 'measure_missing_owner', 'blame']));
    const library = (await api.http.get('/api/v1/library?violationType=order_defect_rate', token)).body.data;
    expect(library.length).toBeGreaterThan(0);
    expect(JSON.stringify(library)).not.toMatch(/Northwind|Kaito|Berliner|Nora|A2NWHOME01|\bB0[A-Z0-9]{8}\b/);
  }, 120_000);
});
