/// <reference lib="dom" />
/**
 * The "Copy for Seller Central" panel in headless Chromium: the writer copies each field (the clipboard holds exactly
 * the API's submission pack text, so browser and API share one formatter), and a field over the agency's limit shows
 * its count in the error colour.
 */
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { e2eEnv } from '@poa/test-setup';
import { Http, signupAgency } from '../../apps/api/test/harness';
import { createCase, createClient, draftBody, expectStatus, transition } from '../../apps/api/src/cases/case-test-helpers';
import { expectNoAxeViolations } from './axe';
import { confirmationLink } from './confirmation-link';
import { CspWatch } from './csp-watch';
import { auditEveryVisitedPage, watchEveryPage } from './route-audit';

const env = e2eEnv();
const http = new Http(env.baseUrl);
const csp = new CspWatch();
const button = (name: string) => `::-p-aria([name="${name}"][role="button"])`;
const ROOT_CAUSE_LIMIT = 80;

jest.setTimeout(180_000);

let browser: Browser;
let page: Page;
let caseId = '';
let owner: Awaited<ReturnType<typeof signupAgency>>;

beforeAll(async () => {
  owner = await signupAgency(http, 'Seller Central Agency');
  expectStatus(
    await http.put('/api/v1/settings/submission', { limits: { root_cause: ROOT_CAUSE_LIMIT, corrective_actions: 2000 } }, owner.token),
    200,
  );
  const client = await createClient(http, owner.token, { name: 'Northwind Home Goods LLC' });
  const kase = await createCase(http, owner.token, client.id, { asins: ['B00TEST001'] });
  caseId = kase.id;
  expectStatus(await transition(http, owner.token, caseId, { action: 'start_drafting' }), 200);
  const draft = {
    ...draftBody(0, 'Buyers reported ASIN B00TEST001 as inauthentic between 2 and 20 November.'),
    rootCauses: [
      { text: 'We bought 200 units of B00TEST001 from a liquidation lot without invoices from the brand.' },
      { text: 'Nobody compared new suppliers with the brand list of authorised distributors.' },
    ],
  };
  expectStatus(await http.post(`/api/v1/cases/${caseId}/drafts`, draft, owner.token), 201);

  browser = await puppeteer.launch({
    executablePath: env.chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
  });
  watchEveryPage(browser);
  // Confirm the owner's address, then log in through the form.
  page = await loggedInPage(owner.email, owner.password, await confirmationLink(env.databaseUrl, owner.email));
});

/** A fresh browser context allowed to use the clipboard, logged in through the form. */
async function loggedInPage(email: string, password: string, confirmUrl?: string): Promise<Page> {
  const context = await browser.createBrowserContext();
  await context.overridePermissions(env.baseUrl, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
  const next = await csp.watch(await context.newPage());
  await next.setViewport({ width: 1400, height: 1000 });
  next.setDefaultTimeout(30_000);
  if (confirmUrl) {
    await next.goto(confirmUrl);
    await next.waitForSelector('::-p-text(Your email address is confirmed)');
  }
  await next.goto(`${env.baseUrl}/login`);
  for (const [label, value] of [
    ['Email', email],
    ['Password', password],
  ]) {
    const field = await next.waitForSelector(`::-p-aria([name="${label}"])`, { visible: true });
    await field!.type(value);
  }
  await (await next.waitForSelector(button('Log in')))!.click();
  await next.waitForSelector('.topbar-brand');
  return next;
}

afterEach(() => {
  expect(csp.violations.splice(0)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
});

describe('Copy for Seller Central', () => {
  it('copies each field to the clipboard exactly as the submission pack lays it out', async () => {
    const pack = (await http.get(`/api/v1/cases/${caseId}/drafts/1/submission`, owner.token)).body as {
      fields: { key: string; label: string; text: string; characters: number }[];
    };
    await page.goto(`${env.baseUrl}/cases/${caseId}`);
    await page.waitForSelector('::-p-text(Copy for Seller Central)');
    await page.bringToFront();
    for (const field of pack.fields) {
      expect(field.text).not.toBe('');
      await page.evaluate(() => navigator.clipboard.writeText('(nothing copied yet)'));
      await (await page.waitForSelector(button(`Copy ${field.label}`), { visible: true }))!.click();
      await page.waitForFunction((key) => document.querySelector(`[data-field="${key}"] button`)?.textContent === 'Copied', {}, field.key);
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect({ field: field.key, copied }).toEqual({ field: field.key, copied: field.text });
    }
    await page.screenshot({ path: path.join(env.artifactsDir, 'seller-central-panel.png'), fullPage: true });
    await expectNoAxeViolations(page, 'case page with the Copy for Seller Central panel');
  });

  it("shows a field's count in the error colour past its limit, and the others in the normal colour", async () => {
    const count = (key: string) =>
      page.$eval(`[data-field="${key}"] .char-count`, (el) => ({
        text: el.textContent,
        over: el.hasAttribute('data-over-limit'),
        color: getComputedStyle(el).color,
      }));
    const danger = await page.evaluate(() => {
      const probe = document.createElement('span');
      probe.style.color = 'var(--danger)';
      document.body.appendChild(probe);
      const color = getComputedStyle(probe).color;
      probe.remove();
      return color;
    });
    const root = await count('root_cause');
    expect(root.over).toBe(true);
    expect(root.color).toBe(danger);
    expect(root.text).toMatch(new RegExp(`^\\d+ / ${ROOT_CAUSE_LIMIT} \\(over the limit\\)$`));
    const actions = await count('corrective_actions');
    expect(actions).toMatchObject({ over: false });
    expect(actions.color).not.toBe(danger);
    expect(actions.text).toMatch(/^\d+ \/ 2,000$/);
    expect((await count('preventive_measures')).text).toMatch(/^\d+ characters$/);
    // The checker says so too.
    await page.waitForSelector('.issue-warning::-p-text(over its limit of 80)');

    // Live: shortening the root causes below the limit turns the count back to normal while typing.
    for (const i of [1, 2]) {
      const area = await page.waitForSelector(`textarea[name="rootCauses.${i - 1}.text"]`);
      await area!.click({ count: 3 });
      await page.keyboard.down('Control');
      await page.keyboard.press('KeyA');
      await page.keyboard.up('Control');
      await area!.type(i === 1 ? 'Unverified supplier.' : 'No check.');
    }
    await page.waitForFunction(() => !document.querySelector('[data-field="root_cause"] .char-count')?.hasAttribute('data-over-limit'));
    expect((await count('root_cause')).color).not.toBe(danger);
    await page.screenshot({ path: path.join(env.artifactsDir, 'seller-central-within-limit.png'), fullPage: false });
  });

  it('opens the seeded second-round case with the editor comparing against what Amazon read in round one', async () => {
    const demoOwner = env.demoLogins.find((l) => l.role === 'owner');
    expect(demoOwner).toBeDefined();
    const login = await http.post('/api/v1/auth/login', { email: demoOwner!.email, password: demoOwner!.password });
    expectStatus(login, 200);
    const token = login.body.accessToken as string;
    const found = await http.get(`/api/v1/cases?q=${encodeURIComponent('CALDER saucepans')}`, token);
    const kase = found.body.data[0] as { id: string; round: number; status: string };
    expect(kase).toMatchObject({ round: 2, status: 'drafting' });
    const submissions = (await http.get(`/api/v1/cases/${kase.id}/submissions`, token)).body.data;
    expect(submissions.map((s: { round: number; version: number; channel: string }) => [s.round, s.version, s.channel])).toEqual([
      [1, 1, 'seller_central_form'],
    ]);
    const attachments = (await http.get(`/api/v1/cases/${kase.id}/attachments`, token)).body.data as { fileName: string }[];
    expect(attachments.map((a) => a.fileName).sort()).toEqual([
      'calder-cookware-authorisation-letter.pdf',
      'calder-invoice-CC-22950.pdf',
      'calder-invoice-CC-24817.pdf',
    ]);
    // The editor of round two shows what changed since the version Amazon read.
    const demoPage = await loggedInPage(demoOwner!.email, demoOwner!.password);
    await demoPage.goto(`${env.baseUrl}/cases/${kase.id}`);
    await demoPage.waitForSelector('::-p-text(Changes since what Amazon read)');
    await demoPage.waitForSelector('::-p-text(v1 sent in round 1)');
    await demoPage.waitForSelector('.diff ::-p-text(212 units sold from the June delivery)');
    await demoPage.screenshot({ path: path.join(env.artifactsDir, 'seller-central-second-round.png'), fullPage: true });
  });
});

auditEveryVisitedPage();
