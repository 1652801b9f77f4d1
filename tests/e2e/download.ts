import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';

/** Clicks a download link or button and waits for the file Chromium saves into a fresh folder `<dir>/<prefix>*`: its path. */
export async function downloadByClicking(
  page: Page,
  target: ElementHandle,
  dir: string,
  prefix: string,
  extension = '.pdf',
): Promise<string> {
  const downloads = mkdtempSync(path.join(dir, prefix));
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads, browserContextId: page.browserContext().id });
  await target.click();
  const deadline = Date.now() + 20_000;
  let file: string | undefined;
  while (!file && Date.now() < deadline) {
    file = existsSync(downloads) ? readdirSync(downloads).find((f) => f.endsWith(extension)) : undefined;
    if (!file) await new Promise((r) => setTimeout(r, 200));
  }
  if (!file) throw new Error(`no ${extension} file was downloaded into ${downloads}`);
  return path.join(downloads, file);
}
