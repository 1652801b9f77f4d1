/// <reference lib="dom" />
/**
 * The moments between an agency and its client, in headless Chromium against the running product, at 1440 and
 * 375 px, with axe-core (WCAG 2.2 AA) on every screen and a screenshot of each in test-artifacts/:
 * - staff approve and send through a dialog (preview, message, chosen contacts) that names whom it e-mailed;
 * - the e-mail's link opens the case in the portal; the contact asks for changes: the portal keeps the case with
 *   "We're working on your changes", and the staff case page shows the request in a banner;
 * - the portal session (an httpOnly cookie) survives a reload and a new tab; another contact's link in that tab
 *   shows the other contact; log-out leads to the agency's branded log-in page;
 * - the revised plan says what changed; approval errors are tied to their fields; focus lands in each dialog and
 *   comes back when it closes.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer-core';
import { draftBody } from '../../apps/api/src/cases/case-test-helpers';
import { emailsOf } from '../../apps/api/src/portal/portal-test-helpers';
import { expectNoAxeViolations } from './axe';
import { confirmationLink } from './confirmation-link';
import { CspWatch } from './csp-watch';
import { jsonApi } from './json-api';
import { requireEnv } from './e2e-env';
import { auditEveryVisitedPage, watchEveryPage } from './route-audit';

const baseUrl = requireEnv('E2E_BASE_URL').replace(/\/$/, '');
const chromiumPath = requireEnv('PUPPETEER_EXECUTABLE_PATH');
const artifactsDir = requireEnv('E2E_ARTIFACTS_DIR');
const databaseUrl = requireEnv('TEST_DATABASE_URL');

jest.setTimeout(240_000);

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const agencyName = `Moments Agency ${run}`;
const ownerEmail = `owner-${run}@e2e.test`;
const password = 'correct horse battery';
const byLabel = (label: string) => `::-p-aria([name="${label}"])`;
const button = (name: string) => `::-p-aria([name="${name}"][role="button"])`;
const api = jsonApi(baseUrl);
const csp = new CspWatch();

const WIDE = { width: 1440, height: 900 };
// No isMobile/hasTouch: changing those reloads the page, and an open dialog with it.
const PHONE = { width: 375, height: 812, deviceScaleFactor: 2 };

let browser: Browser;
let staffContext: BrowserContext;
let portalContext: BrowserContext;
let staff: Page;
let owner: { token: string; tenantId: string };
let client: { id: string };
let ann: { id: string; name: string; email: string };
let bob: { id: string; name: string; email: string };

async function waitForText(page: Page, text: string, timeout = 20_000): Promise<void> {
  // Polled by time, not by animation frame: a tab in the background gets no frames.
  await page.waitForFunction((t) => document.body.innerText.includes(t), { timeout, polling: 250 }, text);
}

/** axe at the page's current width, then a full-page screenshot named after the screen. */
async function check(page: Page, name: string): Promise<void> {
  await expectNoAxeViolations(page, name);
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });
}

/** The same screen at 1440 and 375 px: axe and a screenshot at each; the phone view must not scroll sideways. */
async function checkBothWidths(page: Page, name: string): Promise<void> {
  const before = page.viewport();
  await page.setViewport(WIDE);
  await check(page, `${name}-1440`);
  await page.setViewport(PHONE);
  await check(page, `${name}-375`);
  if (before) await page.setViewport(before);
}

async function caseInInternalReview(title: string, summary: string) {
  const kase = await api<{ id: string; reference: string }>(
    'POST',
    '/api/v1/cases',
    {
      clientId: client.id,
      title,
      violationType: 'product_authenticity',
      marketplace: 'US',
      asins: ['B00MOMENT1'],
      noticeReceivedAt: new Date().toISOString(),
    },
    owner.token,
  );
  await api('POST', `/api/v1/cases/${kase.id}/drafts`, draftBody(0, summary), owner.token);
  for (const action of ['start_drafting', 'submit_for_review'])
    await api('POST', `/api/v1/cases/${kase.id}/transitions`, { action }, owner.token);
  return kase;
}

/** The link of the newest review e-mail to `to` about the case, pointed at the started product. */
async function reviewLink(to: string, caseId: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const mails = (await emailsOf(databaseUrl, owner.tenantId)).filter(
      (m) => m.payload.to === to && m.payload.text.includes(`/portal/cases/${caseId}?token=`) && !m.payload.notBefore,
    );
    const text = mails.at(-1)?.payload.text;
    if (text) return `${baseUrl}/portal/cases/${caseId}?token=${/\/portal\/cases\/[0-9a-f-]+\?token=(\S+)/.exec(text)![1]}`;
    if (Date.now() > deadline) throw new Error(`no review e-mail to ${to}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const activeElementName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const labelled = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
    return `${el.tagName.toLowerCase()}:${(labelled ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim()}`;
  });

beforeAll(async () => {
  mkdirSync(artifactsDir, { recursive: true });
  const signup = await api<{ accessToken: string; tenant: { id: string } }>('POST', '/api/v1/auth/signup', {
    agencyName,
    name: 'Sue Staff',
    email: ownerEmail,
    password,
  });
  owner = { token: signup.accessToken, tenantId: signup.tenant.id };
  client = await api('POST', '/api/v1/clients', { name: 'Phone Seller Ltd', sellerId: 'A1PHONE', marketplaces: ['US'] }, owner.token);
  ann = await api('POST', `/api/v1/clients/${client.id}/contacts`, { name: 'Ann Seller', email: `ann-${run}@seller.test` }, owner.token);
  bob = await api('POST', `/api/v1/clients/${client.id}/contacts`, { name: 'Bob Seller', email: `bob-${run}@seller.test` }, owner.token);

  browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-sync',
    ],
  });
  watchEveryPage(browser);
  staffContext = await browser.createBrowserContext();
  portalContext = await browser.createBrowserContext();
  staff = await csp.watch(await staffContext.newPage());
  staff.setDefaultTimeout(20_000);
  await staff.setViewport(WIDE);
  await staff.goto(await confirmationLink(databaseUrl, ownerEmail));
  await staff.waitForSelector('::-p-text(Your email address is confirmed)');
  await staff.goto(`${baseUrl}/login`);
  await (await staff.waitForSelector(byLabel('Email')))!.type(ownerEmail);
  await (await staff.waitForSelector(byLabel('Password')))!.type(password);
  await (await staff.waitForSelector(button('Log in')))!.click();
  await staff.waitForFunction(() => location.pathname === '/cases');
});

afterEach(() => {
  expect(csp.violations.splice(0)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
});

let sentCase: { id: string; reference: string };
let portal: Page;

it('staff send through a dialog: preview, message, chosen contacts, then a confirmation naming them; focus in and back', async () => {
  sentCase = await caseInInternalReview('Listing removed: authenticity', 'Our plan names the supplier we stopped buying from.');
  await staff.goto(`${baseUrl}/cases/${sentCase.id}`);
  const open = await staff.waitForSelector(button('Approve and send to client…'));
  await open!.click();
  await staff.waitForSelector('dialog[open]');
  await waitForText(staff, 'Our plan names the supplier we stopped buying from.');
  // Focus starts in the dialog, on the message.
  expect(await activeElementName(staff)).toBe('textarea:Message to the client (optional)');
  await checkBothWidths(staff, 'send-dialog');

  await staff.type(byLabel('Message to the client (optional)'), 'Please read the supplier part closely.');
  // Only Bob: Ann is unticked.
  await staff.evaluate(() =>
    [...document.querySelectorAll('dialog[open] fieldset label')]
      .find((label) => label.textContent?.includes('Ann Seller'))
      ?.querySelector('input')
      ?.click(),
  );
  await (await staff.waitForSelector(button('Send to 1 contact')))!.click();
  await waitForText(staff, 'We e-mailed a link that opens the case to');
  const confirmation = await staff.$eval('dialog[open]', (d) => (d as HTMLElement).innerText);
  expect(confirmation).toContain(`Bob Seller (${bob.email})`);
  expect(confirmation).not.toContain('Ann Seller');
  expect(await activeElementName(staff)).toBe('button:Done');
  await checkBothWidths(staff, 'send-confirmation');
  await staff.keyboard.press('Enter');
  await staff.waitForFunction(() => !document.querySelector('dialog[open]'));
  // The opener left with the state it belonged to: focus goes to the page's main content, not to the body.
  expect(await staff.evaluate(() => document.activeElement?.tagName.toLowerCase())).not.toBe('body');

  const mails = (await emailsOf(databaseUrl, owner.tenantId)).filter((m) => m.payload.subject.includes(sentCase.reference));
  expect(new Set(mails.map((m) => m.payload.to))).toEqual(new Set([bob.email]));
  expect(mails[0].payload.text).toContain('Please read the supplier part closely.');
});

it('"Close case…" asks first: focus on "Keep it open", Escape closes and returns focus to the button', async () => {
  await staff.setViewport(PHONE);
  const kase = await caseInInternalReview('Close me later', 'A plan that will not be closed today.');
  await staff.goto(`${baseUrl}/cases/${kase.id}`);
  const opener = await staff.waitForSelector(button('Close case…'));
  await opener!.click();
  await staff.waitForSelector('dialog[open]');
  expect(await activeElementName(staff)).toBe('button:Keep it open');
  await checkBothWidths(staff, 'close-dialog');
  await staff.keyboard.press('Escape');
  await staff.waitForFunction(() => !document.querySelector('dialog[open]'));
  expect(await activeElementName(staff)).toBe('button:Close case…');
  expect((await api<{ status: string }>('GET', `/api/v1/cases/${kase.id}`, undefined, owner.token)).status).toBe('internal_review');
  await staff.setViewport(WIDE);
});

it('the e-mail link opens the case; a change request keeps it in the portal ("working on your changes") and shows a banner to staff', async () => {
  portal = await csp.watch(await portalContext.newPage());
  portal.setDefaultTimeout(20_000);
  await portal.setViewport(PHONE);
  await portal.goto(await reviewLink(bob.email, sentCase.id));
  await portal.waitForFunction((id) => location.pathname === `/portal/cases/${id}` && !location.search, {}, sentCase.id);
  await waitForText(portal, 'Our plan names the supplier we stopped buying from.');
  await waitForText(portal, 'Signed in as Bob Seller');
  const text = await portal.evaluate(() => document.body.innerText);
  expect(text).not.toMatch(/version \d/i);
  await checkBothWidths(portal, 'portal-review');

  await portal.type(byLabel('What should change?'), 'Please name the warehouse in the second root cause.');
  await portal.click(button('Send change request'));
  await waitForText(portal, 'We’re working on your changes');
  await waitForText(portal, 'Please name the warehouse in the second root cause.');
  await checkBothWidths(portal, 'portal-working');

  await portal.click('::-p-text(← All your cases)');
  await portal.waitForSelector('.case-list a');
  const item = await portal.$eval('.case-list li', (li) => (li as HTMLElement).innerText);
  expect(item).toContain('Listing removed: authenticity');
  expect(item).toContain('We’re working on your changes');
  await checkBothWidths(portal, 'portal-list-working');

  await staff.goto(`${baseUrl}/cases/${sentCase.id}`);
  await staff.waitForSelector('::-p-text(The client asked for changes)');
  const banner = await staff.$eval('.change-request', (el) => (el as HTMLElement).innerText);
  expect(banner).toContain('Please name the warehouse in the second root cause.');
  expect(banner).toContain('Bob Seller');
  await checkBothWidths(staff, 'staff-change-request-banner');
});

it('the portal session survives a reload and a new tab; another contact’s link in that tab shows that contact', async () => {
  await portal.reload();
  await waitForText(portal, 'Signed in as Bob Seller');
  expect(await portal.evaluate(() => location.pathname)).toBe('/portal');
  // Nothing a script can read: the session is an httpOnly cookie, not per-tab storage.
  expect(await portal.evaluate(() => sessionStorage.length + document.cookie.length)).toBe(0);
  const cookies = await portal.cookies(`${baseUrl}/api/v1/portal/me`);
  expect(cookies.find((c) => c.name === 'poa_portal')).toEqual(expect.objectContaining({ httpOnly: true, sameSite: 'Strict' }));

  const second = await csp.watch(await portalContext.newPage());
  await second.setViewport(PHONE);
  await second.goto(`${baseUrl}/portal/cases/${sentCase.id}`);
  await waitForText(second, 'Signed in as Bob Seller');
  await waitForText(second, 'We’re working on your changes');

  // Ann's link (made from the case) in the tab where Bob is signed in: Ann is shown, here and in the other tab.
  const link = await api<{ url: string; token: string }>(
    'POST',
    `/api/v1/cases/${sentCase.id}/portal-links`,
    { contactId: ann.id },
    owner.token,
  );
  await second.goto(`${baseUrl}/portal/cases/${sentCase.id}?token=${encodeURIComponent(link.token)}`);
  await waitForText(second, 'Signed in as Ann Seller');
  expect(await second.evaluate(() => document.body.innerText)).not.toContain('Bob Seller (');
  await waitForText(portal, 'Signed in as Ann Seller');
  await checkBothWidths(second, 'portal-identity-swap');
  await second.close();
});

it('the revised plan says what changed; approval errors are tied to their fields; the header focus ring shows', async () => {
  await portal.bringToFront();
  // The staff page's editor may have saved since: build on the case's latest version.
  const { latestVersion } = await api<{ latestVersion: number }>('GET', `/api/v1/cases/${sentCase.id}`, undefined, owner.token);
  await api(
    'POST',
    `/api/v1/cases/${sentCase.id}/drafts`,
    draftBody(latestVersion, 'Our plan names Acme Wholesale and its warehouse.'),
    owner.token,
  );
  for (const action of ['submit_for_review', 'approve_internal'])
    await api('POST', `/api/v1/cases/${sentCase.id}/transitions`, { action }, owner.token);
  await portal.goto(`${baseUrl}/portal/cases/${sentCase.id}`);
  await waitForText(portal, 'What changed since the version you saw');
  await waitForText(portal, 'Our plan names Acme Wholesale and its warehouse.');
  await checkBothWidths(portal, 'portal-changes-since');

  await portal.click(button('Approve'));
  await portal.waitForSelector('#approve-name-error');
  expect(await portal.$eval('#approve-name', (el) => [el.getAttribute('aria-invalid'), el.getAttribute('aria-describedby')])).toEqual([
    'true',
    'approve-hint approve-name-error',
  ]);
  expect(await portal.evaluate(() => document.activeElement?.id)).toBe('approve-name');
  await portal.type('#approve-name', 'Ann Q. Seller');
  await portal.click(button('Approve'));
  await portal.waitForSelector('#approve-confirm-error');
  expect(await portal.$eval('input[type=checkbox]', (el) => el.getAttribute('aria-describedby'))).toBe('approve-confirm-error');
  await checkBothWidths(portal, 'portal-approve-errors');

  // Keyboard: skip link, then the agency's name in the brand bar, whose focus ring is white on the brand colour.
  await portal.evaluate(() => document.querySelector<HTMLElement>('.skip')?.focus());
  await portal.keyboard.press('Tab');
  const ring = await portal.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    return {
      cls: el.className,
      outline: style.outlineColor,
      width: style.outlineWidth,
      bar: getComputedStyle(el.closest('header')!).backgroundColor,
    };
  });
  expect(ring.cls).toBe('brand-name');
  expect(ring.outline).toBe('rgb(255, 255, 255)');
  expect(ring.outline).not.toBe(ring.bar);
  expect(ring.width).toBe('3px');
});

// Before the log-out, so that each screen is checked as the signed-in contact saw it.
auditEveryVisitedPage();

it('log-out leads to the agency’s branded log-in page', async () => {
  await portal.click(button('Log out'));
  await portal.waitForFunction(() => location.pathname === '/portal/login');
  await waitForText(portal, `Log in to ${agencyName}'s client portal`);
  await checkBothWidths(portal, 'portal-login-branded');
  await portal.goto(`${baseUrl}/portal/cases/${sentCase.id}`);
  await portal.waitForFunction(() => location.pathname === '/portal/login');
});

auditEveryVisitedPage();
