/// <reference lib="dom" />
/**
 * The client portal in headless Chromium at 375 px against the running product (API + worker + built web):
 * staff send a draft (over the API) and make a log-in link; the contact opens it, reads the draft and asks for
 * changes; staff send version 2; the contact approves it by typing their name (keyboard only); the PDF appears
 * and downloads; a 375 px screenshot is saved, all of it under the app's Content-Security-Policy (not one violation). Then the contact asks for a link by e-mail, which the agency's owner
 * reads in the development mailbox (DEV_MAILBOX=true in the e2e tier), and logs out.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { draftBody } from '../../apps/api/src/cases/case-test-helpers';
import { confirmationLink } from './confirmation-link';
import { CspWatch } from './csp-watch';
import { downloadByClicking } from './download';
import { jsonApi } from './json-api';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { requireEnv } from './e2e-env';
import { auditEveryVisitedPage, watchEveryPage } from './route-audit';

const baseUrl = requireEnv('E2E_BASE_URL').replace(/\/$/, '');
const chromiumPath = requireEnv('PUPPETEER_EXECUTABLE_PATH');
const artifactsDir = requireEnv('E2E_ARTIFACTS_DIR');
const databaseUrl = requireEnv('TEST_DATABASE_URL');

jest.setTimeout(180_000);

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const byLabel = (label: string) => `::-p-aria([name="${label}"])`;
const button = (name: string) => `::-p-aria([name="${name}"][role="button"])`;

const api = jsonApi(baseUrl);
const csp = new CspWatch();

const bodyText = (page: Page) => page.evaluate(() => document.body.innerText);

async function waitForText(page: Page, text: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction((t) => document.body.innerText.includes(t), { timeout }, text);
}

let browser: Browser;
let page: Page;
let staff: string;
let caseId: string;
let loginUrl: string;

beforeAll(async () => {
  mkdirSync(artifactsDir, { recursive: true });
  const signup = await api<{ accessToken: string }>('POST', '/api/v1/auth/signup', {
    agencyName: `Portal Agency ${run}`,
    name: 'Sue Staff',
    email: `staff-${run}@e2e.test`,
    password: 'correct horse battery',
  });
  staff = signup.accessToken;
  const client = await api<{ id: string }>(
    'POST',
    '/api/v1/clients',
    { name: 'Mobile Seller Ltd', sellerId: 'A1MOBILE', marketplaces: ['US'] },
    staff,
  );
  const contact = await api<{ id: string }>(
    'POST',
    `/api/v1/clients/${client.id}/contacts`,
    { name: 'Mo Bile', email: `mo-${run}@seller.test` },
    staff,
  );
  const created = await api<{ id: string }>(
    'POST',
    '/api/v1/cases',
    {
      clientId: client.id,
      title: 'Listing removed: authenticity',
      violationType: 'product_authenticity',
      marketplace: 'US',
      asins: ['B00TEST001'],
      noticeReceivedAt: new Date().toISOString(),
    },
    staff,
  );
  caseId = created.id;
  await api('POST', `/api/v1/cases/${caseId}/drafts`, draftBody(0, 'First summary of our plan.'), staff);
  for (const action of ['start_drafting', 'submit_for_review', 'approve_internal'])
    await api('POST', `/api/v1/cases/${caseId}/transitions`, { action }, staff);
  // A newer case that waits for nothing from the seller (approved by e-mail): the list still puts the plan to review first.
  const approved = await api<{ id: string }>(
    'POST',
    '/api/v1/cases',
    {
      clientId: client.id,
      title: 'Listing removed: pesticide claim',
      violationType: 'restricted_products',
      marketplace: 'US',
      noticeReceivedAt: new Date().toISOString(),
    },
    staff,
  );
  await api('POST', `/api/v1/cases/${approved.id}/drafts`, draftBody(0, 'We removed the claim from the listing.'), staff);
  for (const body of [
    { action: 'start_drafting' },
    { action: 'submit_for_review' },
    { action: 'approve_internal' },
    { action: 'client_approve', contactId: contact.id, fullName: 'Mo Bile', note: 'Approved by e-mail' },
  ])
    await api('POST', `/api/v1/cases/${approved.id}/transitions`, body, staff);
  const link = await api<{ url: string; token: string }>(
    'POST',
    `/api/v1/clients/${client.id}/contacts/${contact.id}/login-links`,
    {},
    staff,
  );
  expect(link.url).toMatch(/\/portal\/login\?token=/);
  loginUrl = `${baseUrl}/portal/login?token=${encodeURIComponent(link.token)}`;

  browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  watchEveryPage(browser);
  page = await csp.watch(await browser.newPage());
  await page.setViewport({ width: 375, height: 812, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  page.setDefaultTimeout(15_000);
});

afterEach(() => {
  expect(csp.violations.splice(0)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
});

it('the contact logs in with the link, reads the draft and asks for changes', async () => {
  await page.goto(loginUrl);
  await page.waitForFunction(() => location.pathname === '/portal');
  await page.waitForFunction(() => document.querySelectorAll('.case-list a').length === 2);
  const caseLink = await page.waitForSelector('.case-list a');
  expect(await caseLink!.evaluate((a) => a.textContent)).toContain('Listing removed: authenticity');
  await caseLink!.click();
  await waitForText(page, 'First summary of our plan.');
  const text = await bodyText(page);
  for (const heading of ['Root causes', 'Corrective actions taken', 'Preventive measures', 'Awaiting your review', `Portal Agency ${run}`])
    expect(text).toContain(heading);

  // An empty request is refused with an announced error.
  await page.click(button('Send change request'));
  const alert = await page.waitForSelector('[role="alert"]');
  expect(await alert!.evaluate((el) => el.textContent)).toContain('Tell us what to change');

  await page.type(byLabel('What should change?'), 'Please name the supplier in the first root cause.');
  await page.click(button('Send change request'));
  await waitForText(page, 'will send you the revised plan');
  // The link worked once: opening it again is refused.
  const again = await csp.watch(await browser.newPage());
  await again.goto(loginUrl);
  await again.waitForFunction(() => document.body.innerText.includes('invalid, expired or already used'));
  await again.close();
});

it('the contact approves version 2 with the keyboard, and downloads the PDF', async () => {
  await api('POST', `/api/v1/cases/${caseId}/drafts`, draftBody(1, 'Second summary, naming Acme Wholesale.'), staff);
  for (const action of ['submit_for_review', 'approve_internal'])
    await api('POST', `/api/v1/cases/${caseId}/transitions`, { action }, staff);

  await page.goto(`${baseUrl}/portal/cases/${caseId}`);
  await waitForText(page, 'Second summary, naming Acme Wholesale.');
  await waitForText(page, 'Please name the supplier in the first root cause.');

  // Keyboard only: focus the name field, type, Tab to the checkbox, Space, Tab to the button, Enter.
  await page.focus('#approve-name');
  await page.keyboard.type('Mo Q. Bile');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await waitForText(page, 'the plan is approved');
  await waitForText(page, 'Approved by Mo Q. Bile');

  const download = await page.waitForSelector(button('Download the PDF'), { timeout: 90_000 });
  const file = await downloadByClicking(page, download!, artifactsDir, 'portal-download-');
  expect(file).toMatch(/-v2\.pdf$/);
  expect(readFileSync(file).subarray(0, 4).toString('latin1')).toBe('%PDF');

  // Mobile first: nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.screenshot({ path: path.join(artifactsDir, 'portal-375.png'), fullPage: true });
  expect(existsSync(path.join(artifactsDir, 'portal-375.png'))).toBe(true);
});

// Before the log-out, so that each screen is checked as the signed-in contact saw it.
auditEveryVisitedPage();

it('a contact asks for a link by e-mail: the agency owner reads it in the development mailbox; log-out ends the session on the server', async () => {
  const ownerEmail = `staff-${run}@e2e.test`;
  await api('POST', '/api/v1/portal/login-link', { email: `mo-${run}@seller.test` });
  expect((await fetch(`${baseUrl}/api/v1/dev/mail`)).status).toBe(401);
  const subject = `Your log-in link for Portal Agency ${run}`;
  const mailed = async () =>
    (await api<{ data: { subject: string }[] }>('GET', '/api/v1/dev/mail', undefined, staff)).data.some((m) => m.subject === subject);
  const deadline = Date.now() + 20_000;
  while (!(await mailed()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));

  // The owner opens /dev/mail in the dashboard (its own session) and follows the link in the e-mail.
  const context = await browser.createBrowserContext();
  let link: string;
  try {
    const dashboard = await csp.watch(await context.newPage());
    // The owner confirms the address with the link e-mailed at sign-up; then the password logs in.
    await dashboard.goto(await confirmationLink(databaseUrl, ownerEmail));
    await dashboard.waitForSelector('::-p-text(Your email address is confirmed)');
    await dashboard.goto(`${baseUrl}/login`);
    await (await dashboard.waitForSelector(byLabel('Email')))!.type(ownerEmail);
    await (await dashboard.waitForSelector(byLabel('Password')))!.type('correct horse battery');
    await (await dashboard.waitForSelector(button('Log in')))!.click();
    await dashboard.waitForFunction(() => location.pathname === '/cases');
    await dashboard.goto(`${baseUrl}/dev/mail`);
    await (await dashboard.waitForSelector(button(subject)))!.click();
    const anchor = await dashboard.waitForSelector('a[href*="/portal/login?token="]');
    link = await anchor!.evaluate((a) => (a as HTMLAnchorElement).href);
  } finally {
    await context.close();
  }

  await page.goto(link);
  await page.waitForFunction(() => location.pathname === '/portal');
  // The session is the httpOnly cookie the exchange set.
  const cookie = (await page.cookies(`${baseUrl}/api/v1/portal/me`)).find((c) => c.name === 'poa_portal');
  expect(cookie?.httpOnly).toBe(true);
  const me = () => fetch(`${baseUrl}/api/v1/portal/me`, { headers: { cookie: `poa_portal=${cookie!.value}` } });
  expect((await me()).status).toBe(200);
  await (await page.waitForSelector(button('Log out')))!.click();
  await page.waitForFunction(() => location.pathname === '/portal/login');
  // The server ended the session: the cookie the browser held is refused from now on.
  expect((await me()).status).toBe(401);
});

auditEveryVisitedPage();
