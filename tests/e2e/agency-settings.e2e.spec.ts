/// <reference lib="dom" />
/**
 * The owner's agency settings in headless Chromium, on an agency signed up for this test (never the seeded demo
 * agency other suites use): "Export all data" shows the export being prepared, then ready, and downloads the
 * archive; "Delete agency" asks for the agency's name, then every page shows the scheduled date in a banner until
 * the owner cancels. Screens checked at 1440 and 375 px (screenshots, no sideways scrolling, axe-core).
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'puppeteer-core';
import { downloadByClicking } from './download';
import {
  api,
  artifactsDir,
  baseUrl,
  button,
  byLabel,
  checkScreen,
  click,
  launchBrowser,
  newStaffPage,
  signUpInBrowser,
  type Agency,
} from './staff-browser';
import { auditEveryVisitedPage } from './route-audit';

jest.setTimeout(240_000);

let browser: Browser;
let page: Page;
let owner: Agency;
const agencyName = `Closing Agency ${Date.now().toString(36)}`;

const deletionDate = async () =>
  (await api<{ deletionScheduledFor: string | null }>('GET', '/api/v1/tenant', undefined, owner.token)).deletionScheduledFor;
const bannerText = () => page.$eval('.deletion-banner', (el) => el.textContent ?? '').catch(() => null);

beforeAll(async () => {
  browser = await launchBrowser();
  page = await newStaffPage(browser);
  owner = await signUpInBrowser(page, agencyName, 'Olivia Owner');
});

afterAll(async () => {
  await browser?.close();
});

it('exports all of the agency data and downloads the archive', async () => {
  await page.goto(`${baseUrl}/settings/agency`);
  await page.waitForSelector(button('Export all data'), { visible: true });
  await checkScreen(page, 'agency-settings');

  await click(page, 'Export all data');
  await page.waitForSelector('::-p-text(Preparing the archive)', { visible: true, timeout: 10_000 }).catch(() => undefined);
  const download = await page.waitForSelector(button('Download archive'), { visible: true, timeout: 90_000 });
  expect(await page.$eval('[role="status"]', (el) => el.textContent)).toContain('The archive is ready');
  const file = await downloadByClicking(page, download!, artifactsDir, 'agency-export-', '.tar.gz');
  const archive = readFileSync(file);
  // A gzip stream (the archive's content is checked by tenant-export.e2e.spec.ts).
  expect(archive.subarray(0, 2).toString('hex')).toBe('1f8b');
  expect(archive.length).toBeGreaterThan(100);
});

it("schedules the agency's deletion with its name typed, shows the date everywhere, and cancels it", async () => {
  await page.goto(`${baseUrl}/settings/agency`);
  const label = `Type the agency's name, ${agencyName}, to confirm`;
  await page.waitForSelector(byLabel(label), { visible: true });
  // The button waits for the exact name.
  await page.type(byLabel(label), 'Closing');
  expect(await page.$eval(button('Delete agency'), (el) => (el as HTMLButtonElement).disabled)).toBe(true);
  await page.type(byLabel(label), agencyName.slice('Closing'.length));
  await click(page, 'Delete agency');

  await page.waitForSelector('.deletion-banner', { visible: true });
  const scheduled = await deletionDate();
  expect(scheduled).not.toBeNull();
  const year = String(new Date(scheduled!).getFullYear());
  expect(await bannerText()).toContain('will be deleted on');
  expect(await bannerText()).toContain(year);
  await page.waitForSelector(button('Cancel deletion'), { visible: true });
  await checkScreen(page, 'agency-deletion-scheduled');
  // Every page of the dashboard shows it.
  await page.goto(`${baseUrl}/cases`);
  await page.waitForSelector('.deletion-banner', { visible: true });

  await page.goto(`${baseUrl}/settings/agency`);
  await click(page, 'Cancel deletion');
  await page.waitForSelector(button('Delete agency'), { visible: true });
  await page.waitForFunction(() => !document.querySelector('.deletion-banner'));
  expect(await deletionDate()).toBeNull();
});

auditEveryVisitedPage();
