import type { HTTPRequest, Page } from 'puppeteer-core';

export type BlockedRequestListener = (url: string, resourceType: string) => void;

/**
 * Decides every request of a page whose request interception is on: only inline `data:` URLs
 * load (the document, its logo and its fonts are all inline). Everything else (http, https, file,
 * ws, frames...) is aborted before it leaves Chromium.
 */
export function guardPageRequests(page: Page, onBlocked?: BlockedRequestListener): void {
  page.on('request', (request) => void decide(request, onBlocked));
}

async function decide(request: HTTPRequest, onBlocked?: BlockedRequestListener): Promise<void> {
  const url = request.url();
  try {
    if (url.startsWith('data:')) {
      await request.continue();
      return;
    }
    onBlocked?.(url, request.resourceType());
    await request.abort('blockedbyclient');
  } catch {
    // The page (or the whole browser) went away mid-request: nothing left to answer.
  }
}
