/**
 * The audit of every visited screen can fail: a small site of its own (not the product) has one clean screen and one
 * reached only by a single-page-app route change (pushState) that breaks two WCAG rules. The audit records both,
 * loads each again at 1440 and 375 px, and names the broken one with its rules, and only that one.
 */
import { createServer, type Server } from 'node:http';
import type { Browser } from 'puppeteer-core';
import { auditVisitedRoutes } from './route-audit';
import { launchBrowser } from './staff-browser';
import { routeKey, VisitedRoutes } from './visited-routes';

const SITE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Audit probe</title></head>
  <body>
    <main id="screen"></main>
    <script>
      function render() {
        const screen = document.getElementById('screen');
        if (location.pathname === '/broken') {
          screen.innerHTML = '<h1>Broken</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><button></button>';
        } else {
          screen.innerHTML = '<h1>Fine</h1><button id="go">Open the broken screen</button>';
          document.getElementById('go').onclick = () => { history.pushState(null, '', '/broken'); render(); };
        }
      }
      render();
    </script>
  </body>
</html>`;

let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(SITE));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

it('keys a screen by its path and screen-choosing query, leaving out tokens, search text and other sites', () => {
  expect(routeKey(`${origin}/portal/cases/1/?token=secret&tab=history&q=acme`, origin)).toBe('/portal/cases/1?tab=history');
  expect(routeKey(`${origin}/cases?view=board&queue=mine`, origin)).toBe('/cases?queue=mine&view=board');
  expect(routeKey(`${origin}/api/docs`, origin)).toBeNull();
  expect(routeKey('http://elsewhere.test/cases', origin)).toBeNull();
});

it('records a screen reached by pushState and reports its violations at both widths, and nothing for the clean one', async () => {
  const routes = new VisitedRoutes(origin);
  routes.watch(browser);
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/fine?token=once`);
    await (await page.waitForSelector('#go'))!.click();
    await page.waitForFunction(() => location.pathname === '/broken');
    const log: string[] = [];
    const failures = await auditVisitedRoutes(routes, context, undefined, log);

    expect(log).toEqual([
      '/fine at 1440 px: 0 violation(s)',
      '/fine at 375 px: 0 violation(s)',
      '/broken at 1440 px: 2 violation(s)',
      '/broken at 375 px: 2 violation(s)',
    ]);
    expect(failures).toHaveLength(2);
    for (const failure of failures) {
      expect(failure).toMatch(/^\/broken at (1440|375) px: /);
      expect(failure).toContain('image-alt (critical)');
      expect(failure).toContain('button-name (critical)');
    }
    // Each screen is checked once: a second audit has nothing left to load.
    expect(await auditVisitedRoutes(routes, context)).toEqual([]);
    expect(routes.pending(context, [1440, 375])).toEqual([]);
  } finally {
    await context.close();
  }
});
