/// <reference lib="dom" />
/**
 * What the staff browser suites share: a headless Chromium, an agency signed up in the browser (with an API token for
 * set-up steps), controls found by their accessible names, and a check of a screen at 1440 and 375 px wide: a
 * screenshot of each, no horizontal scrolling at 375 px, and zero axe-core violations at both widths.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { expectNoAxeViolations } from './axe';
import { confirmationLink } from './confirmation-link';
import { CspWatch } from './csp-watch';
import { jsonApi } from './json-api';
import { watchEveryPage } from './route-audit';
import { requireEnv } from './e2e-env';
import { PHONE, WIDE } from './viewports';

export const baseUrl = requireEnv('E2E_BASE_URL').replace(/\/$/, '');
export const artifactsDir = requireEnv('E2E_ARTIFACTS_DIR');
const chromiumPath = requireEnv('PUPPETEER_EXECUTABLE_PATH');
const databaseUrl = requireEnv('TEST_DATABASE_URL');
export const api = jsonApi(baseUrl);
export const csp = new CspWatch();

export { PHONE, WIDE } from './viewports';

/** A headless Chromium whose every page is followed for the audit of visited screens (route-audit.ts). */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(artifactsDir, { recursive: true });
  const browser = await puppeteer.launch({
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
  return browser;
}

export async function newStaffPage(browser: Browser): Promise<Page> {
  const page = await csp.watch(await (await browser.createBrowserContext()).newPage());
  await page.setViewport(WIDE);
  page.setDefaultTimeout(30_000);
  return page;
}

/** A form control by its accessible name. */
export const byLabel = (label: string) => `::-p-aria([name="${label}"])`;
export const button = (name: string) => `::-p-aria([name="${name}"][role="button"])`;

export async function click(page: Page, name: string): Promise<void> {
  const target = await page.waitForSelector(button(name), { visible: true });
  await target!.click();
}

export async function fill(page: Page, label: string, value: string): Promise<void> {
  const field = await page.waitForSelector(byLabel(label), { visible: true });
  await field!.click({ count: 3 });
  await field!.type(value);
}

/** Empties a field as the user would see it (React gets the change), then types. */
export async function replaceText(page: Page, selector: string, text: string): Promise<void> {
  await page.$eval(selector, (element) => {
    const field = element as HTMLTextAreaElement | HTMLInputElement;
    const prototype = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(field, '');
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.type(selector, text);
}

/** A description of the focused element: its tag, name attribute and text. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    return `${el.tagName.toLowerCase()}${el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : ''} ${(el.textContent ?? '').trim().slice(0, 60)}`.trim();
  });
}

export interface Agency {
  email: string;
  password: string;
  token: string;
  userId: string;
}

/** Signs a new agency up in the browser (the page keeps the session), confirms its address, and logs in for an API token. */
export async function signUpInBrowser(page: Page, agencyName: string, name: string): Promise<Agency> {
  const email = `${agencyName.toLowerCase().replace(/\W+/g, '-')}@e2e.test`;
  const password = 'correct horse battery staple';
  await page.goto(`${baseUrl}/signup`);
  await fill(page, 'Agency name', agencyName);
  await fill(page, 'Your name', name);
  await fill(page, 'Email', email);
  await fill(page, 'Password', password);
  await click(page, 'Create account');
  await page.waitForFunction(() => location.pathname === '/cases');
  const link = new URL(await confirmationLink(databaseUrl, email));
  const confirmed = await fetch(`${baseUrl}/api/v1/auth/confirm-email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: link.searchParams.get('token') }),
  });
  if (confirmed.status !== 204) throw new Error(`confirm-email: ${confirmed.status}`);
  const session = await api<{ accessToken: string; user: { id: string } }>('POST', '/api/v1/auth/login', { email, password });
  return { email, password, token: session.accessToken, userId: session.user.id };
}

/** A colleague with a role, invited and accepted through the API. */
export async function addColleague(owner: Agency, name: string, role: string): Promise<{ id: string; token: string }> {
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${Date.now().toString(36)}@e2e.test`;
  const invite = await api<{ inviteToken: string; id: string }>('POST', '/api/v1/users', { email, name, role }, owner.token);
  const accepted = await api<{ accessToken: string; user: { id: string } }>('POST', '/api/v1/auth/accept-invite', {
    token: invite.inviteToken,
    password: 'another long password',
  });
  return { id: accepted.user.id, token: accepted.accessToken };
}

/** The page's width beyond the viewport: 0 when nothing scrolls sideways. */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * The screen as it is now, at 1440 and at 375 px: zero axe-core violations at both widths, no horizontal scrolling
 * at 375 px (`document.documentElement.scrollWidth <= 375`), and a full-page screenshot of each in test-artifacts/.
 * `ready` waits for what the screen must show after the resize.
 */
export async function checkScreen(
  page: Page,
  name: string,
  ready: (page: Page) => Promise<unknown> = async () => undefined,
): Promise<void> {
  for (const viewport of [WIDE, PHONE]) {
    await page.setViewport(viewport);
    await ready(page);
    // Layout after the resize settles before measuring.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.screenshot({ path: path.join(artifactsDir, `${name}-${viewport.width}.png`), fullPage: true });
    if (viewport === PHONE) {
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      // On failure, the outermost elements that stick out say where to look.
      const sticking = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('body *')]
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
          .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= window.innerWidth + 1)
          .slice(0, 3)
          .map((el) => `${el.tagName.toLowerCase()}.${el.className} right=${Math.round(el.getBoundingClientRect().right)}`),
      );
      expect({ screen: name, fitsIn375: scrollWidth <= 375, scrollWidth, sticking: scrollWidth <= 375 ? [] : sticking }).toEqual({
        screen: name,
        fitsIn375: true,
        scrollWidth,
        sticking: [],
      });
    }
    await expectNoAxeViolations(page, `${name} at ${viewport.width} px`);
  }
  await page.setViewport(WIDE);
}
