import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { aptInstall, canAptInstall } from './apt';
import { defaultLog, type Log } from './log';
import { isExecutable } from './system';

const LINUX_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
const MAC_APPS = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium'];
const APT_PACKAGES = ['chromium', 'fonts-liberation', 'fonts-noto-color-emoji'];

/** Path of a Chromium/Chrome executable for puppeteer-core, installed with apt as root on Debian when missing. */
export async function ensureChromium(options: { log?: Log } = {}): Promise<string> {
  const log = options.log ?? defaultLog;
  const configured = process.env.PUPPETEER_EXECUTABLE_PATH;
  if (configured) {
    if (!isExecutable(configured)) {
      throw new Error(
        `PUPPETEER_EXECUTABLE_PATH is ${configured}, which ${existsSync(configured) ? 'is not executable' : 'does not exist'}`,
      );
    }
    log(`Chromium: using PUPPETEER_EXECUTABLE_PATH (${configured})`);
    return configured;
  }
  const found = findChromium();
  if (found) {
    log(`Chromium: using ${found}`);
    return found;
  }
  if (canAptInstall()) {
    await aptInstall(APT_PACKAGES, 'Chromium: no Chromium or Chrome found', log);
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(
    'Chromium: no Chromium or Chrome found: install it (apt-get install chromium fonts-liberation fonts-noto-color-emoji / ' +
      'brew install --cask chromium or Google Chrome) or set PUPPETEER_EXECUTABLE_PATH',
  );
}

function findChromium(): string | undefined {
  const macPaths = ['/Applications', path.join(os.homedir(), 'Applications')].flatMap((dir) => MAC_APPS.map((app) => path.join(dir, app)));
  return [...LINUX_PATHS, ...macPaths].find(isExecutable);
}

// Debian's /usr/bin/chromium-headless-shell is `sh -e` running the binary without exec: the pid Puppeteer gets would be
// the shell's, so a kill of a hung browser would miss it. Use the binary itself.
const HEADLESS_SHELL_BINARY = '/usr/lib/chromium/chromium-headless-shell';
const HEADLESS_SHELL_WRAPPER = '/usr/bin/chromium-headless-shell';
const headlessShell = () => [HEADLESS_SHELL_BINARY, HEADLESS_SHELL_WRAPPER].find(isExecutable);

/**
 * The browser the worker renders PDFs with: PDF_BROWSER_PATH, else chromium-headless-shell (installed with apt
 * as root on Debian/Ubuntu), which opens a fresh context and page about three times faster than full Chromium;
 * else the Chromium of ensureChromium, with a note that rendering will be slower.
 */
export async function ensurePdfBrowser(options: { log?: Log } = {}): Promise<string> {
  const log = options.log ?? defaultLog;
  const configured = process.env.PDF_BROWSER_PATH;
  if (configured) {
    if (!isExecutable(configured))
      throw new Error(`PDF_BROWSER_PATH is ${configured}, which ${existsSync(configured) ? 'is not executable' : 'does not exist'}`);
    log(`PDF browser: using PDF_BROWSER_PATH (${configured})`);
    return configured;
  }
  if (!headlessShell() && canAptInstall()) {
    try {
      await aptInstall(
        ['chromium-headless-shell', 'fonts-liberation', 'fonts-noto-color-emoji'],
        'PDF browser: chromium-headless-shell is not installed',
        log,
      );
    } catch (error) {
      log(`PDF browser: could not install chromium-headless-shell (${(error as Error).message})`);
    }
  }
  const shell = headlessShell();
  if (shell) {
    log(`PDF browser: using ${shell}`);
    return shell;
  }
  const chromium = await ensureChromium({ log });
  log(`PDF browser: chromium-headless-shell not available, rendering with ${chromium} (slower: install chromium-headless-shell)`);
  return chromium;
}
