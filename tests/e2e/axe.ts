/// <reference lib="dom" />
import { AxePuppeteer } from '@axe-core/puppeteer';
import type { Page } from 'puppeteer-core';
import { markAudited } from './visited-routes';

/** The WCAG 2.0, 2.1 and 2.2 A and AA rule sets: what the product promises. */
const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Frames that run no script (the branding page's PDF preview: a sample printed page, its own look by design) cannot
 * take axe-core's script, and Puppeteer waits for their script context for ever. They are taken out of the page
 * while axe runs and put back after (the frame then shows its document again); the suites that show one check its
 * title themselves.
 */
const SCRIPTLESS_FRAMES = 'iframe[sandbox]:not([sandbox~="allow-scripts"])';

declare global {
  interface Window {
    __axeParkedFrames?: [Comment, Element][];
  }
}

/** axe-core's violations on the page as it is now, one readable line per rule (rule, impact, first elements). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate((selector) => {
    window.__axeParkedFrames = [...document.querySelectorAll(selector)].map((frame) => {
      const mark = document.createComment('frame taken out while axe-core runs');
      frame.replaceWith(mark);
      return [mark, frame];
    });
  }, SCRIPTLESS_FRAMES);
  let results;
  try {
    results = await new AxePuppeteer(page).withTags(WCAG_AA_TAGS).analyze();
  } finally {
    await page.evaluate(() => {
      for (const [mark, frame] of window.__axeParkedFrames ?? []) mark.replaceWith(frame);
      window.__axeParkedFrames = undefined;
    });
  }
  return results.violations.map((violation) => {
    const targets = violation.nodes.slice(0, 3).map((node) => node.target.join(' '));
    return `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} at ${targets.join('; ')}`;
  });
}

/**
 * Fails with the page's name and every violation when axe-core finds any. The screen then counts as checked at this
 * width for the audit of every visited screen (route-audit.ts) unless a dialog or menu is open.
 */
export async function expectNoAxeViolations(page: Page, pageName: string): Promise<void> {
  const violations = await axeViolations(page);
  // An open dialog or menu is a state of the screen, not the screen: the audit still loads the screen itself.
  const overlayOpen = await page.evaluate(() => !!document.querySelector('dialog[open], [aria-modal="true"], [role="menu"]'));
  const width = page.viewport()?.width;
  if (width && !overlayOpen) markAudited(page, width);
  expect({ page: pageName, violations }).toEqual({ page: pageName, violations: [] });
}
