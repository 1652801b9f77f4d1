/// <reference lib="dom" />
import type { Page } from 'puppeteer-core';

declare global {
  interface Window {
    __reportCspViolation?: (violation: string) => void;
  }
}

/**
 * Collects every Content-Security-Policy violation of pages: `securitypolicyviolation` events of every document they
 * load (reported to Node, so none is lost to a navigation) and the browser's console reports, which also cover
 * frames where no script runs (the sandboxed PDF preview). `violations` stays empty while the app works under its policy.
 */
export class CspWatch {
  readonly violations: string[] = [];

  async watch(page: Page): Promise<Page> {
    await page.exposeFunction('__reportCspViolation', (violation: string) => void this.violations.push(violation));
    await page.evaluateOnNewDocument(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        window.__reportCspViolation?.(
          `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} in ${event.documentURI} (${event.sourceFile}:${event.lineNumber})`,
        );
      });
    });
    page.on('console', (message) => {
      if (/content security policy/i.test(message.text())) this.violations.push(`console: ${message.text()}`);
    });
    return page;
  }
}
