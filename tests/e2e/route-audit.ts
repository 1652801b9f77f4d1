/// <reference lib="dom" />
/**
 * axe-core on every screen a browser suite visited, at 1440 and 375 px, in the browser context (so the session) that
 * saw it: the suite's pages are followed from `watchEveryPage(browser)` on, each distinct screen is recorded, and
 * `auditEveryVisitedPage()` adds a test that loads each screen not yet checked at both widths and fails with every
 * screen and violation found. A context a suite closes is audited just before it closes. The suites' own checks of
 * transient states (an open dialog or menu) stay where they are and count for their screen at their width.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import { axeViolations } from './axe';
import { requireEnv } from './e2e-env';
import { routeKey, VisitedRoutes } from './visited-routes';
import { PHONE, WIDE } from './viewports';

const AUDIT_VIEWPORTS = [WIDE, PHONE];

/** The product's screens visited by this suite's browser. */
export const visitedPages = new VisitedRoutes(new URL(requireEnv('E2E_BASE_URL')).origin);
const failures: string[] = [];
const audited: string[] = [];

/** Waits until the screen has loaded what it loads: no request for half a second and no "Loading…" shown. */
async function settle(page: Page): Promise<void> {
  await page.waitForNetworkIdle({ idleTime: 500, timeout: 15_000 }).catch(() => undefined);
  await page.waitForFunction(() => !document.querySelector('.loading'), { timeout: 15_000 }).catch(() => undefined);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Opens a screen and waits for it; returns the screen it shows (another one when the app redirected). */
async function open(page: Page, origin: string, key: string): Promise<string | null> {
  await page.goto(`${origin}${key}`, { waitUntil: 'load' });
  await settle(page);
  return routeKey(page.url(), origin);
}

/**
 * Loads each screen of the context not yet checked at every width in a new page of that context, and runs axe-core
 * at each width missing. A screen that sends a signed-in user elsewhere (log-in, sign-up) is loaded signed out, in a
 * context of its own, as its users see it. Returns one line per screen and width with violations, naming the screen
 * and what axe found.
 */
export async function auditVisitedRoutes(
  routes: VisitedRoutes,
  context: BrowserContext,
  viewports = AUDIT_VIEWPORTS,
  log: string[] = [],
): Promise<string[]> {
  const pending = routes.pending(
    context,
    viewports.map((v) => v.width),
  );
  if (pending.length === 0 || context.closed) return [];
  const found: string[] = [];
  const newPage = async (where: BrowserContext) => {
    const page = await where.newPage();
    routes.ignore(page);
    page.setDefaultTimeout(30_000);
    return page;
  };
  const signedIn = await newPage(context);
  let signedOut: { context: BrowserContext; page: Page } | undefined;
  try {
    for (const route of pending) {
      const missing = viewports.filter((v) => !route.auditedWidths.has(v.width));
      let page = signedIn;
      await page.setViewport(missing[0]);
      let shown = await open(page, routes.origin, route.key);
      let name = route.key;
      if (shown !== route.key) {
        if (!signedOut) {
          const anonymous = await context.browser().createBrowserContext();
          signedOut = { context: anonymous, page: await newPage(anonymous) };
        }
        await signedOut.page.setViewport(missing[0]);
        const shownSignedOut = await open(signedOut.page, routes.origin, route.key);
        if (shownSignedOut === route.key) {
          page = signedOut.page;
          shown = shownSignedOut;
          name = `${route.key} (signed out)`;
        } else {
          name = `${route.key} (shown as ${shown})`;
        }
      }
      for (const viewport of missing) {
        await page.setViewport(viewport);
        await settle(page);
        const violations = await axeViolations(page);
        route.auditedWidths.add(viewport.width);
        log.push(`${name} at ${viewport.width} px: ${violations.length} violation(s)`);
        if (violations.length > 0) found.push(`${name} at ${viewport.width} px: ${violations.join(' | ')}`);
      }
    }
  } finally {
    await signedIn.close();
    await signedOut?.context.close();
  }
  return found;
}

/** Follows every page of the browser from now on, and audits a context's screens before the suite closes it. */
export function watchEveryPage(browser: Browser): void {
  visitedPages.watch(browser);
  visitedPages.onNewContext((context) => {
    if (context === browser.defaultBrowserContext()) return;
    const close = context.close.bind(context);
    context.close = async () => {
      try {
        failures.push(...(await auditVisitedRoutes(visitedPages, context, AUDIT_VIEWPORTS, audited)));
      } finally {
        await close();
      }
    };
  });
}

/**
 * A test that audits every screen visited so far and not yet checked, at 1440 and 375 px, and fails naming each screen
 * with its violations (also those found when a context closed). Placed last in a suite, and before a step that ends
 * the sessions (log-out) so that the screens are seen as their users saw them. The list of screens checked goes to
 * test-artifacts/.
 */
export function auditEveryVisitedPage(): void {
  test('axe-core (WCAG 2.2 AA) finds no violation on any screen visited so far, at 1440 and 375 px', async () => {
    for (const context of visitedPages.contexts()) {
      failures.push(...(await auditVisitedRoutes(visitedPages, context, AUDIT_VIEWPORTS, audited)));
    }
    const suite = path.basename(expect.getState().testPath ?? 'suite', '.e2e.spec.ts');
    const screens = visitedPages
      .contexts()
      .flatMap((context) => visitedPages.visited(context))
      .map((route) => `${route.key}: checked at ${[...route.auditedWidths].join(' and ')} px`);
    const report = ['Screens visited (per browser context):', ...screens, '', 'Loaded again by the audit:', ...audited];
    writeFileSync(path.join(requireEnv('E2E_ARTIFACTS_DIR'), `axe-screens-${suite}.txt`), `${report.join('\n')}\n`);
    expect(failures.splice(0)).toEqual([]);
  }, 900_000);
}
