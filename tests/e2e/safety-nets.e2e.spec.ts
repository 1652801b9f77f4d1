/// <reference lib="dom" />
/**
 * The safety-net tracker in headless Chromium against the running product: the seller records a check of a
 * preventive measure from a phone (375 px) in the portal's "Your safety checks", reporting a problem; staff see it in
 * "Safety nets" across clients and on the client page, and record a check of their own. axe-core (WCAG 2.2 AA) and a
 * screenshot at 1440 and 375 px of each screen, in test-artifacts/.
 */
import type { Browser, Page } from 'puppeteer-core';
import { draftBody } from '../../apps/api/src/cases/case-test-helpers';
import {
  api,
  baseUrl,
  byLabel,
  checkScreen,
  click,
  csp,
  launchBrowser,
  newStaffPage,
  PHONE,
  signUpInBrowser,
  type Agency,
} from './staff-browser';
import { auditEveryVisitedPage } from './route-audit';

jest.setTimeout(240_000);

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const MEASURES = [
  { text: 'Supplier invoices are matched to every new delivery', owner: 'Warehouse lead', startDate: null, frequency: 'every Monday' },
  { text: 'New listings are checked for restricted claims', owner: 'Listings team', startDate: null, frequency: 'before each new listing' },
];

let browser: Browser;
let staff: Page;
let owner: Agency;
let client: { id: string };

const waitForText = (page: Page, text: string, timeout = 20_000) =>
  page.waitForFunction((t) => document.body.innerText.includes(t), { timeout, polling: 250 }, text);

/** Clicks the button named `name` inside the list item whose heading is `heading`. */
async function clickIn(page: Page, heading: string, name: string): Promise<void> {
  await page.waitForFunction(
    (h, n) => {
      const item = [...document.querySelectorAll('li')].find((li) => li.querySelector('h2,h3')?.textContent === h);
      const target = [...(item?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === n);
      target?.click();
      return Boolean(target);
    },
    { polling: 250 },
    heading,
    name,
  );
}

beforeAll(async () => {
  browser = await launchBrowser();
  staff = await newStaffPage(browser);
  owner = await signUpInBrowser(staff, `Safety Agency ${run}`, 'Sue Staff');
  client = await api('POST', '/api/v1/clients', { name: `Phone Seller ${run}`, marketplaces: ['US'] }, owner.token);
  const contact = await api<{ id: string }>(
    'POST',
    `/api/v1/clients/${client.id}/contacts`,
    { name: 'Priya Seller', email: `priya-${run}@seller.test` },
    owner.token,
  );
  const kase = await api<{ id: string }>(
    'POST',
    '/api/v1/cases',
    {
      clientId: client.id,
      title: 'Authenticity complaint',
      violationType: 'product_authenticity',
      marketplace: 'US',
      noticeReceivedAt: new Date().toISOString(),
    },
    owner.token,
  );
  await api('POST', `/api/v1/cases/${kase.id}/drafts`, { ...draftBody(0), preventiveMeasures: MEASURES }, owner.token);
  for (const action of ['start_drafting', 'submit_for_review', 'approve_internal'])
    await api('POST', `/api/v1/cases/${kase.id}/transitions`, { action }, owner.token);
  await api(
    'POST',
    `/api/v1/cases/${kase.id}/transitions`,
    { action: 'client_approve', contactId: contact.id, fullName: 'Priya Seller', note: 'approved by e-mail' },
    owner.token,
  );
  const link = await api<{ token: string }>('POST', `/api/v1/clients/${client.id}/contacts/${contact.id}/login-links`, {}, owner.token);

  // The seller, on a phone.
  const portal = await csp.watch(await (await browser.createBrowserContext()).newPage());
  portal.setDefaultTimeout(30_000);
  await portal.setViewport(PHONE);
  await portal.goto(`${baseUrl}/portal/safety-checks?token=${encodeURIComponent(link.token)}`);
  await waitForText(portal, 'Your safety checks');
  await waitForText(portal, MEASURES[0].text);
  sellerPage = portal;
});

afterEach(() => {
  expect(csp.violations.splice(0)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
});

let sellerPage: Page;

it('the seller reports a problem with a safety check from a phone', async () => {
  const portal = sellerPage;
  await checkScreen(portal, 'portal-safety-checks');
  await portal.setViewport(PHONE);
  await clickIn(portal, MEASURES[0].text, 'Record a check');
  await (await portal.waitForSelector(byLabel('I found a problem'), { visible: true }))!.click();
  await (await portal.waitForSelector(byLabel('What did you find?'), { visible: true }))!.type(
    'Two invoices were missing for the new lot.',
  );
  await checkScreen(portal, 'portal-safety-check-form');
  await portal.setViewport(PHONE);
  await click(portal, 'Save check');
  await waitForText(portal, 'Recorded. Thank you.');
  await waitForText(portal, 'problem reported');
  await checkScreen(portal, 'portal-safety-check-recorded');
});

it('staff see the problem in Safety nets and on the client page, and record a check of their own', async () => {
  await staff.goto(`${baseUrl}/safety-nets?status=all`);
  await waitForText(staff, MEASURES[0].text);
  await waitForText(staff, 'Two invoices were missing for the new lot.');
  const text = await staff.evaluate(() => document.body.innerText);
  expect(text).toContain('by Priya Seller');
  expect(text).toContain(`Phone Seller ${run}`);
  await checkScreen(staff, 'safety-nets');

  // The bell has the problem too.
  const notes = await api<{ data: { kind: string; body: string }[] }>('GET', '/api/v1/notifications', undefined, owner.token);
  expect(notes.data[0]).toMatchObject({ kind: 'follow_up_problem' });

  await staff.goto(`${baseUrl}/clients/${client.id}`);
  await waitForText(staff, 'Safety nets');
  await waitForText(staff, MEASURES[1].text);
  await clickIn(staff, MEASURES[1].text, 'Check in');
  await (await staff.waitForSelector(byLabel('Note'), { visible: true }))!.type('Three new listings checked.');
  await checkScreen(staff, 'client-safety-nets');
  await click(staff, 'Record check');
  await waitForText(staff, 'Three new listings checked.');

  const csv = await fetch(`${baseUrl}/api/v1/clients/${client.id}/safety-net.csv`, { headers: { authorization: `Bearer ${owner.token}` } });
  const body = await csv.text();
  expect(body).toContain('problem,Two invoices were missing for the new lot.');
  expect(body).toContain('Three new listings checked.');
});

auditEveryVisitedPage();
