/// <reference lib="dom" />
/**
 * The results page on the seeded demo agency, in headless Chromium against the running product: both charts drawn
 * with their tables, the grouping filter, the CSV download (its content checked against the table), the library of
 * plans that won beside the editor's API, and axe-core at 1440 and 375 px with screenshots.
 */
import type { Browser, Page } from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import { e2eEnv } from '@poa/test-setup';
import { expectNoAxeViolations } from './axe';
import { downloadByClicking } from './download';
import { api, artifactsDir, baseUrl, byLabel, checkScreen, click, csp, fill, launchBrowser, newStaffPage } from './staff-browser';
import { auditEveryVisitedPage } from './route-audit';

jest.setTimeout(300_000);

const env = e2eEnv();
let browser: Browser;
let page: Page;

function login(role: string) {
  const demo = env.demoLogins.find((l) => l.role === role);
  if (!demo) throw new Error(`no demo ${role}`);
  return demo;
}

async function logIn(target: Page, role: string) {
  const demo = login(role);
  await target.goto(`${baseUrl}/login`);
  await fill(target, 'Email', demo.email);
  await fill(target, 'Password', demo.password);
  await click(target, 'Log in');
  await target.waitForFunction(() => location.pathname === '/cases');
}

/** The rows of a table: header cell of the row, then its cells. */
function tableRows(target: Page, heading: string): Promise<string[][]> {
  return target.$$eval(`table[aria-labelledby="${heading}"] tbody tr`, (rows) =>
    rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())),
  );
}

beforeAll(async () => {
  browser = await launchBrowser();
  page = await newStaffPage(browser);
  await logIn(page, 'reviewer');
});

afterAll(async () => {
  await browser?.close();
});

describe('results page', () => {
  it('draws the outcome and findings charts, each with its table, from the seeded decided cases', async () => {
    // The cases list first finishes loading (a navigation while its page is still suspended can wait for it).
    await page.waitForSelector('table[aria-label="Cases"]', { timeout: 60_000 });
    const link = await page.waitForSelector('nav[aria-label="Main"] a[href="/results"]', { visible: true });
    await page.screenshot({ path: `${artifactsDir}/results-nav.png` });
    await link!.click();
    await page.waitForFunction(() => location.pathname === '/results', { timeout: 60_000 });
    await page.waitForSelector('[data-testid="outcomes-chart"] .recharts-bar-rectangle', { timeout: 60_000 });
    await page.waitForSelector('[data-testid="findings-chart"] .recharts-bar-rectangle');
    const bars = await page.$$eval('[data-testid="outcomes-chart"] .recharts-bar-rectangle', (els) => els.length);
    expect(bars).toBeGreaterThanOrEqual(8);

    const outcomes = await tableRows(page, 'outcomes-heading');
    expect(outcomes.length).toBeGreaterThanOrEqual(8);
    const decided = outcomes.reduce((sum, row) => sum + Number(row[1]), 0);
    const total = await page.$eval('dl[aria-label="All decided cases"] dd', (dd) => Number(dd.textContent));
    expect(decided).toBe(total);
    expect(total).toBeGreaterThanOrEqual(30);
    // Every row adds up: reinstated + denied = decided, and the win rate is reinstated / decided.
    for (const [label, d, r, n, rate] of outcomes) {
      expect([label, Number(r) + Number(n)]).toEqual([label, Number(d)]);
      expect([label, rate]).toEqual([label, `${Math.round((Number(r) / Number(d)) * 100)}%`]);
    }
    // The chart names the groups the table lists.
    const squeeze = (text: string) => text.replace(/\s+/g, '');
    const drawn = await page.$$eval('[data-testid="outcomes-chart"] svg text', (els) => els.map((el) => el.textContent ?? ''));
    const labels = new Set(drawn.map(squeeze));
    expect(outcomes.map((row) => squeeze(row[0])).filter((label) => !labels.has(label))).toEqual([]);

    const findings = await tableRows(page, 'findings-heading');
    expect(findings.map((row) => row[0])).toEqual(expect.arrayContaining(['Vague wording', 'Preventive measure without an owner']));

    // The same numbers as the API for the same period.
    const from = new URL(page.url()).searchParams.get('from');
    const session = await api<{ accessToken: string }>('POST', '/api/v1/auth/login', {
      email: login('reviewer').email,
      password: login('reviewer').password,
    });
    const report = await api<{ total: { decided: number } }>(
      'GET',
      `/api/v1/reports/outcomes${from ? `?from=${from}` : ''}`,
      undefined,
      session.accessToken,
    );
    expect(report.total.decided >= total).toBe(true);
    expect(csp.violations.splice(0)).toEqual([]);
  });

  it('groups by writer and downloads the same rows as CSV', async () => {
    await page.select(byLabel('Group by'), 'writer');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('groupBy') === 'writer');
    await page.waitForSelector('table[aria-labelledby="outcomes-heading"] tbody th ::-p-text(Wendy Writer)');
    const rows = await tableRows(page, 'outcomes-heading');
    expect(rows.map((row) => row[0]).sort()).toEqual(['Olivia Owner', 'Ravi Reviewer', 'Wendy Writer']);

    const button = await page.waitForSelector('::-p-aria([name="Download CSV"][role="button"])');
    const file = await downloadByClicking(page, button!, artifactsDir, 'results-csv-', '.csv');
    const lines = readFileSync(file, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('group,label,decided,reinstated,denied,winRate,medianDaysToDecision,medianRounds');
    const csv = lines.slice(1).map((line) => line.split(','));
    // Same writers, counts and win rates as the table (the CSV has the rate as a fraction).
    expect(csv.map(([, label, d, r, n]) => [label, d, r, n]).sort()).toEqual(rows.map(([label, d, r, n]) => [label, d, r, n]).sort());
    for (const [, label, d, r, , rate] of csv)
      expect([label, Number(rate)]).toEqual([label, Math.round((Number(r) / Number(d)) * 10_000) / 10_000]);
  });

  it('passes axe-core and fits 375 px, with screenshots', async () => {
    await page.select(byLabel('Group by'), 'month');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('groupBy') === 'month');
    await checkScreen(page, 'results', (p) => p.waitForSelector('[data-testid="outcomes-chart"] .recharts-bar-rectangle'));
    expect(csp.violations.splice(0)).toEqual([]);
  });

  it('is not in a writer’s navigation, and the API refuses a writer', async () => {
    const writerPage = await newStaffPage(browser);
    await logIn(writerPage, 'writer');
    await writerPage.waitForSelector('nav[aria-label="Main"] a[href="/clients"]');
    expect(await writerPage.$('nav[aria-label="Main"] a[href="/results"]')).toBeNull();
    const session = await api<{ accessToken: string }>('POST', '/api/v1/auth/login', {
      email: login('writer').email,
      password: login('writer').password,
    });
    const res = await fetch(`${baseUrl}/api/v1/reports/outcomes`, { headers: { authorization: `Bearer ${session.accessToken}` } });
    expect(res.status).toBe(403);
    // The library is for writers: anonymised plans that won for the type of a case.
    const library = await api<{ data: { sections: { summary: string } }[] }>(
      'GET',
      '/api/v1/library?violationType=order_defect_rate',
      undefined,
      session.accessToken,
    );
    expect(library.data.length).toBeGreaterThan(0);
    expect(JSON.stringify(library)).not.toMatch(/Northwind|Kaito|Berliner|\bB0[A-Z0-9]{8}\b/);
    // Beside the editor of a case of that type: the plans that won, opened one by one.
    const found = await api<{ data: { id: string }[] }>(
      'GET',
      `/api/v1/cases?q=${encodeURIComponent('Section 3 deactivation')}`,
      undefined,
      session.accessToken,
    );
    await writerPage.goto(`${baseUrl}/cases/${found.data[0].id}`);
    await (await writerPage.waitForSelector('summary ::-p-text(Plans that won)', { visible: true }))!.click();
    await (await writerPage.waitForSelector('.examples-list li summary', { visible: true }))!.click();
    await writerPage.waitForSelector('.examples-list ::-p-text(Start from this example)', { visible: true });
    expect(await writerPage.$eval('.examples-list .example-text', (el) => el.textContent ?? '')).toMatch(/\{\{(ASIN|ORDER_ID)\}\}/);
    await writerPage.screenshot({ path: `${artifactsDir}/results-library-beside-editor.png`, fullPage: true });
    await expectNoAxeViolations(writerPage, 'editor with the plans that won');
    expect(csp.violations.splice(0)).toEqual([]);
    await writerPage.close();
  });
});

auditEveryVisitedPage();
