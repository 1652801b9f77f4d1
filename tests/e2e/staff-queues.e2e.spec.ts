/// <reference lib="dom" />
/**
 * The cases list as a set of queues, in headless Chromium against the running product: "My cases" and "Awaiting my
 * review" with their counts in the navigation, due today and overdue counted apart, deadline pills, rows kept while
 * the next ones load, the list's keyboard shortcuts, focus after sorting, deleting a saved view and closing the user
 * menu, the list as cards at 375 px, and axe-core on every screen at 1440 and 375 px.
 */
import type { Browser, Page } from 'puppeteer-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { initialJsGzipBytes } from '../../tools/web/initial-js';
import {
  addColleague,
  api,
  artifactsDir,
  baseUrl,
  button,
  byLabel,
  checkScreen,
  click,
  csp,
  fill,
  focused,
  launchBrowser,
  newStaffPage,
  signUpInBrowser,
  type Agency,
} from './staff-browser';
import { auditEveryVisitedPage } from './route-audit';

jest.setTimeout(300_000);

const HOUR = 3_600_000;
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
let browser: Browser;
let page: Page;
let owner: Agency;
const ids: Record<string, string> = {};

/** A time later today (local time of the browser and of this process), at least a few minutes ahead. */
function laterToday(): Date {
  const now = Date.now();
  const end = new Date(now);
  end.setHours(23, 59, 59, 999);
  return new Date(now + Math.max(5 * 60_000, Math.min(HOUR, (end.getTime() - now) / 2)));
}

async function navCount(label: string): Promise<string> {
  const link = await page.waitForSelector(`nav[aria-label="Main"] ::-p-text(${label})`);
  return link!.evaluate((el) => (el.closest('a')?.querySelector('.nav-count')?.textContent ?? '').trim());
}

async function rowTitles(): Promise<string[]> {
  return page.$$eval('table[aria-label="Cases"] tbody tr td[data-label="Case"] a', (links) =>
    links.map((a) => (a.textContent ?? '').replace(/^POA-\d{4}-\d+\s*/, '').trim()),
  );
}

async function waitForRows(titles: string[]): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const shown = [...document.querySelectorAll('table[aria-label="Cases"] tbody td[data-label="Case"] a')].map((a) =>
        (a.textContent ?? '').replace(/^POA-\d{4}-\d+\s*/, '').trim(),
      );
      return JSON.stringify([...shown].sort()) === JSON.stringify([...expected].sort());
    },
    { timeout: 30_000 },
    titles,
  );
}

beforeAll(async () => {
  browser = await launchBrowser();
  page = await newStaffPage(browser);
  owner = await signUpInBrowser(page, `Queues Agency ${run}`, 'Olive Owner');
  const writer = await addColleague(owner, 'Will Writer', 'writer');
  const client = await api<{ id: string }>('POST', '/api/v1/clients', { name: 'Queue Client Ltd', marketplaces: ['US'] }, owner.token);
  const make = async (title: string, dueAt: Date, assigneeId: string) =>
    (ids[title] = (
      await api<{ id: string }>(
        'POST',
        '/api/v1/cases',
        {
          clientId: client.id,
          title,
          violationType: 'late_shipment_rate',
          marketplace: 'US',
          noticeReceivedAt: new Date(Date.now() - 20 * 24 * HOUR).toISOString(),
          dueAt: dueAt.toISOString(),
          assigneeId,
        },
        owner.token,
      )
    ).id);
  await make('Due later today', laterToday(), owner.userId);
  await make('Due in two days', new Date(Date.now() + 48 * HOUR), owner.userId);
  await make('Three days overdue', new Date(Date.now() - 72 * HOUR), owner.userId);
  await make('Closed and late', new Date(Date.now() - 5 * HOUR), owner.userId);
  await api('POST', `/api/v1/cases/${ids['Closed and late']}/transitions`, { action: 'close' }, owner.token);
  await make('Written by Will', new Date(Date.now() + 10 * 24 * HOUR), writer.id);
  await api('POST', `/api/v1/cases/${ids['Written by Will']}/transitions`, { action: 'start_drafting' }, writer.token);
  await api(
    'POST',
    `/api/v1/cases/${ids['Written by Will']}/drafts`,
    {
      baseVersion: 0,
      summary: 'Late shipments in October.',
      rootCauses: [{ text: 'Our handling time was one day while the warehouse needed two.' }],
    },
    writer.token,
  );
  await api('POST', `/api/v1/cases/${ids['Written by Will']}/transitions`, { action: 'submit_for_review' }, writer.token);
});

afterEach(() => {
  expect(csp.violations.splice(0)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
});

describe('case queues', () => {
  it('counts my cases, my reviews, due today and overdue in the navigation, with deadline pills', async () => {
    await page.goto(`${baseUrl}/cases`);
    await page.waitForSelector('table[aria-label="Cases"] tbody tr');
    await page.waitForSelector('.count-badge');
    expect(await navCount('My cases')).toBe('3');
    expect(await navCount('Awaiting my review')).toBe('1');
    // A case three days late is overdue, not due today.
    expect(await page.$$eval('.topbar-counts a', (links) => links.map((a) => a.textContent))).toEqual(['1 due today', '1 overdue']);
    expect(await page.title()).toBe('Cases · POA Desk');

    const pill = (title: string) =>
      page.$eval(`tr:has(a[href="/cases/${ids[title]}"]) td[data-label="Due"] .pill`, (el) => el.className.replace('pill ', ''));
    expect(await pill('Due later today')).toBe('pill-urgent');
    expect(await pill('Due in two days')).toBe('pill-soon');
    expect(await pill('Three days overdue')).toBe('pill-overdue');
    await checkScreen(page, 'staff-cases-all', (p) => p.waitForSelector('table[aria-label="Cases"] tbody tr'));
  });

  it('shows "My cases" and "Awaiting my review", keeping the rows in place while the next ones load', async () => {
    await page.evaluate(() => {
      const w = window as unknown as { tableGone: boolean };
      w.tableGone = false;
      new MutationObserver(() => {
        if (!document.querySelector('table[aria-label="Cases"]')) w.tableGone = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await (await page.waitForSelector('nav[aria-label="Main"] ::-p-text(My cases)'))!.click();
    await waitForRows(['Due later today', 'Due in two days', 'Three days overdue']);
    expect(await page.$eval('h1', (el) => el.textContent)).toBe('My cases');
    expect(await page.title()).toBe('My cases · POA Desk');
    expect(await page.$eval('nav[aria-label="Main"] a[aria-current="page"]', (el) => el.textContent)).toBe('My cases3');

    await (await page.waitForSelector('nav[aria-label="Main"] ::-p-text(Awaiting my review)'))!.click();
    await waitForRows(['Written by Will']);
    await page.select(byLabel('Status'), 'internal_review');
    await waitForRows(['Written by Will']);
    expect(await page.evaluate(() => (window as unknown as { tableGone: boolean }).tableGone)).toBe(false);
    await checkScreen(page, 'staff-cases-review-queue', (p) => p.waitForSelector('table[aria-label="Cases"] tbody tr'));
  });

  it('lists what is due today apart from what is overdue', async () => {
    await (await page.waitForSelector('.topbar-counts ::-p-text(due today)'))!.click();
    await waitForRows(['Due later today']);
    await (await page.waitForSelector('.topbar-counts ::-p-text(overdue)'))!.click();
    await waitForRows(['Three days overdue']);
  });

  it('keeps focus on the sort button, and announces what a search finds', async () => {
    await page.goto(`${baseUrl}/cases?queue=mine`);
    await waitForRows(['Due later today', 'Due in two days', 'Three days overdue']);
    await (await page.waitForSelector(button('Due')))!.click();
    await page.waitForFunction(() => document.querySelector('th[aria-sort="ascending"]'));
    expect(await focused(page)).toBe('button Due ▲');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('th[aria-sort="descending"]'));
    expect(await focused(page)).toBe('button Due ▼');
    // The previous rows stay until the new order has loaded.
    await page.waitForFunction(() =>
      document.querySelector('table[aria-label="Cases"] tbody td[data-label="Case"] a')?.textContent?.endsWith('Due in two days'),
    );
    expect((await rowTitles())[0]).toBe('Due in two days');

    await fill(page, 'Search', 'overdue');
    await waitForRows(['Three days overdue']);
    await page.waitForFunction(() => document.querySelector('p.sr-only[role="status"]')?.textContent === '1 case.');
  });

  it('moves through the list with j and k, opens with Enter, searches with /, and lists the keys on ?', async () => {
    await page.goto(`${baseUrl}/cases?queue=mine&sort=dueAt`);
    await waitForRows(['Due later today', 'Due in two days', 'Three days overdue']);
    await page.keyboard.press('j');
    expect(await focused(page)).toMatch(/^a .*Three days overdue$/);
    await page.keyboard.press('j');
    expect(await focused(page)).toMatch(/^a .*Due later today$/);
    await page.keyboard.press('k');
    expect(await focused(page)).toMatch(/^a .*Three days overdue$/);
    await page.keyboard.press('/');
    expect(await focused(page)).toBe('input');
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    await page.keyboard.press('?');
    await page.waitForSelector('dialog[open] ::-p-text(Keyboard shortcuts)');
    await checkScreen(page, 'staff-cases-shortcuts', (p) => p.waitForSelector('dialog[open]'));
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('dialog[open]'));
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => location.pathname === `/cases/${id}`, {}, ids['Three days overdue']);
    await page.waitForFunction(() => document.title.includes('Three days overdue'));
    await page.goto(`${baseUrl}/cases`);
    await page.waitForSelector('table[aria-label="Cases"] tbody tr');
    await page.keyboard.press('c');
    await page.waitForFunction(() => location.pathname === '/cases/new');
    await page.waitForFunction(() => document.title === 'New case · POA Desk');
  });

  it('puts focus back after deleting a saved view and after Escape in the user menu', async () => {
    await page.goto(`${baseUrl}/cases?queue=mine`);
    await page.waitForSelector('table[aria-label="Cases"] tbody tr');
    await fill(page, 'Name of this view', 'Mine by due date');
    await click(page, 'Save view');
    await fill(page, 'Name of this view', 'Second view');
    await click(page, 'Save view');
    await click(page, 'Delete the view Mine by due date');
    await page.waitForFunction(() => document.activeElement?.textContent === 'Second view');
    await click(page, 'Delete the view Second view');
    await page.waitForFunction(() => document.activeElement?.id === 'view-name');

    await page.click('.account-menu > button');
    await page.waitForSelector('[role="menu"]');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('[role="menu"]'));
    // Back on the button that opened the menu, with the menu closed.
    expect(await page.evaluate(() => document.activeElement === document.querySelector('.account-menu > button'))).toBe(true);
    expect(await page.$eval('.account-menu > button', (el) => el.getAttribute('aria-expanded'))).toBe('false');
  });

  it('opens the notification bell (the overdue reminder listed): axe-clean at 1440 and 375 px, Escape puts focus back on the bell', async () => {
    // The worker's scheduler writes the reminder of the overdue case within its poll interval.
    const bell = '.notification-bell > button';
    for (let tries = 0; tries < 40; tries++) {
      await page.goto(`${baseUrl}/cases`);
      const label = await (await page.waitForSelector(bell))!.evaluate((el) => el.getAttribute('aria-label') ?? '');
      if (!label.startsWith('Notifications, 0 ')) break;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
    expect(await page.$eval(bell, (el) => el.getAttribute('aria-label'))).toMatch(/^Notifications, [1-9]\d* unread$/);
    await page.focus(bell);
    await page.keyboard.press('Enter');
    const panel = await page.waitForSelector('.notification-list[role="region"][aria-label="Notifications"]');
    expect(await page.$eval(bell, (el) => [el.getAttribute('aria-expanded'), el.getAttribute('aria-controls')])).toEqual([
      'true',
      await panel!.evaluate((el) => el.id),
    ]);
    expect(await panel!.evaluate((el) => el.textContent ?? '')).toContain('is overdue');
    await checkScreen(page, 'staff-notifications', (p) => p.waitForSelector('.notification-list'));

    // Into the list with Tab, out with Escape: focus is back on the bell, the panel gone.
    await page.focus(bell);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.notification-list') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('.notification-list'));
    expect(await page.evaluate(() => document.activeElement?.matches('.notification-bell > button') ?? false)).toBe(true);
    expect(await page.$eval(bell, (el) => el.getAttribute('aria-expanded'))).toBe('false');

    // At 375 px the agency name stays on one line, cut with an ellipsis, the whole name in its title.
    await page.setViewport({ width: 375, height: 800 });
    const brand = await page.$eval('.topbar-brand', (el) => {
      const style = getComputedStyle(el);
      return {
        overflow: style.overflow,
        whiteSpace: style.whiteSpace,
        textOverflow: style.textOverflow,
        title: el.getAttribute('title'),
        fits: el.getBoundingClientRect().right <= window.innerWidth,
      };
    });
    expect(brand).toEqual({
      overflow: 'hidden',
      whiteSpace: 'nowrap',
      textOverflow: 'ellipsis',
      title: `Queues Agency ${run}`,
      fits: true,
    });
    await page.setViewport({ width: 1440, height: 900 });
  });

  it('shows the list as cards at 375 px, with the header and every staff page fitting the screen', async () => {
    await page.goto(`${baseUrl}/cases`);
    await checkScreen(page, 'staff-cases-list', (p) => p.waitForSelector('table[aria-label="Cases"] tbody tr'));
    await page.goto(`${baseUrl}/cases?view=board`);
    await checkScreen(page, 'staff-cases-board', (p) => p.waitForSelector('.board-card'));
    await page.goto(`${baseUrl}/cases/${ids['Written by Will']}`);
    await checkScreen(page, 'staff-case-page', (p) => p.waitForSelector('textarea[name="summary"]'));
    await page.goto(`${baseUrl}/cases/new`);
    await checkScreen(page, 'staff-new-case', (p) => p.waitForSelector('textarea'));
    await page.goto(`${baseUrl}/clients`);
    await checkScreen(page, 'staff-clients', (p) => p.waitForSelector('table tbody tr'));
    await page.goto(`${baseUrl}/settings`);
    await checkScreen(page, 'staff-settings-team', (p) => p.waitForSelector('table tbody tr'));
    // The settings pages no other browser test opens: each loaded (its heading, nothing still loading).
    for (const [url, heading, name] of [
      ['/settings/seller-central', 'seller-central-settings-title', 'staff-settings-seller-central'],
      ['/settings/playbooks', 'playbooks-title', 'staff-settings-playbooks'],
      ['/settings/checker', 'checker-settings-title', 'staff-settings-checker'],
    ]) {
      await page.goto(`${baseUrl}${url}`);
      await checkScreen(page, name, (p) =>
        p.waitForFunction((id) => document.getElementById(id) && !document.querySelector('.loading'), {}, heading),
      );
    }
    for (const [url, title] of [
      ['/clients', 'Clients · POA Desk'],
      ['/settings', 'Team · Settings · POA Desk'],
      ['/settings/branding', 'Branding · Settings · POA Desk'],
    ]) {
      await page.goto(`${baseUrl}${url}`);
      await page.waitForFunction((expected) => document.title === expected, {}, title);
    }
  });

  it('shows an e-mail of the development mailbox as HTML and as text', async () => {
    await page.goto(`${baseUrl}/dev/mail`);
    // The worker writes the sign-up's confirmation e-mail shortly after the sign-up; reminders may arrive beside it.
    const confirmationRow = () => page.$$eval('table tbody tr', (rows) => rows.findIndex((row) => /confirm/i.test(row.textContent ?? '')));
    for (let tries = 0; (await confirmationRow()) < 0 && tries < 30; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await page.reload();
      await page.waitForSelector('h1');
    }
    const rows = await page.$$('table tbody tr');
    await (await rows[await confirmationRow()].$('button'))!.click();
    await page.waitForFunction(() => document.querySelector('[aria-label="HTML version of the e-mail"]')?.shadowRoot?.querySelector('a'));
    const html = await page.$eval('[aria-label="HTML version of the e-mail"]', (el) => el.shadowRoot?.innerHTML ?? '');
    expect(html).toContain('/confirm-email?token=');
    expect(await page.$eval('section[aria-label="Text version"] pre', (el) => el.textContent ?? '')).toContain('/confirm-email?token=');
    expect(await page.title()).toBe('Development mailbox · POA Desk');
    await checkScreen(page, 'staff-dev-mailbox', (p) => p.waitForSelector('[aria-label="HTML version of the e-mail"]'));
  });

  it('records how soon rows show after a reload, and the requests before them (a figure in test-artifacts/, not asserted)', async () => {
    const timings: { rowsMs: number; requests: string[] }[] = [];
    for (let i = 0; i < 5; i++) {
      const requests: string[] = [];
      const onRequest = (request: { url(): string; resourceType(): string }) => {
        const url = new URL(request.url());
        if (['script', 'fetch', 'xhr'].includes(request.resourceType())) requests.push(`${url.pathname}${url.search}`);
      };
      page.on('request', onRequest);
      await page.goto(`${baseUrl}/cases`);
      await page.waitForSelector('table[aria-label="Cases"] tbody tr');
      page.off('request', onRequest);
      const rowsMs = await page.evaluate(() => {
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return Math.round(performance.now() - navigation.startTime);
      });
      timings.push({ rowsMs, requests });
    }
    const sorted = timings.map((t) => t.rowsMs).sort((a, b) => a - b);
    writeFileSync(
      path.join(artifactsDir, 'staff-time-to-rows.json'),
      JSON.stringify({ medianMs: sorted[Math.floor(sorted.length / 2)], runs: timings, loadAverage: loadavg() }, null, 2),
    );
    // The counts come with the rows: no request of its own for them.
    expect(timings[0].requests.some((r) => r.startsWith('/api/v1/cases?') && r.includes('counts=true'))).toBe(true);
    expect(timings[0].requests.filter((r) => r.startsWith('/api/v1/cases?limit=1&'))).toEqual([]);
  });

  it('loads at most 200 KB of gzipped JavaScript before the first screen', () => {
    const dist = path.resolve(__dirname, '../../dist/apps/web');
    for (const html of ['index.html', 'portal.html']) {
      const { files, bytes } = initialJsGzipBytes(dist, html);
      expect(files.length).toBeGreaterThan(0);
      expect({ html, overBudget: bytes > 200 * 1024 }).toEqual({ html, overBudget: false });
    }
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toContain('<script');
  });
});

auditEveryVisitedPage();
