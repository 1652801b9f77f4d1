import type { HTTPRequest, Page } from 'puppeteer-core';
import type { FontResolver } from '../fonts/font-catalog';

export type BlockedRequestListener = (url: string, resourceType: string) => void;

/**
 * Decides every request of a page whose request interception is on: only inline `data:` URLs
 * and our fonts (answered from memory) load. Everything else (http, https, file, ws, frames...)
 * is aborted before it leaves Chromium.
 */
export function guardPageRequests(page: Page, fonts: FontResolver, onBlocked?: BlockedRequestListener): void {
  page.on('request', (request) => void decide(request, fonts, onBlocked));
}

async function decide(request: HTTPRequest, fonts: FontResolver, onBlocked?: BlockedRequestListener): Promise<void> {
  const url = request.url();
  try {
    if (url.startsWith('data:')) {
      await request.continue();
      return;
    }
    const font = request.method() === 'GET' && !request.isNavigationRequest() ? await fonts.resolve(url) : null;
    if (font) {
      await request.respond({
        status: 200,
        contentType: font.contentType,
        headers: { 'access-control-allow-origin': '*' },
        body: font.body,
      });
      return;
    }
    onBlocked?.(url, request.resourceType());
    await request.abort('blockedbyclient');
  } catch {
    // The page (or the whole browser) went away mid-request: nothing left to answer.
  }
}
