/// <reference lib="dom" />
/**
 * Settings pages an admin checks before trusting the product, in headless Chromium against the running product:
 * the branding page's PDF preview (the PDF's bundled fonts, loaded from this origin; following the form before it is
 * saved) and a webhook endpoint's "Send test event" (a signed webhook.test reaching a receiver on 127.0.0.1, the e2e
 * product runs with WEBHOOK_ALLOW_LOOPBACK=true) with its delivery log as cards on a phone, each screen checked at
 * 1440 and 375 px (axe-core, no sideways scrolling, screenshots in test-artifacts/).
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import {
  api,
  baseUrl,
  button,
  checkScreen,
  click,
  csp,
  fill,
  launchBrowser,
  newStaffPage,
  PHONE,
  replaceText,
  signUpInBrowser,
  WIDE,
  type Agency,
} from './staff-browser';
import { auditEveryVisitedPage } from './route-audit';

jest.setTimeout(240_000);

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
let browser: Browser;
let page: Page;
let owner: Agency;
const requests: string[] = [];

interface Received {
  headers: IncomingHttpHeaders;
  rawBody: string;
}
const received: Received[] = [];
let receiver: Server;
let receiverUrl: string;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, rawBody: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hooks/poa`;
  browser = await launchBrowser();
  page = await newStaffPage(browser);
  page.on('request', (request: HTTPRequest) => requests.push(request.url()));
  owner = await signUpInBrowser(page, `Settings Agency ${run}`, 'Sam Settings');
});

afterEach(() => {
  expect(csp.violations.splice(0)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
});

/**
 * Waits until the preview's document (same origin as the app, read from the page: no script runs inside it) has
 * `selector`. Puppeteer's own frame helpers wait for a script context the sandbox never gives.
 */
async function previewHas(selector: string): Promise<void> {
  await page.waitForFunction(
    (sel) => !!document.querySelector<HTMLIFrameElement>('iframe[data-testid="branding-preview"]')?.contentDocument?.querySelector(sel),
    { timeout: 20_000 },
    selector,
  );
}

async function previewHtml(): Promise<string> {
  return page.$eval('iframe[data-testid="branding-preview"]', (el) => el.getAttribute('srcdoc') ?? '');
}

describe('branding preview', () => {
  it('lays the sample plan out in the PDF’s own fonts, from this origin, with no font host that does not exist', async () => {
    requests.length = 0;
    await page.goto(`${baseUrl}/settings/branding`);
    // The PDF's faces finish loading in the preview's document.
    await page.waitForFunction(
      () => {
        const doc = document.querySelector<HTMLIFrameElement>('iframe[data-testid="branding-preview"]')?.contentDocument;
        return !!doc?.querySelector('.agency-name') && doc.fonts.status === 'loaded' && doc.fonts.check('700 14pt "Noto Sans"', 'Agency');
      },
      { timeout: 20_000 },
    );
    const fonts = await page.evaluate(() => {
      const doc = document.querySelector<HTMLIFrameElement>('iframe[data-testid="branding-preview"]')!.contentDocument!;
      const asin = doc.querySelector('.asins');
      const loaded = Array.from(doc.fonts as unknown as Iterable<FontFace>)
        .filter((face) => face.status === 'loaded')
        .map((face) => `${face.family.replace(/["']/g, '')} ${face.weight}`);
      return {
        body: getComputedStyle(doc.body).fontFamily,
        mono: asin ? getComputedStyle(asin).fontFamily : null,
        loaded,
        sans: doc.fonts.check('9.5pt "Noto Sans"', 'Plan of Action 0123456789'),
      };
    });
    expect(fonts.body).toMatch(/^["']?Noto Sans["']?,/);
    expect(fonts.mono).toMatch(/^["']?Noto Sans Mono["']?,/);
    expect(fonts.loaded).toEqual(expect.arrayContaining(['Noto Sans 400', 'Noto Sans 700', 'Noto Sans Mono 400']));
    expect(fonts.sans).toBe(true);
    // Every font file came from the app itself; nothing went to the renderer's placeholder host.
    const fontRequests = requests.filter((url) => /\.woff2(\?|$)/.test(url));
    expect(fontRequests.length).toBeGreaterThan(0);
    expect(fontRequests.every((url) => url.startsWith(`${baseUrl}/`))).toBe(true);
    expect(requests.filter((url) => url.includes('.invalid'))).toEqual([]);
    expect(await previewHtml()).not.toContain('.invalid');
    expect(
      await page.$eval('iframe[data-testid="branding-preview"]', (el) => [el.getAttribute('title'), el.getAttribute('sandbox')]),
    ).toEqual(['PDF layout preview', 'allow-same-origin']);
    await checkScreen(page, 'staff-branding', async (p) => {
      await p.waitForSelector('iframe[data-testid="branding-preview"]');
    });
  });

  it('follows colour, letterhead, paper size and name while editing, before anything is saved', async () => {
    await page.goto(`${baseUrl}/settings/branding`);
    await previewHas('.agency-name');
    let patches = 0;
    const countPatch = (request: HTTPRequest) => {
      if (request.method() === 'PATCH' && request.url().endsWith('/api/v1/tenant')) patches++;
    };
    page.on('request', countPatch);

    await fill(page, 'Primary colour code', '#0B6E4F');
    await fill(page, 'Letterhead', '1 Harbour Street, Leeds');
    await page.click('input[name="paper-size"][value="Letter"]');
    await fill(page, 'Agency name', `Harbour Plans ${run}`);
    const srcdocIncludes = (text: string) =>
      page
        .waitForFunction(
          (expected) =>
            (document.querySelector('iframe[data-testid="branding-preview"]')?.getAttribute('srcdoc') ?? '')
              .toLowerCase()
              .includes(expected),
          { timeout: 20_000 },
          text.toLowerCase(),
        )
        .catch(async (error: Error) => {
          const shown = (await previewHtml()).replace(/<style[\s\S]*?<\/style>/g, '').slice(0, 600);
          throw new Error(`the preview never showed "${text}" (${error.message}); it shows: ${shown}`);
        });
    for (const text of ['#0b6e4f', '1 Harbour Street, Leeds', 'width: 8.5in', `Harbour Plans ${run}`]) await srcdocIncludes(text);
    await previewHas('.letterhead-text');
    const shown = await page.evaluate(() => {
      const doc = document.querySelector<HTMLIFrameElement>('iframe[data-testid="branding-preview"]')!.contentDocument!;
      return {
        name: doc.querySelector('.agency-name')?.textContent,
        colour: getComputedStyle(doc.querySelector('.agency-name')!).color,
        letterhead: doc.querySelector('.letterhead-text')?.textContent,
        sheetWidth: Math.round(doc.body.getBoundingClientRect().width),
      };
    });
    expect(shown).toEqual({
      name: `Harbour Plans ${run}`,
      colour: 'rgb(11, 110, 79)',
      letterhead: '1 Harbour Street, Leeds',
      sheetWidth: 816, // 8.5 in at 96 px per inch
    });
    // A half-typed colour keeps the preview on a valid one instead of blanking it.
    await fill(page, 'Primary colour code', '#12');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await page.$('iframe[data-testid="branding-preview"]')).not.toBeNull();
    page.off('request', countPatch);
    expect(patches).toBe(0);
    const saved = await api<{ name: string; branding: { paperSize: string; letterhead: string | null } }>(
      'GET',
      '/api/v1/tenant',
      undefined,
      owner.token,
    );
    expect(saved).toMatchObject({ name: `Settings Agency ${run}`, branding: { paperSize: 'A4', letterhead: null } });
    await fill(page, 'Primary colour code', '#0B6E4F');
    await checkScreen(page, 'staff-branding-editing', (p) =>
      p.waitForFunction(() =>
        (document.querySelector('iframe[data-testid="branding-preview"]')?.getAttribute('srcdoc') ?? '').toLowerCase().includes('#0b6e4f'),
      ),
    );
  });
});

describe('webhooks: send test event', () => {
  it('says when loopback targets are refused, and sends a signed webhook.test whose result shows on the page', async () => {
    await page.goto(`${baseUrl}/settings/webhooks`);
    const help = await page.waitForSelector('form[aria-labelledby="new-webhook-title"] p.muted');
    const helpText = await help!.evaluate((el) => el.textContent ?? '');
    expect(helpText).toMatch(/Loopback addresses .* are refused in production/);
    expect(helpText).toContain('WEBHOOK_ALLOW_LOOPBACK=true');
    await checkScreen(page, 'staff-webhooks-empty', (p) => p.waitForSelector('form[aria-labelledby="new-webhook-title"]'));

    await fill(page, 'Endpoint URL', receiverUrl);
    const created = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/webhooks'));
    await click(page, 'Add webhook');
    const { secret } = (await (await created).json()) as { secret: string };
    await page.waitForSelector(`::-p-aria([name="Deliveries of ${receiverUrl}"])`);
    await (await page.waitForSelector(`::-p-aria([name="Deliveries of ${receiverUrl}"])`))!.click();
    await page.waitForSelector('h2#deliveries-title');
    await page.waitForSelector(button('Send test event'));

    await click(page, 'Send test event');
    await page.waitForFunction(
      () =>
        /^Test event delivered: HTTP 200 in \d+ ms\.$/.test(document.querySelector('[data-testid="test-event-result"]')?.textContent ?? ''),
      { timeout: 30_000 },
    );
    expect(received).toHaveLength(1);
    const [request] = received;
    const body = JSON.parse(request.rawBody) as { type: string; data: { webhook: { url: string } } };
    expect(body.type).toBe('webhook.test');
    expect(body.data.webhook.url).toBe(receiverUrl);
    expect(request.headers['x-poadesk-event']).toBe('webhook.test');
    const [t, v1] = String(request.headers['x-poadesk-signature'])
      .split(',')
      .map((part) => part.split('=')[1]);
    expect(v1).toBe(createHmac('sha256', secret).update(`${t}.${request.rawBody}`).digest('hex'));
    // The delivery is in the endpoint's log, with its one successful attempt.
    await page.waitForSelector('tr[data-delivery-status="succeeded"] ::-p-text(webhook.test)');
    await checkScreen(page, 'staff-webhook-test-event', (p) => p.waitForSelector('tr[data-delivery-status="succeeded"]'));
  });

  it('shows the deliveries as cards on a 375 px phone, with nothing scrolling sideways inside the page', async () => {
    await page.setViewport(PHONE);
    try {
      const row = await page.waitForSelector('tr[data-delivery-status="succeeded"]', { visible: true });
      const layout = await row!.evaluate((tr) => {
        const table = tr.closest('table')!;
        const scrollers: string[] = [];
        for (let el: HTMLElement | null = table; el && el !== document.body; el = el.parentElement) {
          if (el.scrollWidth > el.clientWidth + 1) scrollers.push(`${el.tagName.toLowerCase()}.${el.className}`);
        }
        const cells = [...tr.querySelectorAll('td')];
        return {
          row: getComputedStyle(tr).display,
          // The label each cell shows before its value (its column's name), none for the actions.
          labels: cells.map((td) => (getComputedStyle(td, '::before').content === 'none' ? null : (td.dataset.label ?? '?'))),
          rowFits: tr.getBoundingClientRect().right <= window.innerWidth,
          scrollers,
        };
      });
      expect(layout).toEqual({
        row: 'block',
        labels: ['Time', 'Event', 'Status', 'Attempts', null],
        rowFits: true,
        scrollers: [],
      });
    } finally {
      await page.setViewport(WIDE);
    }
  });
});

describe('checker and Seller Central settings', () => {
  /** Saves the form with `save` and waits for its PUT; returns the answer's status. */
  async function saveWith(save: string, path: string): Promise<number> {
    const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith(path));
    await click(page, save);
    return (await saved).status();
  }

  it('saves a severity and the longest plan, and names a plan limit that is too short', async () => {
    await page.goto(`${baseUrl}/settings/checker`);
    await page.waitForSelector('select[name="rules.not_past_tense"]');
    await page.select('select[name="rules.not_past_tense"]', 'off');
    await fill(page, 'Longest plan, in characters', '100');
    expect(await saveWith('Save checker settings', '/api/v1/settings/checker')).toBe(400);
    await page.waitForSelector('::-p-text(must be at least 500 characters)');
    expect(await page.$eval('input[name="maxLength"]', (el) => el.getAttribute('aria-invalid'))).toBe('true');

    await fill(page, 'Longest plan, in characters', '9000');
    expect(await saveWith('Save checker settings', '/api/v1/settings/checker')).toBe(200);
    await page.waitForSelector('[role="status"]::-p-text(Saved.)');
    const saved = await api<{ rules: Record<string, string>; maxLength: number | null }>(
      'GET',
      '/api/v1/settings/checker',
      undefined,
      owner.token,
    );
    expect([saved.rules.not_past_tense, saved.maxLength]).toEqual(['off', 9000]);

    await page.reload();
    await page.waitForSelector('select[name="rules.not_past_tense"]');
    expect(await page.$eval('select[name="rules.not_past_tense"]', (el) => (el as HTMLSelectElement).value)).toBe('off');
    expect(await page.$eval('input[name="maxLength"]', (el) => (el as HTMLInputElement).value)).toBe('9000');
  });

  it('saves the field limits, an empty box as no limit, and names a limit that is not a number', async () => {
    await page.goto(`${baseUrl}/settings/seller-central`);
    await fill(page, 'Root cause', 'lots');
    expect(await saveWith('Save limits', '/api/v1/settings/submission')).toBe(400);
    await page.waitForSelector('::-p-text(must be a whole number of characters, or null)');
    expect(await page.$eval('input[name="limits.root_cause"]', (el) => el.getAttribute('aria-invalid'))).toBe('true');

    await fill(page, 'Root cause', '1500');
    await fill(page, 'Corrective actions taken', '2500');
    await replaceText(page, 'input[name="limits.additional_information"]', '');
    expect(await saveWith('Save limits', '/api/v1/settings/submission')).toBe(200);
    await page.waitForSelector('[role="status"]::-p-text(Saved.)');
    const saved = await api<{ limits: Record<string, number | null> }>('GET', '/api/v1/settings/submission', undefined, owner.token);
    expect(saved.limits).toMatchObject({ root_cause: 1500, corrective_actions: 2500, additional_information: null });

    await page.reload();
    await page.waitForSelector('input[name="limits.root_cause"]');
    expect(await page.$eval('input[name="limits.root_cause"]', (el) => (el as HTMLInputElement).value)).toBe('1500');
    expect(await page.$eval('input[name="limits.additional_information"]', (el) => (el as HTMLInputElement).value)).toBe('');
  });
});

auditEveryVisitedPage();
