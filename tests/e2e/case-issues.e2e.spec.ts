/// <reference lib="dom" />
/**
 * A notice with two issues, pasted into the new-case form in headless Chromium against the running product: the form
 * shows both issues and the path, the case opens with two issues, and the POA checker names the issue no root cause
 * answers. The case page and the retraction panel are also looked at on a 375 px wide phone.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { NOTICE_CORPUS } from '@poa/domain/fixtures';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { expectNoAxeViolations } from './axe';
import { CspWatch } from './csp-watch';
import { requireEnv } from './e2e-env';
import { auditEveryVisitedPage, watchEveryPage } from './route-audit';

const baseUrl = requireEnv('E2E_BASE_URL').replace(/\/$/, '');
const chromiumPath = requireEnv('PUPPETEER_EXECUTABLE_PATH');
const artifactsDir = requireEnv('E2E_ARTIFACTS_DIR');

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const writer = {
  agencyName: `Issues Agency ${run}`,
  name: 'Ivy Issues',
  email: `issues-${run}@e2e.test`,
  password: 'correct horse battery',
};

jest.setTimeout(300_000);

let browser: Browser;
let page: Page;
const csp = new CspWatch();

const byLabel = (label: string) => `::-p-aria([name="${label}"])`;
const button = (name: string) => `::-p-aria([name="${name}"][role="button"])`;

async function fill(label: string, value: string): Promise<void> {
  const field = await page.waitForSelector(byLabel(label), { visible: true });
  await field!.click({ count: 3 });
  await field!.type(value);
}

async function click(name: string): Promise<void> {
  const target = await page.waitForSelector(button(name), { visible: true });
  await target!.click();
}

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(artifactsDir, `case-issues-${name}.png`), fullPage: true });
}

/** Nothing wider than the viewport: the page does not scroll sideways (the failure names the widest elements). */
async function expectNoSidewaysScroll(): Promise<void> {
  const overflowing = await page.evaluate(() => {
    const width = window.innerWidth;
    return [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && !el.closest('.topbar-nav, .tabs, .table-scroll'))
      .slice(0, 8)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${Math.round(el.getBoundingClientRect().right)}px`);
  });
  expect(overflowing).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

beforeAll(async () => {
  mkdirSync(artifactsDir, { recursive: true });
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
  page = await csp.watch(await (await browser.createBrowserContext()).newPage());
  await page.setViewport({ width: 1400, height: 1000 });
  page.setDefaultTimeout(30_000);
});

afterEach(() => {
  expect(csp.violations.splice(0)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
});

describe('a notice with several issues', () => {
  it('signs up and adds a client', async () => {
    await page.goto(`${baseUrl}/signup`);
    await fill('Agency name', writer.agencyName);
    await fill('Your name', writer.name);
    await fill('Email', writer.email);
    await fill('Password', writer.password);
    await click('Create account');
    await page.waitForSelector('.topbar-brand');
    await page.goto(`${baseUrl}/clients`);
    await click('New client');
    await fill('Name', 'Harbour Kitchen Supply');
    await click('Create client');
    await page.waitForFunction(() => /^\/clients\/[0-9a-f-]{36}$/.test(location.pathname));
  });

  it('reads both issues of a pasted notice into the form, with the path', async () => {
    const clientId = new URL(page.url()).pathname.split('/').pop()!;
    await page.goto(`${baseUrl}/cases/new?clientId=${clientId}`);
    const notice = await page.waitForSelector(byLabel("Amazon's notice"));
    await notice!.click();
    await page.keyboard.sendCharacter(NOTICE_CORPUS.twoIssues); // a paste: one input event
    await page.waitForSelector('::-p-text(Found in the notice: 2 issues)');
    const rows = await page.$$eval('[data-testid="issue-row"]', (list) =>
      list.map((row) => ({
        type: (row.querySelector('select') as HTMLSelectElement).value,
        asins: (row.querySelector('input[name$=".asins"]') as HTMLInputElement).value,
        orders: (row.querySelector('input[name$=".orderIds"]') as HTMLInputElement).value,
        excerpt: row.querySelector('blockquote')?.textContent ?? '',
      })),
    );
    expect(rows).toEqual([
      {
        type: 'order_defect_rate',
        asins: '',
        orders: '112-7720415-3390125, 112-6604721-8847310',
        excerpt: expect.stringContaining('Order Defect Rate is 1.84%'),
      },
      { type: 'product_authenticity', asins: 'B0B9XQ7K2M', orders: '', excerpt: expect.stringContaining('is inauthentic') },
    ]);
    expect(await page.$eval('select[name="path"]', (el) => (el as HTMLSelectElement).value)).toBe('poa');
    expect(await page.$eval(byLabel('Title'), (el) => (el as HTMLInputElement).value)).toBe('Order defect rate + Product authenticity');

    // The writer corrects the form: a note on the second issue.
    await fill('Issue 2: note', 'One buyer, order not named in the notice');
    await expectNoAxeViolations(page, 'new case from a two-issue notice');
    await screenshot('new-case-form');
    await click('Create case');
    await page.waitForFunction(() => /^\/cases\/[0-9a-f-]{36}$/.test(location.pathname));
    await page.waitForSelector('[data-testid="case-issues"]');
    const issues = await page.$$eval('[data-testid="case-issues"] li', (list) => list.map((li) => li.textContent));
    expect(issues).toEqual([
      'Order defect rate · orders 112-7720415-3390125, 112-6604721-8847310',
      'Product authenticity · B0B9XQ7K2M · One buyer, order not named in the notice',
    ]);
    expect(await page.$eval('[data-testid="case-path"]', (el) => el.textContent)).toBe('Plan of Action');
  });

  it('links a root cause to one issue and the checker names the other', async () => {
    await click('Start drafting');
    await page.waitForSelector('.page-header .status-drafting');
    await click('+ Add root cause');
    await page.type('textarea[name="rootCauses.0.text"]', 'B0B9XQ7K2M came from a wholesaler whose invoices do not name the brand.');
    await page.select('select[name="rootCauses.0.issueId"]', (await issueIds())[1]);
    await page.waitForSelector('.issues ::-p-text(Issue 1 (Order defect rate) has no root cause)');
    expect(await page.$$eval('.issues li', (list) => list.some((li) => li.textContent?.includes('Issue 2')))).toBe(false);
    // It reaches the saved version too: the API's checks say the same.
    await page.waitForFunction(() => Number(document.querySelector('[data-saved-version]')?.getAttribute('data-saved-version')) >= 1, {
      timeout: 45_000,
    });
    await screenshot('checker');
  });

  it('shows the case and the retraction panel on a 375 px phone', async () => {
    await click('Edit details');
    await page.select('select[name="edit-path"]', 'retraction');
    await click('Save details');
    await page.waitForSelector('[data-testid="path-panel"]');
    await fill('Rights owner', 'Lumen & Co. GmbH');
    await fill('Complaint ID', '8841203571');
    await click('Save retraction');
    await page.waitForSelector('::-p-text(Saved.)');
    await page.click('::-p-text(Letter to the rights owner)');
    await page.waitForSelector('[data-testid="retraction-letter"] ::-p-text(Dear Lumen & Co. GmbH,)');

    await page.setViewport({ width: 375, height: 812 });
    await page.reload();
    await page.waitForSelector('[data-testid="path-panel"]');
    await expectNoSidewaysScroll();
    await screenshot('case-375');
    await page.goto(`${baseUrl}/cases/new`);
    await page.waitForSelector('[data-testid="issue-row"]');
    await expectNoSidewaysScroll();
    await screenshot('new-case-375');
  });
});

/** The ids of the case's issues, as the root cause's issue select offers them. */
async function issueIds(): Promise<string[]> {
  return page.$$eval('select[name="rootCauses.0.issueId"] option', (options) =>
    options.map((o) => (o as HTMLOptionElement).value).filter(Boolean),
  );
}

auditEveryVisitedPage();
