import type { Browser, BrowserContext, Page, Target } from 'puppeteer-core';

/**
 * Query parameters that do not make another screen: a one-time log-in token (replaying it would sign in again, or
 * land on "link already used") and free search text (the narrowed list is the same screen).
 */
const NOT_A_SCREEN = new Set(['token', 'q']);

/**
 * The screen a URL of the web app shows, as a key: its path and the query parameters that choose a screen (tab,
 * view, queue, filters), sorted. Null for what the web app does not render (the API, its docs, other sites).
 */
export function routeKey(url: string, origin: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.origin !== origin || parsed.pathname.startsWith('/api/')) return null;
  const params = [...parsed.searchParams.entries()].filter(([name]) => !NOT_A_SCREEN.has(name)).sort(([a], [b]) => a.localeCompare(b));
  const search = new URLSearchParams(params).toString();
  return `${parsed.pathname.replace(/\/+$/, '') || '/'}${search ? `?${search}` : ''}`;
}

export interface VisitedRoute {
  key: string;
  /** Widths (px) at which axe-core already checked this screen, in the suite's own steps or in an audit. */
  auditedWidths: Set<number>;
}

const everyRecorder = new Set<VisitedRoutes>();

/**
 * Every distinct screen (path and screen-choosing query, single-page-app route changes included) that the pages of
 * a browser showed, per browser context, so that a screen is checked later in the session that saw it.
 */
export class VisitedRoutes {
  readonly #routes = new Map<BrowserContext, Map<string, VisitedRoute>>();
  readonly #ignored = new WeakSet<Target>();
  readonly #newContextListeners: ((context: BrowserContext) => void)[] = [];

  constructor(readonly origin: string) {
    everyRecorder.add(this);
  }

  /**
   * Records every URL any page of the browser shows from now on: a target's URL changes on each navigation,
   * in-document ones (pushState, replaceState) included.
   */
  watch(browser: Browser): void {
    const record = (target: Target) => {
      if (target.type() !== 'page' || this.#ignored.has(target)) return;
      const context = target.browserContext();
      if (!this.#routes.has(context)) {
        this.#routes.set(context, new Map());
        for (const listener of this.#newContextListeners) listener(context);
      }
      this.#route(context, target.url());
    };
    browser.on('targetcreated', record);
    browser.on('targetchanged', record);
  }

  /** Calls back once for each browser context in which a page was first seen. */
  onNewContext(listener: (context: BrowserContext) => void): void {
    this.#newContextListeners.push(listener);
  }

  /** A page whose navigations are not a suite's (the audit's own page). */
  ignore(page: Page): void {
    this.#ignored.add(page.target());
  }

  /** axe-core has checked the page's current screen at this width. */
  markAudited(page: Page, width: number): void {
    this.#route(page.browserContext(), page.url())?.auditedWidths.add(width);
  }

  contexts(): BrowserContext[] {
    return [...this.#routes.keys()];
  }

  /** Every screen the context's pages showed. */
  visited(context: BrowserContext): VisitedRoute[] {
    return [...(this.#routes.get(context)?.values() ?? [])];
  }

  /** The context's screens not yet checked at every one of these widths. */
  pending(context: BrowserContext, widths: number[]): VisitedRoute[] {
    return this.visited(context).filter((route) => widths.some((w) => !route.auditedWidths.has(w)));
  }

  #route(context: BrowserContext, url: string): VisitedRoute | undefined {
    const key = routeKey(url, this.origin);
    const routes = this.#routes.get(context);
    if (!key || !routes) return undefined;
    let route = routes.get(key);
    if (!route) routes.set(key, (route = { key, auditedWidths: new Set() }));
    return route;
  }
}

/** Marks the page's current screen as checked at this width in every recorder that follows its context. */
export function markAudited(page: Page, width: number): void {
  for (const recorder of everyRecorder) recorder.markAudited(page, width);
}
