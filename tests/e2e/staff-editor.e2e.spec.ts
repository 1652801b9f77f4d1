/// <reference lib="dom" />
/**
 * The draft editor in headless Chromium against the running product: a new case starts from its violation type's
 * starter text, autosave makes one version per editing session, "Save version" names one, an earlier version is
 * restored as a new one, "Remove" can be undone, checker findings (a root cause blaming the carrier) take the writer
 * to their field, the checker stays in view, comments return to "Staff only" after each post and look different when
 * shared, the case tabs follow the tabs pattern, and focus lands where it should; axe-core on every screen.
 */
import type { Browser, ElementHandle, HTTPRequest, Page } from 'puppeteer-core';
import {
  api,
  baseUrl,
  byLabel,
  checkScreen,
  click,
  csp,
  fill,
  focused,
  launchBrowser,
  newStaffPage,
  replaceText,
  signUpInBrowser,
  type Agency,
} from './staff-browser';
import { auditEveryVisitedPage } from './route-audit';

jest.setTimeout(300_000);

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
let browser: Browser;
let page: Page;
let owner: Agency;
let caseId = '';
let caseUrl = '';

interface VersionSummary {
  version: number;
  name: string | null;
}

const versions = async () => (await api<{ data: VersionSummary[] }>('GET', `/api/v1/cases/${caseId}/drafts`, undefined, owner.token)).data;
const draftPosts = () =>
  page.waitForResponse((r) => r.request().method() === 'POST' && /\/drafts$/.test(new URL(r.url()).pathname) && r.status() === 201);

async function savedVersion(): Promise<number> {
  const handle = await page.waitForFunction(() => {
    const state = document.querySelector('[role="status"][data-saved-version]');
    return state ? Number(state.getAttribute('data-saved-version')) : false;
  });
  return (await handle.jsonValue()) as number;
}

beforeAll(async () => {
  browser = await launchBrowser();
  page = await newStaffPage(browser);
  owner = await signUpInBrowser(page, `Editor Agency ${run}`, 'Eddie Editor');
  const client = await api<{ id: string }>('POST', '/api/v1/clients', { name: 'Parcel Goods Ltd', marketplaces: ['US'] }, owner.token);
  caseId = (
    await api<{ id: string }>(
      'POST',
      '/api/v1/cases',
      {
        clientId: client.id,
        title: 'Late shipments in November',
        violationType: 'late_shipment_rate',
        marketplace: 'US',
        noticeReceivedAt: new Date().toISOString(),
      },
      owner.token,
    )
  ).id;
  caseUrl = `${baseUrl}/cases/${caseId}`;
});

afterEach(() => {
  expect(csp.violations.splice(0)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
});

describe('draft editor', () => {
  it('starts a new case from its violation type’s starter text: its prompts are the only errors, not empty sections', async () => {
    await page.goto(caseUrl);
    await page.waitForSelector('textarea[name="rootCauses.3.text"]');
    expect(await page.$eval('textarea[name="rootCauses.1.text"]', (el) => (el as HTMLTextAreaElement).value)).toContain('stock-outs');
    // The only errors are the starter's prompts, flagged as template text until the writer replaces them.
    const errorRules = await page.$$eval('.checker .issue-error', (items) => [...new Set(items.map((li) => li.getAttribute('data-rule')))]);
    expect(errorRules).toEqual(['template_text']);
    expect((await page.$$('.checker .issue-warning')).length).toBeGreaterThan(0);
    expect(await page.title()).toMatch(/^POA-\d{4}-\d+ · Late shipments in November · POA Desk$/);
    await checkScreen(page, 'staff-editor-starter', (p) => p.waitForSelector('.checker'));
  });

  it('autosaves one editing session into one version, and "Save version" names it', async () => {
    await click(page, 'Start drafting');
    await page.waitForSelector('.page-header .status-drafting');
    let saved = draftPosts();
    await replaceText(page, 'textarea[name="summary"]', 'Thirty orders of October shipped late because our handling time was too short.');
    await saved;
    expect(await savedVersion()).toBe(1);
    saved = draftPosts();
    await replaceText(page, 'textarea[name="rootCauses.0.text"]', 'Our handling time was one day while the warehouse needed two.');
    await saved;
    saved = draftPosts();
    await page.type('textarea[name="rootCauses.0.text"]', ' We never compared the two.');
    await saved;
    expect(await versions()).toEqual([expect.objectContaining({ version: 1, name: null })]);

    await fill(page, 'Version name (optional)', 'First pass');
    saved = draftPosts();
    await click(page, 'Save version');
    await saved;
    expect(await versions()).toEqual([expect.objectContaining({ version: 1, name: 'First pass' })]);

    saved = draftPosts();
    await replaceText(page, 'textarea[name="rootCauses.1.text"]', 'Stock-outs on B0PARCEL01 in the week of 14 October.');
    await saved;
    await page.waitForFunction(() => document.querySelector('[data-saved-version="2"]'));
    expect((await versions()).map((v) => v.version)).toEqual([1, 2]);
  });

  it('flags a root cause that blames the carrier and takes the writer to it', async () => {
    await replaceText(page, 'textarea[name="rootCauses.2.text"]', 'The carrier delivered 30 orders late.');
    const finding = await page.waitForSelector('.checker button::-p-text(reads as blaming others)');
    expect(await finding!.evaluate((el) => el.textContent)).toContain('Root causes 3:');
    await finding!.click();
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'rootCauses.2.text');
    expect(await page.$eval('textarea[name="rootCauses.2.text"]', (el) => el.classList.contains('field-highlight'))).toBe(true);
    await replaceText(page, 'textarea[name="rootCauses.3.text"]', 'We will miss the cut-off again.');
    await page.waitForSelector('.checker button::-p-text(A root cause says what already happened)');

    // The checker stays in view while the editor scrolls.
    await page.evaluate(() => document.querySelector('[data-section="preventiveMeasures"]')?.scrollIntoView());
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    const top = await page.$eval('.checker', (el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(40);
    await checkScreen(page, 'staff-editor-checker', (p) => p.waitForSelector('.checker'));
  });

  it('undoes "Remove", with focus on Undo and then back in the restored item', async () => {
    const text = await page.$eval('textarea[name="rootCauses.1.text"]', (el) => (el as HTMLTextAreaElement).value);
    await click(page, 'Remove root cause 2');
    await page.waitForFunction(() => document.activeElement?.textContent === 'Undo');
    expect(await page.$eval('textarea[name="rootCauses.1.text"]', (el) => (el as HTMLTextAreaElement).value)).not.toBe(text);
    await click(page, 'Undo');
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'rootCauses.1.text');
    expect(await page.$eval('textarea[name="rootCauses.1.text"]', (el) => (el as HTMLTextAreaElement).value)).toBe(text);
  });

  it('keeps one save status region, alerts a failed save apart, and puts focus on the status after Retry', async () => {
    await savedVersion();
    await page.$eval('[role="status"][data-saved-version]', (el) => el.setAttribute('data-marked', 'yes'));
    const refuse = (request: HTTPRequest) =>
      request.method() === 'POST' && request.url().endsWith('/drafts') ? void request.abort('failed') : void request.continue();
    await page.setRequestInterception(true);
    page.on('request', refuse);
    await page.type('textarea[name="summary"]', ' Fixed on 3 November.');
    await page.waitForSelector('[role="alert"] ::-p-text(Not saved)');
    expect(await page.$eval('[data-marked="yes"]', (el) => el.textContent)).toBe('Not saved');
    page.off('request', refuse);
    await page.setRequestInterception(false);
    const saved = draftPosts();
    await click(page, 'Retry');
    await saved;
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-marked'))).toBe('yes');
    await page.waitForFunction(() => !document.querySelector('[role="alert"]'));
  });

  it('restores an earlier version as a new one and reopens the editor on it', async () => {
    const before = await versions();
    await page.goto(`${caseUrl}?tab=history`);
    await page.waitForSelector('::-p-text(“First pass”)');
    await checkScreen(page, 'staff-versions', (p) => p.waitForSelector('.version-row'));
    await click(page, 'Restore v1');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('tab') === null);
    const latest = before[before.length - 1].version + 1;
    await page.waitForFunction(
      (v) => document.querySelector(`[data-saved-version="${v}"]`) || document.body.textContent?.includes(`latest version ${v}`),
      {},
      latest,
    );
    const after = await versions();
    expect(after[after.length - 1]).toEqual(expect.objectContaining({ version: latest, name: 'Restored from version 1' }));
    expect(await page.$eval('textarea[name="rootCauses.1.text"]', (el) => (el as HTMLTextAreaElement).value)).toContain('[Insert');
    const v1 = await api<{ rootCauses: { text: string }[] }>('GET', `/api/v1/cases/${caseId}/drafts/1`, undefined, owner.token);
    const restored = await api<{ rootCauses: { text: string }[] }>(
      'GET',
      `/api/v1/cases/${caseId}/drafts/${latest}`,
      undefined,
      owner.token,
    );
    expect(restored.rootCauses).toEqual(v1.rootCauses);
  });

  it('moves between the case tabs with the arrow keys', async () => {
    await page.goto(caseUrl);
    await page.waitForSelector('textarea[name="summary"]');
    const panels = await page.$$eval('[role="tab"]', (tabs) =>
      tabs.map((t) => !!document.getElementById(t.getAttribute('aria-controls') ?? '')),
    );
    expect(panels.every(Boolean)).toBe(true);
    await page.focus('#tab-draft');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('button Comments');
    // Focus moves at once; the selection follows with the next render (the tab is kept in the URL).
    await page.waitForFunction(() => document.getElementById('tab-comments')?.getAttribute('aria-selected') === 'true');
    expect(await page.$eval('#tab-comments', (el) => (el as HTMLElement).tabIndex)).toBe(0);
    expect(await page.$eval('#tab-draft', (el) => (el as HTMLElement).tabIndex)).toBe(-1);
    await page.keyboard.press('End');
    expect(await focused(page)).toBe('button Evidence');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowLeft');
    expect(await focused(page)).toBe('button Evidence');
    await page.keyboard.press('ArrowLeft');
    expect(await focused(page)).toBe('button Timeline');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('tab') === 'timeline');
  });

  it('keeps focus in the tab panel when its failed load is tried again with Retry', async () => {
    const refuse = (request: HTTPRequest) =>
      request.method() === 'GET' && request.url().endsWith('/evidence') ? void request.abort('failed') : void request.continue();
    await page.setRequestInterception(true);
    page.on('request', refuse);
    let retry: ElementHandle | null = null;
    try {
      await page.goto(`${caseUrl}?tab=evidence`);
      retry = await page.waitForSelector('#panel-evidence ::-p-aria([name="Retry"][role="button"])', { visible: true });
    } finally {
      page.off('request', refuse);
      await page.setRequestInterception(false);
    }
    await retry!.click();
    await page.waitForSelector('#panel-evidence ::-p-text(Evidence checklist)');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('panel-evidence');
  });

  it('returns the comment box to "Staff only" after a shared comment, and shows shared and internal comments apart', async () => {
    await page.goto(`${caseUrl}?tab=comments`);
    await fill(page, 'Comment', 'Internal: check the carrier contract.');
    await click(page, 'Post comment');
    await page.waitForSelector('.comment.internal ::-p-text(Internal: check the carrier contract.)');
    await fill(page, 'Comment', 'We sent the revised plan for your review.');
    await page.click('input[name="visibility-new"][value="shared"]');
    await page.waitForSelector('::-p-text(The client will see this comment in the portal.)');
    await click(page, 'Post comment to the client');
    await page.waitForSelector('.comment.shared ::-p-text(We sent the revised plan for your review.)');
    expect(await page.$eval('input[name="visibility-new"][value="internal"]', (el) => (el as HTMLInputElement).checked)).toBe(true);
    expect(await page.$eval('.comment.shared .visibility-shared', (el) => el.textContent)).toBe('Shared with the client');
    expect(await page.$eval('.comment.internal .visibility-internal', (el) => el.textContent)).toBe('Internal · staff only');
    const [shared, internal] = await Promise.all(
      ['.comment.shared', '.comment.internal'].map((s) => page.$eval(s, (el) => getComputedStyle(el).backgroundColor)),
    );
    expect(shared).not.toBe(internal);
    await checkScreen(page, 'staff-comments', (p) => p.waitForSelector('.comment.shared'));
  });

  it('puts focus in the form on "Edit details" and back on the button after Cancel', async () => {
    await page.goto(caseUrl);
    await click(page, 'Edit details');
    await page.waitForFunction(() => document.activeElement?.closest('form[aria-label="Edit case details"]') !== null);
    expect(await focused(page)).toBe('input');
    await checkScreen(page, 'staff-edit-details', (p) => p.waitForSelector('form[aria-label="Edit case details"]'));
    await click(page, 'Cancel');
    await page.waitForFunction(() => document.activeElement?.textContent === 'Edit details');
    expect(await page.$(byLabel('Title'))).toBeNull();
  });
});

auditEveryVisitedPage();
