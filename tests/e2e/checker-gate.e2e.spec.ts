/// <reference lib="dom" />
/**
 * The POA checker as a gate, in headless Chromium against the running product: a plan whose root cause blames the
 * carrier is refused when sent to the client, the dialog lists the checker's errors, and the reviewer sends it anyway
 * with a reason, which the case timeline keeps.
 */
import type { Browser, Page } from 'puppeteer-core';
import { expectNoAxeViolations } from './axe';
import { api, baseUrl, click, csp, fill, launchBrowser, newStaffPage, signUpInBrowser, type Agency } from './staff-browser';
import { auditEveryVisitedPage } from './route-audit';

jest.setTimeout(300_000);

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const REASON = 'The client dictated this wording by phone; the account lead agreed.';

let browser: Browser;
let page: Page;
let owner: Agency;
let caseId = '';

beforeAll(async () => {
  browser = await launchBrowser();
  page = await newStaffPage(browser);
  owner = await signUpInBrowser(page, `Gate Agency ${run}`, 'Olga Owner');
  const client = await api<{ id: string }>('POST', '/api/v1/clients', { name: 'Gate Client Ltd', marketplaces: ['UK'] }, owner.token);
  await api('POST', `/api/v1/clients/${client.id}/contacts`, { name: 'Cora Client', email: `cora-${run}@e2e.test` }, owner.token);
  const kase = await api<{ id: string }>(
    'POST',
    '/api/v1/cases',
    {
      clientId: client.id,
      title: 'Late shipments in November',
      violationType: 'late_shipment_rate',
      marketplace: 'UK',
      asins: ['B0GATE0001'],
      noticeText: 'Your late shipment rate is above 4%.',
      noticeReceivedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    },
    owner.token,
  );
  caseId = kase.id;
  await api('POST', `/api/v1/cases/${caseId}/transitions`, { action: 'start_drafting' }, owner.token);
  const done = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  await api(
    'POST',
    `/api/v1/cases/${caseId}/drafts`,
    {
      baseVersion: 0,
      summary: 'Orders of B0GATE0001 shipped late in November.',
      rootCauses: [{ text: 'Royal Mail lost 30 parcels of B0GATE0001 in November.' }],
      correctiveActions: [{ text: 'Refunded the 30 buyers on 20 November.', completedAt: done }],
      preventiveMeasures: [
        {
          text: 'If a parcel has no scan within 24 hours, Priya Shah re-sends it the same day.',
          owner: 'Priya Shah, shipping lead',
          startDate: done,
          frequency: 'daily',
        },
      ],
      supportingDocuments: [],
    },
    owner.token,
  );
  await api('POST', `/api/v1/cases/${caseId}/transitions`, { action: 'submit_for_review' }, owner.token);
});

afterAll(async () => {
  await browser?.close();
});

it('refuses to send a plan with a checker error, listing it, and lets a reviewer send it with a reason', async () => {
  await page.goto(`${baseUrl}/cases/${caseId}`);
  await page.waitForSelector('.page-header .status-internal_review');
  await click(page, 'Approve and send to client…');
  await page.waitForSelector('dialog[open]');
  await click(page, 'Send to 1 contact');

  const refusal = await page.waitForSelector('dialog[open] ::-p-text(The POA checker found 1 error in the plan.)');
  expect(refusal).toBeTruthy();
  const listed = await page.$$eval('dialog[open] [aria-label="Checker errors"] li', (items) =>
    items.map((li) => ({ rule: li.getAttribute('data-rule'), text: li.textContent ?? '' })),
  );
  expect(listed).toEqual([{ rule: 'blame', text: expect.stringContaining('Root causes 1:') }]);
  expect(listed[0].text).toContain('Error');
  expect(listed[0].text).toContain('Royal Mail lost');
  await expectNoAxeViolations(page, 'send dialog refused by the checker');
  // Still in internal review: nothing was sent.
  expect((await api<{ status: string }>('GET', `/api/v1/cases/${caseId}`, undefined, owner.token)).status).toBe('internal_review');

  await fill(page, 'Reason to send anyway', 'too short');
  await click(page, 'Send anyway to 1 contact');
  await page.waitForSelector('dialog[open] ::-p-text(give a reason of at least 10 characters)');
  await fill(page, 'Reason to send anyway', REASON);
  await click(page, 'Send anyway to 1 contact');
  await page.waitForSelector('::-p-text(We e-mailed a link that opens the case to)');
  await expectNoAxeViolations(page, 'send dialog after the override');

  const events = await api<{ data: { type: string; data: { reason?: string; findings?: { rule: string }[] } }[] }>(
    'GET',
    `/api/v1/cases/${caseId}/events?limit=100`,
    undefined,
    owner.token,
  );
  const overridden = events.data.find((e) => e.type === 'case.check_overridden');
  expect(overridden?.data.reason).toBe(REASON);
  expect(overridden?.data.findings?.map((f) => f.rule)).toEqual(['blame']);
  expect(csp.violations.splice(0)).toEqual([]);
});

auditEveryVisitedPage();
