import puppeteer, { type Browser } from 'puppeteer-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-extensions',
  '--mute-audio',
  '--font-render-hinting=none',
  // Defence in depth behind request interception: anything that slipped through would go to
  // a dead local proxy (port 9, discard) instead of the network, loopback included.
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
];

export interface LaunchOptions {
  executablePath: string;
  launchTimeoutMs: number;
  protocolTimeoutMs: number;
}

/** chrome-headless-shell (Debian: chromium-headless-shell) starts a page in about a third of the time full Chromium needs. */
export const isHeadlessShell = (executablePath: string) => /headless[-_]shell/.test(executablePath);

export function launchChromium(opts: LaunchOptions): Promise<Browser> {
  return puppeteer.launch({
    executablePath: opts.executablePath,
    headless: isHeadlessShell(opts.executablePath) ? 'shell' : true,
    pipe: true,
    args: CHROMIUM_ARGS,
    timeout: opts.launchTimeoutMs,
    protocolTimeout: opts.protocolTimeoutMs,
    // The owner (the worker) decides when to shut down and calls close(); puppeteer still
    // kills the browser if this Node process exits.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * SIGKILLs the browser and its helpers. Puppeteer starts Chromium detached, so it leads its
 * own process group: killing the group takes the zygote, renderer and utility processes too.
 */
export function killChromium(browser: Browser): void {
  const child = browser.process();
  const pid = child?.pid;
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // No such group (already gone): fall through to the single process.
  }
  if (child.exitCode === null && child.signalCode === null && isAlive(pid)) {
    try {
      child.kill('SIGKILL');
    } catch {
      // Already exited.
    }
  }
}

/** Resolves once the browser's main process has exited (immediately if it already has). */
export function waitForExit(browser: Browser, ms: number): Promise<void> {
  const child = browser.process();
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref();
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
