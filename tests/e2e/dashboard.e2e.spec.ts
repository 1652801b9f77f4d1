/// <reference lib="dom" />
/**
 * The staff dashboard in headless Chromium against the running product (API + built web on one port):
 * sign-up, client, case from a pasted notice, autosaved draft, review round trip with a second user,
 * client approval recorded on a contact's behalf, the PDF status, screenshots, editing a case's details,
 * the branding settings with their PDF preview, and webhooks (a receiver on 127.0.0.1; the e2e product runs with
 * WEBHOOK_ALLOW_LOOPBACK=true); the API docs. All of it under the app's Content-Security-Policy: not one violation.
 * The log-in page refuses to be framed by another site.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { confirmationLink } from './confirmation-link';
import { CspWatch } from './csp-watch';
import { downloadByClicking } from './download';
import { jsonApi } from './json-api';
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer-core';
import { requireEnv } from './e2e-env';
import { auditEveryVisitedPage, watchEveryPage } from './route-audit';

const baseUrl = requireEnv('E2E_BASE_URL').replace(/\/$/, '');
const chromiumPath = requireEnv('PUPPETEER_EXECUTABLE_PATH');
const artifactsDir = requireEnv('E2E_ARTIFACTS_DIR');
const databaseUrl = requireEnv('TEST_DATABASE_URL');
/** The tier runner starts a worker (which renders PDFs) and passes its pid. */
const workerRuns = Boolean(process.env.E2E_WORKER_PID);

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const writer = {
  agencyName: `Dashboard Agency ${run}`,
  name: 'Wendy Writer',
  email: `writer-${run}@e2e.test`,
  password: 'correct horse battery',
};
const reviewer = { name: 'Rita Reviewer', email: `reviewer-${run}@e2e.test`, password: 'another long password' };
const NOTICE = [
  'Hello,',
  'We have deactivated your selling privileges on Amazon.co.uk because customers reported that items you sold were inauthentic.',
  'ASIN: B0ABCDE123, B0XYZ98765',
  'Order ID: 202-1234567-1234567',
  'To reactivate, send a Plan of Action within 17 days.',
].join('\n');

jest.setTimeout(300_000);

let browser: Browser;
let writerContext: BrowserContext;
let reviewerContext: BrowserContext;
let writerPage: Page;
let reviewerPage: Page;
let caseUrl = '';
/** Bodies POSTed to the local webhook receiver. */
const hookBodies: string[] = [];
let hookServer: Server;
let hookUrl = '';
/** A 1x1 PNG. */
const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** A form control by its accessible name (its <label>). */
const byLabel = (label: string) => `::-p-aria([name="${label}"])`;
const button = (name: string) => `::-p-aria([name="${name}"][role="button"])`;

async function fill(page: Page, label: string, value: string): Promise<void> {
  const field = await page.waitForSelector(byLabel(label), { visible: true });
  await field!.click({ count: 3 });
  await field!.type(value);
}

async function click(page: Page, name: string): Promise<void> {
  const target = await page.waitForSelector(button(name), { visible: true });
  await target!.click();
}

/** Sets a value React sees (date inputs cannot be typed into portably). */
async function setNativeValue(page: Page, selector: string, value: string): Promise<void> {
  await page.$eval(
    selector,
    (element, next) => {
      const input = element as HTMLInputElement;
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      setter?.call(input, next);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    value,
  );
}

/** Empties a field (a new case's editor starts from its violation type's starter text) and types into it. */
async function replaceText(page: Page, selector: string, text: string): Promise<void> {
  await page.$eval(selector, (element) => {
    const field = element as HTMLTextAreaElement | HTMLInputElement;
    const prototype = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(field, '');
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.type(selector, text);
}

async function waitForStatus(page: Page, status: string): Promise<void> {
  try {
    await page.waitForSelector(`.page-header .status-${status}`, { timeout: 45_000 });
  } catch (error) {
    // Leave evidence of what the page showed instead.
    await page
      .screenshot({ path: path.join(artifactsDir, `dashboard-failed-waiting-for-${status}.png`), fullPage: true })
      .catch(() => undefined);
    throw error;
  }
}

/** Waits until the editor reports a saved version with nothing pending, and returns that version. */
async function waitForSaved(page: Page, atLeast: number): Promise<number> {
  const handle = await page.waitForFunction(
    (min) => {
      const state = document.querySelector('[data-saved-version]');
      const version = Number(state?.getAttribute('data-saved-version'));
      return version >= min ? version : false;
    },
    { timeout: 45_000 },
    atLeast,
  );
  return (await handle.jsonValue()) as number;
}

async function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const api = jsonApi(baseUrl);
const csp = new CspWatch();

beforeAll(async () => {
  mkdirSync(artifactsDir, { recursive: true });
  hookServer = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      hookBodies.push(body);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hookServer.address() as { port: number }).port}/hook`;
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
  writerContext = await browser.createBrowserContext();
  reviewerContext = await browser.createBrowserContext();
  writerPage = await csp.watch(await writerContext.newPage());
  reviewerPage = await csp.watch(await reviewerContext.newPage());
  for (const page of [writerPage, reviewerPage]) {
    await page.setViewport({ width: 1400, height: 1000 });
    page.setDefaultTimeout(30_000);
  }
});

afterEach(() => {
  expect(csp.violations.splice(0)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (hookServer ? hookServer.close(() => resolve()) : resolve()));
});

describe('staff dashboard', () => {
  it('signs up a new agency and lands on the cases list', async () => {
    await writerPage.goto(`${baseUrl}/signup`);
    await fill(writerPage, 'Agency name', writer.agencyName);
    await fill(writerPage, 'Your name', writer.name);
    await fill(writerPage, 'Email', writer.email);
    await fill(writerPage, 'Password', writer.password);
    await click(writerPage, 'Create account');
    await writerPage.waitForSelector('::-p-text(No cases yet.)');
    expect(new URL(writerPage.url()).pathname).toBe('/cases');
    const brand = await writerPage.$eval('.topbar-brand', (el) => el.textContent);
    expect(brand).toBe(writer.agencyName);
  });

  it('survives a reload through the refresh cookie', async () => {
    await writerPage.reload();
    await writerPage.waitForSelector('.topbar-brand');
    expect(new URL(writerPage.url()).pathname).toBe('/cases');
  });

  it('confirms the email address with the emailed link, after which the password logs in', async () => {
    await writerPage.goto(await confirmationLink(databaseUrl, writer.email));
    await writerPage.waitForSelector('::-p-text(Your email address is confirmed)');
    await writerPage.click('::-p-aria([name="Go to your cases"][role="link"])');
    await writerPage.waitForSelector('.topbar-brand');
    await api('POST', '/api/v1/auth/login', { email: writer.email, password: writer.password });
  });

  it('creates a client with a contact', async () => {
    await writerPage.goto(`${baseUrl}/clients`);
    await click(writerPage, 'New client');
    await fill(writerPage, 'Name', 'Acme Outdoor Ltd');
    await fill(writerPage, 'Seller id', 'A1B2C3D4E5');
    await click(writerPage, 'Create client');
    await writerPage.waitForFunction(() => /^\/clients\/[0-9a-f-]{36}$/.test(location.pathname));
    await fill(writerPage, 'Contact name', 'Carl Client');
    await fill(writerPage, 'Contact email', `carl-${run}@acme.test`);
    await click(writerPage, 'Add contact');
    await writerPage.waitForSelector('::-p-text(Carl Client)');
  });

  it('opens a case from a pasted notice, pre-filling ASINs, marketplace and violation type', async () => {
    const newCase = await writerPage.waitForSelector('::-p-aria([name="New case"][role="link"])');
    await newCase!.click();
    await writerPage.waitForFunction(() => location.pathname === '/cases/new');
    await writerPage.waitForFunction(() =>
      (document.querySelector('select[required]') as HTMLSelectElement | null)?.selectedOptions[0]?.textContent?.includes('Acme'),
    );
    const notice = await writerPage.waitForSelector(byLabel("Amazon's notice"));
    await notice!.click();
    await writerPage.keyboard.sendCharacter(NOTICE); // a paste: one input event
    await writerPage.waitForSelector('::-p-text(Found in the notice)');
    expect(await writerPage.$eval('input[name="asins"]', (el) => (el as HTMLInputElement).value)).toBe('B0ABCDE123, B0XYZ98765');
    const selects = await writerPage.$$eval('select', (list) => list.map((s) => (s as HTMLSelectElement).value));
    expect(selects).toEqual(expect.arrayContaining(['UK', 'product_authenticity']));
    await click(writerPage, 'Create case');
    await writerPage.waitForFunction(() => /^\/cases\/[0-9a-f-]{36}$/.test(location.pathname));
    caseUrl = writerPage.url();
    await writerPage.waitForSelector('::-p-text(B0ABCDE123, B0XYZ98765)');
    await writerPage.waitForSelector('.countdown');
    await waitForStatus(writerPage, 'intake');
  });

  it('edits the case details on the case page, showing a refused value next to its field', async () => {
    await writerPage.goto(caseUrl);
    await waitForStatus(writerPage, 'intake');
    await click(writerPage, 'Edit details');
    await fill(writerPage, 'ASINs', 'B0ABCDE123, B0BAD');
    await click(writerPage, 'Save details');
    await writerPage.waitForSelector('.field-error::-p-text("item 2: an ASIN is 10 letters or digits")');
    await fill(writerPage, 'ASINs', 'B0ABCDE123, B0XYZ98765');
    await fill(writerPage, 'Title', 'Inauthentic complaint (edited)');
    const patched = writerPage.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/v1/cases/'));
    await click(writerPage, 'Save details');
    expect((await patched).status()).toBe(200);
    await writerPage.waitForSelector('#case-title::-p-text("Inauthentic complaint (edited)")');
    await writerPage.reload();
    await writerPage.waitForSelector('#case-title::-p-text("Inauthentic complaint (edited)")');
    expect(await writerPage.$eval('[data-testid="case-asins"]', (el) => el.textContent)).toBe('B0ABCDE123, B0XYZ98765');
  });

  it('uploads evidence and lists it', async () => {
    // A 1x1 PNG: the API judges the type by content.
    const file = path.join(tmpdir(), `invoice-${run}.png`);
    writeFileSync(file, Buffer.from(PNG_1X1, 'base64'));
    await writerPage.goto(`${caseUrl}?tab=evidence`);
    // The general upload below the checklist (each checklist item has an upload of its own).
    const input = await writerPage.waitForSelector('#evidence-file');
    await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(file);
    await writerPage.click('form[aria-labelledby="upload-title"] button[type="submit"]');
    await writerPage.waitForSelector(`::-p-text(invoice-${run}.png uploaded)`);
    await writerPage.waitForSelector(`td::-p-text(invoice-${run}.png)`);
  });

  it('writes a structured draft that saves itself', async () => {
    await writerPage.goto(caseUrl);
    await click(writerPage, 'Start drafting');
    await waitForStatus(writerPage, 'drafting');
    await writerPage.waitForSelector('textarea[name="summary"]');
    // The editor starts from the violation type's starter text: two root causes, one action, one measure.
    await replaceText(
      writerPage,
      'textarea[name="summary"]',
      'We sold units of B0ABCDE123 and B0XYZ98765 sourced from an unverified wholesaler.',
    );
    await replaceText(
      writerPage,
      'textarea[name="rootCauses.0.text"]',
      'We bought stock from a wholesaler without checking it was authorised by the brand.',
    );
    await click(writerPage, 'Remove root cause 2');
    await replaceText(
      writerPage,
      'textarea[name="correctiveActions.0.text"]',
      'We removed every listing sourced from that wholesaler and returned the stock.',
    );
    await setNativeValue(writerPage, 'input[name="correctiveActions.0.completedAt"]', '2026-03-01');
    await replaceText(
      writerPage,
      'textarea[name="preventiveMeasures.0.text"]',
      'Every new supplier is verified against the brand registry before the first order.',
    );
    await writerPage.type('input[name="preventiveMeasures.0.owner"]', 'Head of purchasing');
    await setNativeValue(writerPage, 'input[name="preventiveMeasures.0.startDate"]', '2026-03-02');
    await writerPage.type('input[name="preventiveMeasures.0.frequency"]', 'every new supplier');
    await click(writerPage, '+ Add supporting document');
    await writerPage.type('input[name="supportingDocuments.0.description"]', 'Invoice from the authorised distributor');
    const version = await waitForSaved(writerPage, 1);
    // Everything typed made it into the saved version.
    await writerPage.reload();
    await writerPage.waitForSelector('textarea[name="preventiveMeasures.0.text"]');
    expect(await writerPage.$eval('input[name="preventiveMeasures.0.frequency"]', (el) => (el as HTMLInputElement).value)).toBe(
      'every new supplier',
    );
    expect(await writerPage.$eval('input[name="correctiveActions.0.completedAt"]', (el) => (el as HTMLInputElement).value)).toBe(
      '2026-03-01',
    );
    const cited = await writerPage.$eval(
      'select[name="supportingDocuments.0.attachmentId"]',
      (el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent,
    );
    expect(cited).toBe(`invoice-${run}.png`);
    expect(version).toBeGreaterThanOrEqual(1);
  });

  it('submits the draft for internal review', async () => {
    await click(writerPage, 'Submit for internal review');
    await waitForStatus(writerPage, 'internal_review');
    // Read-only while in review.
    expect(await writerPage.$eval('textarea[name="summary"]', (el) => (el as HTMLTextAreaElement).closest('fieldset')?.disabled)).toBe(
      true,
    );
  });

  it('lets an invited reviewer request changes with a comment', async () => {
    const session = await api<{ accessToken: string }>('POST', '/api/v1/auth/login', { email: writer.email, password: writer.password });
    const invite = await api<{ inviteToken: string }>(
      'POST',
      '/api/v1/users',
      { email: reviewer.email, name: reviewer.name, role: 'reviewer' },
      session.accessToken,
    );
    await reviewerPage.goto(`${baseUrl}/accept-invite?token=${encodeURIComponent(invite.inviteToken)}`);
    await fill(reviewerPage, 'Password', reviewer.password);
    await fill(reviewerPage, 'Repeat password', reviewer.password);
    await click(reviewerPage, 'Join the agency');
    await reviewerPage.waitForFunction(() => location.pathname === '/cases');
    await reviewerPage.waitForSelector('::-p-text(Acme Outdoor Ltd)');

    await reviewerPage.goto(caseUrl);
    await waitForStatus(reviewerPage, 'internal_review');
    await click(reviewerPage, 'Request changes');
    await fill(reviewerPage, 'Comment (required)', 'Name the wholesaler and attach the supplier invoices.');
    await click(reviewerPage, 'Confirm: Request changes');
    await waitForStatus(reviewerPage, 'drafting');
  });

  it('shows the reviewer comment to the writer, who saves v2 and submits again', async () => {
    await writerPage.goto(`${caseUrl}?tab=comments`);
    await writerPage.waitForSelector('::-p-text(Name the wholesaler and attach the supplier invoices.)');
    await writerPage.goto(caseUrl);
    await waitForStatus(writerPage, 'drafting');
    await writerPage.waitForSelector('textarea[name="rootCauses.0.text"]');
    await writerPage.focus('textarea[name="rootCauses.0.text"]');
    await writerPage.keyboard.press('End');
    await writerPage.type('textarea[name="rootCauses.0.text"]', ' The wholesaler was Northwind Trading.');
    expect(await waitForSaved(writerPage, 2)).toBeGreaterThanOrEqual(2);
    await writerPage.goto(`${caseUrl}?tab=history`);
    await writerPage.waitForSelector('ins.diff-added');
    const added = await writerPage.$$eval('ins.diff-added', (list) => list.map((el) => el.textContent).join(' '));
    expect(added).toContain('Northwind');
    await click(writerPage, 'Submit for internal review');
    await waitForStatus(writerPage, 'internal_review');
  });

  it('approves internally and records the client approval on the contact’s behalf', async () => {
    await reviewerPage.goto(caseUrl);
    await waitForStatus(reviewerPage, 'internal_review');
    await click(reviewerPage, 'Approve and send to client…');
    await reviewerPage.waitForSelector('dialog[open]');
    await click(reviewerPage, 'Send to 1 contact');
    await reviewerPage.waitForSelector('::-p-text(We e-mailed a link that opens the case to)');
    await click(reviewerPage, 'Done');
    await waitForStatus(reviewerPage, 'client_review');
    await click(reviewerPage, 'More actions');
    await click(reviewerPage, 'Record the client’s approval…');
    const contact = await reviewerPage.waitForSelector(byLabel('Contact who approved'));
    await reviewerPage.waitForFunction(() =>
      [...document.querySelectorAll('option')].some((o) => o.textContent?.startsWith('Carl Client')),
    );
    const contactId = await reviewerPage.$$eval(
      'option',
      (list) => list.find((o) => o.textContent?.startsWith('Carl Client'))?.getAttribute('value') ?? '',
    );
    await contact!.select(contactId);
    await fill(reviewerPage, 'Full name as they typed it', 'Carl Client');
    await fill(reviewerPage, 'How it arrived (required)', 'Email of today');
    await click(reviewerPage, 'Confirm: Client approves');
    await waitForStatus(reviewerPage, 'approved');
    expect(await reviewerPage.$eval('[data-testid="approval-full-name"]', (el) => el.textContent)).toBe('Carl Client');
    await reviewerPage.waitForSelector('::-p-text(on the client)');
  });

  it('shows the PDF render status, and the PDF once the worker has rendered it', async () => {
    const status = await reviewerPage.waitForSelector('[data-pdf-status]');
    expect(['queued', 'rendering', 'ready', 'failed']).toContain(await status!.evaluate((el) => el.getAttribute('data-pdf-status')));
    if (!workerRuns) return;
    await reviewerPage.waitForSelector('[data-pdf-status="ready"]', { timeout: 60_000 });
    await click(reviewerPage, 'Get the PDF');
    const link = await reviewerPage.waitForSelector('[data-testid="pdf-download"]');
    const file = await downloadByClicking(reviewerPage, link!, artifactsDir, 'dashboard-download-');
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('shows both sides of a version conflict and re-saves the writer’s text on top', async () => {
    const { accessToken } = await api<{ accessToken: string }>('POST', '/api/v1/auth/login', {
      email: writer.email,
      password: writer.password,
    });
    const clients = await api<{ data: { id: string }[] }>('GET', '/api/v1/clients', undefined, accessToken);
    const created = await api<{ id: string }>(
      'POST',
      '/api/v1/cases',
      {
        clientId: clients.data[0].id,
        title: 'Conflict case',
        violationType: 'listing_policy',
        marketplace: 'US',
        noticeReceivedAt: new Date().toISOString(),
      },
      accessToken,
    );
    await api('POST', `/api/v1/cases/${created.id}/transitions`, { action: 'start_drafting' }, accessToken);
    await writerPage.goto(`${baseUrl}/cases/${created.id}`);
    await waitForStatus(writerPage, 'drafting');
    await writerPage.waitForSelector('textarea[name="summary"]');
    await replaceText(writerPage, 'textarea[name="summary"]', 'Mine: the listing used a wrong category.');
    await waitForSaved(writerPage, 1);
    // A colleague saves version 2 behind the editor's back.
    await api(
      'POST',
      `/api/v1/cases/${created.id}/drafts`,
      { baseVersion: 1, summary: 'Theirs: keyword stuffing in the title.' },
      accessToken,
    );
    await writerPage.type('textarea[name="summary"]', ' Fixed on 2 March.');
    await writerPage.waitForSelector('::-p-text(Version 2 was saved while you were editing)');
    await writerPage.waitForSelector('::-p-text(Theirs: keyword stuffing in the title.)');
    await click(writerPage, 'Keep mine (save on top of v2)');
    expect(await waitForSaved(writerPage, 3)).toBe(3);
    const saved = await api<{ summary: string }>('GET', `/api/v1/cases/${created.id}/drafts/3`, undefined, accessToken);
    expect(saved.summary).toBe('Mine: the listing used a wrong category. Fixed on 2 March.');
  });

  it('shows a viewer the case without any edit buttons', async () => {
    const session = await api<{ accessToken: string }>('POST', '/api/v1/auth/login', { email: writer.email, password: writer.password });
    const viewer = { email: `viewer-${run}@e2e.test`, password: 'viewer long password' };
    const invite = await api<{ inviteToken: string }>(
      'POST',
      '/api/v1/users',
      { email: viewer.email, name: 'Vic Viewer', role: 'viewer' },
      session.accessToken,
    );
    await api('POST', '/api/v1/auth/accept-invite', { token: invite.inviteToken, password: viewer.password });
    const link = new URL(await confirmationLink(databaseUrl, viewer.email));
    const confirmed = await fetch(`${baseUrl}/api/v1/auth/confirm-email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: link.searchParams.get('token') }),
    });
    expect(confirmed.status).toBe(204);
    const context = await browser.createBrowserContext();
    try {
      const page = await csp.watch(await context.newPage());
      await page.goto(`${baseUrl}/login`);
      await fill(page, 'Email', viewer.email);
      await fill(page, 'Password', viewer.password);
      await click(page, 'Log in');
      await page.waitForSelector('table[aria-label="Cases"] tbody tr');
      expect(await page.$('::-p-aria([name="New case"][role="link"])')).toBeNull();
      await page.goto(caseUrl);
      await page.waitForSelector('textarea[name="summary"]');
      await page.waitForSelector('::-p-text(Viewers follow the case)');
      expect(await page.$('[aria-label="Workflow actions"]')).toBeNull();
      expect(await page.$('::-p-text(+ Add root cause)')).toBeNull();
      expect(await page.$eval('textarea[name="summary"]', (el) => (el as HTMLTextAreaElement).closest('fieldset')?.disabled)).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('saves screenshots of the case list, the board and the case page', async () => {
    await writerPage.goto(`${baseUrl}/cases`);
    await writerPage.waitForSelector('table[aria-label="Cases"] tbody tr');
    await writerPage.screenshot({ path: path.join(artifactsDir, 'dashboard-case-list.png'), fullPage: true });
    await writerPage.goto(`${baseUrl}/cases?view=board`);
    await writerPage.waitForSelector('.board-card');
    await writerPage.screenshot({ path: path.join(artifactsDir, 'dashboard-case-board.png'), fullPage: true });
    await writerPage.goto(caseUrl);
    await waitForStatus(writerPage, 'approved');
    await writerPage.waitForSelector('textarea[name="summary"]');
    await writerPage.screenshot({ path: path.join(artifactsDir, 'dashboard-case-page.png'), fullPage: true });
  });

  it('invites a team member and manages API keys in the settings', async () => {
    await writerPage.goto(`${baseUrl}/settings`);
    await fill(writerPage, 'Name', 'Walt Writer');
    await fill(writerPage, 'Email', `walt-${run}@e2e.test`);
    await click(writerPage, 'Send invitation');
    const link = await writerPage.waitForSelector(byLabel('Invitation link'));
    expect(await link!.evaluate((el) => (el as HTMLInputElement).value)).toMatch(/\/accept-invite\?token=/);
    await writerPage.waitForSelector('::-p-text(walt-)');
    const role = await writerPage.waitForSelector(byLabel('Role of Walt Writer'));
    const patched = writerPage.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/v1/users/'));
    await role!.select('reviewer');
    expect((await patched).status()).toBe(200);
    await writerPage.reload();
    const reloaded = await writerPage.waitForSelector(byLabel('Role of Walt Writer'));
    expect(await reloaded!.evaluate((el) => (el as HTMLSelectElement).value)).toBe('reviewer');

    await writerPage.goto(`${baseUrl}/settings/api-keys`);
    await fill(writerPage, 'Name', 'CRM sync');
    await click(writerPage, 'Create key');
    const key = await writerPage.waitForSelector(byLabel('API key "CRM sync"'));
    expect(await key!.evaluate((el) => (el as HTMLInputElement).value)).toMatch(/^poa_/);
    writerPage.once('dialog', (dialog) => void dialog.accept());
    await click(writerPage, 'Revoke');
    await writerPage.waitForSelector('td ::-p-text(revoked)');
  });

  it('edits the branding: refused values shown at the field, then colour, paper size and logo saved into the PDF preview', async () => {
    await writerPage.goto(`${baseUrl}/settings/branding`);
    const frame = await writerPage.waitForSelector('iframe[data-testid="branding-preview"]');
    expect(await frame!.evaluate((el) => el.getAttribute('sandbox'))).toBe('allow-same-origin');
    await fill(writerPage, 'Primary colour code', '#12');
    await click(writerPage, 'Save branding');
    await writerPage.waitForSelector('.field-error::-p-text("must be a #rrggbb colour")');

    await fill(writerPage, 'Agency name', `${writer.agencyName} Ltd`);
    await fill(writerPage, 'Primary colour code', '#AA3300');
    await writerPage.click('input[name="paper-size"][value="Letter"]');
    const logo = path.join(tmpdir(), `logo-${run}.png`);
    writeFileSync(logo, Buffer.from(PNG_1X1, 'base64'));
    const input = await writerPage.waitForSelector('input[type="file"]');
    await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(logo);
    await writerPage.waitForSelector('img[alt="Logo preview"]');
    const saved = writerPage.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().endsWith('/api/v1/tenant'));
    await click(writerPage, 'Save branding');
    expect((await saved).status()).toBe(200);
    await writerPage.waitForSelector('::-p-text(Branding saved.)');

    // The preview is fetched again with the saved branding; the top bar follows the new name.
    await writerPage.waitForFunction(() =>
      (document.querySelector('iframe[data-testid="branding-preview"]')?.getAttribute('srcdoc') ?? '').includes('#aa3300'),
    );
    const srcdoc = await writerPage.$eval('iframe[data-testid="branding-preview"]', (el) => el.getAttribute('srcdoc') ?? '');
    expect(srcdoc).toContain(`data:image/png;base64,${PNG_1X1}`);
    await writerPage.waitForFunction(
      (name) => document.querySelector('.topbar-brand')?.textContent === name,
      {},
      `${writer.agencyName} Ltd`,
    );

    const { accessToken } = await api<{ accessToken: string }>('POST', '/api/v1/auth/login', {
      email: writer.email,
      password: writer.password,
    });
    const tenant = await api<{ name: string; branding: { primaryColor: string; paperSize: string; logoDataUri: string | null } }>(
      'GET',
      '/api/v1/tenant',
      undefined,
      accessToken,
    );
    expect(tenant.name).toBe(`${writer.agencyName} Ltd`);
    expect(tenant.branding.primaryColor.toLowerCase()).toBe('#aa3300');
    expect(tenant.branding.paperSize).toBe('Letter');
    expect(tenant.branding.logoDataUri).toBe(`data:image/png;base64,${PNG_1X1}`);
    await writerPage.reload();
    await writerPage.waitForSelector('input[name="paper-size"][value="Letter"]:checked');
    await writerPage.screenshot({ path: path.join(artifactsDir, 'dashboard-branding.png'), fullPage: true });
  });

  it('refuses a private webhook target, adds one to a local receiver with its secret shown once, and lists its deliveries', async () => {
    await writerPage.goto(`${baseUrl}/settings/webhooks`);
    await fill(writerPage, 'Endpoint URL', 'http://10.0.0.1/hook');
    await click(writerPage, 'Add webhook');
    await writerPage.waitForSelector('.field-error::-p-text("10.0.0.1 is a private, link-local or reserved address")');
    expect(await writerPage.$(byLabel('Signing secret'))).toBeNull();

    await fill(writerPage, 'Endpoint URL', hookUrl);
    await click(writerPage, 'Add webhook');
    const secret = await writerPage.waitForSelector(byLabel('Signing secret'));
    expect(await secret!.evaluate((el) => (el as HTMLInputElement).value)).toMatch(/^whsec_/);
    await writerPage.waitForSelector(`table[aria-label="Webhooks"] td::-p-text("${hookUrl}")`);
    await writerPage.reload();
    await writerPage.waitForSelector(`table[aria-label="Webhooks"] td::-p-text("${hookUrl}")`);
    expect(await writerPage.$(byLabel('Signing secret'))).toBeNull();

    // A case.created event reaches the receiver; its delivery is in the log, and can be sent again.
    const { accessToken } = await api<{ accessToken: string }>('POST', '/api/v1/auth/login', {
      email: writer.email,
      password: writer.password,
    });
    const clients = await api<{ data: { id: string }[] }>('GET', '/api/v1/clients', undefined, accessToken);
    await api(
      'POST',
      '/api/v1/cases',
      {
        clientId: clients.data[0].id,
        title: 'Webhook case',
        violationType: 'listing_policy',
        marketplace: 'US',
        noticeReceivedAt: new Date().toISOString(),
      },
      accessToken,
    );
    await waitUntil(() => hookBodies.some((b) => b.includes('"case.created"')), 30_000, 'the case.created delivery');
    await (await writerPage.waitForSelector(`::-p-aria([name="Deliveries of ${hookUrl}"][role="link"])`))!.click();
    await writerPage.waitForFunction(() => /^\/settings\/webhooks\/[0-9a-f-]{36}$/.test(location.pathname));
    await writerPage.waitForSelector('tr[data-delivery-status="succeeded"] ::-p-text(case.created)', { timeout: 30_000 });
    const before = hookBodies.length;
    await click(writerPage, 'Redeliver');
    await waitUntil(() => hookBodies.length > before, 30_000, 'the redelivery');
    await writerPage.waitForSelector('ol[aria-label="2 attempts"]', { timeout: 30_000 });
  });

  // Before the log-out, so that each screen is checked as its signed-in user saw it.
  auditEveryVisitedPage();

  it('logs out, and the refresh cookie no longer signs in', async () => {
    await writerPage.click('.account-menu > button');
    await (await writerPage.waitForSelector('::-p-aria([name="Log out"][role="menuitem"])'))!.click();
    await writerPage.waitForFunction(() => location.pathname === '/login');
    await writerPage.goto(`${baseUrl}/cases`);
    await writerPage.waitForFunction(() => location.pathname === '/login');
  });
});

describe('browser security', () => {
  it('renders the API docs (Swagger UI) under their own policy, and tries an operation', async () => {
    const page = await csp.watch(await writerContext.newPage());
    try {
      await page.goto(`${baseUrl}/api/docs`);
      await page.waitForSelector('.swagger-ui .opblock');
      expect(await page.$eval('.swagger-ui .info .title', (el) => el.textContent)).toContain('POA Desk API');
      await page.click('.swagger-ui .opblock-summary');
      await (await page.waitForSelector('.swagger-ui .try-out__btn'))!.click();
      await (await page.waitForSelector('.swagger-ui .btn.execute'))!.click();
      await page.waitForSelector('.swagger-ui .live-responses-table');
    } finally {
      await page.close();
    }
  });

  it('refuses to show the log-in page inside a frame of another site (clickjacking)', async () => {
    const framer = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        `<!doctype html><title>Another site</title><iframe src="${baseUrl}/login" onload="document.title = 'frame loaded'"></iframe>`,
      );
    });
    await new Promise<void>((resolve) => framer.listen(0, '127.0.0.1', resolve));
    // Not watched: the refusal is itself reported as a policy violation.
    const page = await writerContext.newPage();
    try {
      const refused = new Promise<string>((resolve) =>
        page.on('console', (message) => message.text().includes('frame-ancestors') && resolve(message.text())),
      );
      // localhost and 127.0.0.1 are different sites.
      await page.goto(`http://localhost:${(framer.address() as { port: number }).port}/`);
      await page.waitForFunction(() => document.title === 'frame loaded');
      const frame = page.frames().find((f) => f !== page.mainFrame())!;
      await expect(frame.waitForSelector('input[type="password"]', { timeout: 3_000 })).rejects.toThrow();
      const reported = await Promise.race([
        refused,
        new Promise<string>((resolve) => setTimeout(() => resolve('no refusal reported'), 2_000)),
      ]);
      expect(reported).toContain("frame-ancestors 'none'");
    } finally {
      await page.close();
      await new Promise<void>((resolve) => framer.close(() => resolve()));
    }
  });
});

auditEveryVisitedPage();
