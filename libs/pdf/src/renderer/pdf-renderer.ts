import type { Browser, BrowserContext, CDPSession, Page, PDFOptions } from 'puppeteer-core';
import { FontCatalog } from '../fonts/font-catalog';
import { FONT_STYLESHEET_LINK } from '../fonts/font-origin';
import { PAGE_MARGIN } from '../template/header-footer';
import type { PoaRenderInput } from '../template/types';
import { isHeadlessShell, killChromium, launchChromium, waitForExit } from './browser-process';
import { PdfBrowserGoneError, PdfRendererClosedError, PdfRenderTimeoutError } from './errors';
import { finalizePdf } from './pdf-metadata';
import { guardPageRequests } from './request-guard';
import { withTimeout } from './with-timeout';

export type PdfRendererLogLevel = 'debug' | 'info' | 'warn' | 'error';
export type PdfRendererLog = (level: PdfRendererLogLevel, message: string, meta?: Record<string, unknown>) => void;

export interface PdfRendererOptions {
  executablePath: string;
  /** Jobs served by one browser before it is replaced (default 200). */
  recycleAfter?: number;
  /**
   * Make the next job's context and page ahead of time (default true). False for a browser that
   * serves a single job (the benchmark's browser-per-job baseline): nothing is made that no job uses.
   */
  prepareAhead?: boolean;
  launchTimeoutMs?: number;
  /** Budget for one whole render, every step included (default 15000). */
  renderTimeoutMs?: number;
  log?: PdfRendererLog;
}

export interface PdfRenderResult {
  pdf: Buffer;
  pageCount: number;
  renderMs: number;
}

interface PreparedPage {
  context: BrowserContext;
  page: Page;
  /** How long making it took (off the job's path when it was prepared ahead), per step. */
  prepareMs: Record<string, number>;
}

interface BrowserGeneration {
  id: number;
  /** A fresh context and page made ahead of time for the next job (never reused across jobs). */
  spare: Promise<PreparedPage> | null;
  browser: Browser;
  /** Headless shell: pages are created with BeginFrame control (see openPage). */
  beginFrameControl: boolean;
  /** A CDP session on the browser target, for Target.createTarget. */
  browserSession: Promise<CDPSession> | null;
  jobsStarted: number;
  inFlight: number;
  /** No new jobs; closed once the jobs in flight have finished. */
  retiring: boolean;
  dead: boolean;
}

const CONTEXT_CLOSE_TIMEOUT_MS = 5_000;
const BROWSER_CLOSE_TIMEOUT_MS = 5_000;

/**
 * Renders HTML to PDF with one long-lived headless Chromium. Each job gets a fresh browser
 * context (no shared cookies, cache or storage), JavaScript off and a request guard that lets
 * nothing but inline data and our fonts load. Safe to call concurrently.
 */
export class PdfRenderer {
  private readonly recycleAfter: number;
  private readonly prepareAhead: boolean;
  private readonly launchTimeoutMs: number;
  private readonly renderTimeoutMs: number;
  private readonly log: PdfRendererLog;
  private fonts: FontCatalog | null = null;
  private pending: Promise<BrowserGeneration> | null = null;
  private readonly generations = new Set<BrowserGeneration>();
  private nextGenerationId = 1;
  private closed = false;

  constructor(private readonly opts: PdfRendererOptions) {
    this.recycleAfter = Math.max(1, opts.recycleAfter ?? 200);
    this.prepareAhead = opts.prepareAhead ?? true;
    this.launchTimeoutMs = opts.launchTimeoutMs ?? 30_000;
    this.renderTimeoutMs = opts.renderTimeoutMs ?? 15_000;
    this.log = opts.log ?? (() => undefined);
  }

  /** Launches the browser up front so the first job does not pay for it. */
  async start(): Promise<void> {
    await this.activeGeneration();
  }

  /** The pid of the browser currently taking new jobs, if one is running (for diagnostics). */
  async browserPid(): Promise<number | undefined> {
    return (await this.activeGeneration()).browser.process()?.pid;
  }

  async render(input: PoaRenderInput): Promise<PdfRenderResult> {
    const startedAt = performance.now();
    try {
      return await this.renderOnce(input, startedAt, startedAt + this.renderTimeoutMs);
    } catch (err) {
      // The browser died under this job because of another job or a crash: one more try on a new browser.
      if (err instanceof PdfBrowserGoneError && !this.closed) {
        this.log('warn', 'pdf render retried after the browser went away', { error: String(err.cause) });
        return this.renderOnce(input, startedAt, performance.now() + this.renderTimeoutMs);
      }
      throw err;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const pending = this.pending;
    this.pending = null;
    if (pending) await pending.catch(() => undefined);
    await Promise.all([...this.generations].map((gen) => this.shutDown(gen)));
  }

  private async renderOnce(input: PoaRenderInput, startedAt: number, deadline: number): Promise<PdfRenderResult> {
    const checkoutStarted = performance.now();
    const gen = await this.checkout();
    const stepMs: Record<string, number> = { checkout: Math.round(performance.now() - checkoutStarted) };
    const step = async <T>(promise: Promise<T>, name: string): Promise<T> => {
      const begin = performance.now();
      const result = await withTimeout(promise, deadline - performance.now(), name);
      stepMs[name] = Math.round(performance.now() - begin);
      return result;
    };
    const preparing = this.takePreparedPage(gen);
    let context: BrowserContext | null = null;
    let done: { pageCount: number; bytes: number; renderMs: number } | null = null;
    try {
      let page: Page;
      let prepareMs: Record<string, number>;
      ({ context, page, prepareMs } = await step(preparing, 'waitForPage'));
      guardPageRequests(page, (url, type) => this.log('warn', 'pdf page request blocked', { url, type }));
      const html = await step(this.withInlineFonts(input.html), 'fonts');
      await step(page.setContent(html, { waitUntil: 'load', timeout: remaining(deadline) }), 'setContent');
      const raw = await step(page.pdf(this.pdfOptions(input, remaining(deadline))), 'pdf');
      const finalizeStarted = performance.now();
      const { pdf, pageCount } = finalizePdf(raw, {
        title: input.title,
        author: input.author,
        subject: input.subject ?? 'Plan of Action',
      });
      stepMs.finalize = Math.round(performance.now() - finalizeStarted);
      Object.assign(stepMs, Object.fromEntries(Object.entries(prepareMs).map(([name, ms]) => [`prepared.${name}`, ms])));
      const renderMs = Math.round(performance.now() - startedAt);
      done = { pageCount, bytes: pdf.length, renderMs };
      return { pdf, pageCount, renderMs };
    } catch (err) {
      if (err instanceof PdfRenderTimeoutError) {
        this.log('error', 'pdf render timed out: killing the browser', { error: err.message, generation: gen.id });
        this.kill(gen);
        throw err;
      }
      if (gen.dead || !gen.browser.connected) throw new PdfBrowserGoneError(err);
      throw err;
    } finally {
      // Closed before the job returns: a context in the background per job could pile up under load.
      const closeStarted = performance.now();
      if (context) await this.closeContext(gen, context);
      else preparing.then((late) => late.context.close()).catch(() => undefined);
      this.release(gen);
      if (done) {
        stepMs.closeContext = Math.round(performance.now() - closeStarted);
        this.log('debug', 'pdf rendered', { generation: gen.id, ...done, stepMs });
      }
    }
  }

  /** Takes the spare page (or makes one) and starts preparing the next job's in the background. */
  private takePreparedPage(gen: BrowserGeneration): Promise<PreparedPage> {
    const prepared = gen.spare ?? preparePage(gen);
    gen.spare = null;
    if (this.prepareAhead && !gen.retiring && !gen.dead && !this.closed) {
      const spare = preparePage(gen);
      spare.catch(() => undefined);
      gen.spare = spare;
    }
    return prepared;
  }

  private pdfOptions(input: PoaRenderInput, timeout: number): PDFOptions {
    return {
      format: input.paperSize === 'Letter' ? 'letter' : 'a4',
      printBackground: true,
      margin: PAGE_MARGIN,
      // Header and footer are the document's own page-margin boxes (see template/header-footer.ts).
      displayHeaderFooter: false,
      // A tagged PDF (structure tree) so screen readers can read the plan: it costs ~8 ms of a ~70 ms render.
      tagged: true,
      outline: false,
      timeout,
    };
  }

  private async closeContext(gen: BrowserGeneration, context: BrowserContext): Promise<void> {
    if (gen.dead) return;
    try {
      await withTimeout(context.close(), CONTEXT_CLOSE_TIMEOUT_MS, 'closeBrowserContext');
    } catch (err) {
      if (gen.dead || !gen.browser.connected) return;
      this.log('error', 'pdf browser context did not close: killing the browser', { error: String(err), generation: gen.id });
      this.kill(gen);
    }
  }

  /** Replaces the template's font stylesheet link with the faces the document needs, inlined. */
  private async withInlineFonts(html: string): Promise<string> {
    const at = html.indexOf(FONT_STYLESHEET_LINK);
    if (at < 0) return html;
    const css = await this.fontCatalog().stylesheetFor(html);
    return `${html.slice(0, at)}<style>${css}</style>${html.slice(at + FONT_STYLESHEET_LINK.length)}`;
  }

  private fontCatalog(): FontCatalog {
    this.fonts ??= FontCatalog.load();
    return this.fonts;
  }

  /** The browser taking new jobs; launched once, shared by concurrent callers. */
  private activeGeneration(): Promise<BrowserGeneration> {
    if (this.closed) return Promise.reject(new PdfRendererClosedError());
    if (!this.pending) {
      const launching = this.launch();
      this.pending = launching;
      launching.catch(() => {
        if (this.pending === launching) this.pending = null;
      });
    }
    return this.pending;
  }

  private async checkout(): Promise<BrowserGeneration> {
    for (;;) {
      const launching = this.activeGeneration();
      const gen = await launching;
      if (gen.dead || gen.retiring) {
        if (this.pending === launching) this.pending = null;
        continue;
      }
      gen.jobsStarted += 1;
      gen.inFlight += 1;
      if (gen.jobsStarted >= this.recycleAfter) this.retire(gen, launching);
      return gen;
    }
  }

  private release(gen: BrowserGeneration): void {
    gen.inFlight -= 1;
    if (gen.retiring && gen.inFlight === 0) void this.shutDown(gen);
  }

  private retire(gen: BrowserGeneration, launching: Promise<BrowserGeneration>): void {
    gen.retiring = true;
    if (this.pending === launching) this.pending = null;
    this.log('info', 'pdf browser recycled', { generation: gen.id, jobs: gen.jobsStarted });
    // Launch the successor now, in the background, so the next job finds it ready.
    if (!this.closed) this.activeGeneration().catch((err) => this.log('error', 'pdf browser launch failed', { error: String(err) }));
  }

  private async launch(): Promise<BrowserGeneration> {
    this.fontCatalog();
    const started = performance.now();
    const browser = await withTimeout(
      launchChromium({
        executablePath: this.opts.executablePath,
        launchTimeoutMs: this.launchTimeoutMs,
        protocolTimeoutMs: this.renderTimeoutMs + CONTEXT_CLOSE_TIMEOUT_MS,
      }),
      this.launchTimeoutMs + 1_000,
      'launch',
    );
    const gen: BrowserGeneration = {
      id: this.nextGenerationId++,
      spare: null,
      browser,
      beginFrameControl: isHeadlessShell(this.opts.executablePath),
      browserSession: null,
      jobsStarted: 0,
      inFlight: 0,
      retiring: false,
      dead: false,
    };
    this.generations.add(gen);
    if (this.prepareAhead) {
      gen.spare = preparePage(gen);
      gen.spare.catch(() => undefined);
    }
    browser.once('disconnected', () => {
      if (!gen.dead && !this.closed && !gen.retiring) this.log('warn', 'pdf browser disconnected', { generation: gen.id });
      this.kill(gen);
    });
    this.log('info', 'pdf browser launched', {
      generation: gen.id,
      pid: browser.process()?.pid,
      launchMs: Math.round(performance.now() - started),
    });
    if (this.closed) {
      await this.shutDown(gen);
      throw new PdfRendererClosedError();
    }
    return gen;
  }

  /** Marks the generation dead and SIGKILLs its process group; the next job launches a new browser. */
  private kill(gen: BrowserGeneration): void {
    gen.dead = true;
    this.generations.delete(gen);
    killChromium(gen.browser);
  }

  private async shutDown(gen: BrowserGeneration): Promise<void> {
    if (!gen.dead) {
      gen.dead = true;
      try {
        await withTimeout(gen.browser.close(), BROWSER_CLOSE_TIMEOUT_MS, 'closeBrowser');
      } catch (err) {
        this.log('warn', 'pdf browser did not close cleanly: killing it', { error: String(err), generation: gen.id });
      }
    }
    this.generations.delete(gen);
    // Whatever close() left behind (a hung browser, stray helpers) goes with the process group.
    killChromium(gen.browser);
    await waitForExit(gen.browser, BROWSER_CLOSE_TIMEOUT_MS);
  }
}

/** A new browser context with one page: JavaScript off, every request intercepted. */
async function preparePage(gen: BrowserGeneration): Promise<PreparedPage> {
  const prepareMs: Record<string, number> = {};
  let last = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    prepareMs[name] = Math.round(now - last);
    last = now;
  };
  const context = await gen.browser.createBrowserContext();
  lap('createContext');
  try {
    const page = await openPage(gen, context);
    lap('newPage');
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    lap('pageSettings');
    return { context, page, prepareMs };
  } catch (err) {
    await context.close().catch(() => undefined);
    throw err;
  }
}

/**
 * The context's page. In the headless shell it is created with BeginFrame control and no frame is
 * ever requested: nothing paints or rasterises the page for a screen nobody looks at (that was
 * a third of the render), and the only layout and paint left are the print's. The PDF is the same.
 */
async function openPage(gen: BrowserGeneration, context: BrowserContext): Promise<Page> {
  if (!gen.beginFrameControl) return context.newPage();
  if (!gen.browserSession) {
    const opening = gen.browser.waitForTarget((target) => target.type() === 'browser').then((target) => target.createCDPSession());
    gen.browserSession = opening;
    opening.catch(() => {
      if (gen.browserSession === opening) gen.browserSession = null;
    });
  }
  const session = await gen.browserSession;
  await session.send('Target.createTarget', { url: 'about:blank', browserContextId: context.id, enableBeginFrameControl: true });
  // The context is fresh: this is its only page.
  const page = await (await context.waitForTarget((target) => target.type() === 'page')).page();
  if (!page) throw new Error('The new page target has no page');
  return page;
}

function remaining(deadline: number): number {
  return Math.max(1, Math.round(deadline - performance.now()));
}
