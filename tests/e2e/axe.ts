import { AxePuppeteer } from '@axe-core/puppeteer';
import type { Page } from 'puppeteer-core';

/** The WCAG 2.0, 2.1 and 2.2 A and AA rule sets: what the product promises. */
const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core's violations on the page as it is now, one readable line per rule (rule, impact, first elements). */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxePuppeteer(page).withTags(WCAG_AA_TAGS).analyze();
  return results.violations.map((violation) => {
    const targets = violation.nodes.slice(0, 3).map((node) => node.target.join(' '));
    return `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} at ${targets.join('; ')}`;
  });
}

/** Fails with the page's name and every violation when axe-core finds any. */
export async function expectNoAxeViolations(page: Page, pageName: string): Promise<void> {
  const violations = await axeViolations(page);
  expect({ page: pageName, violations }).toEqual({ page: pageName, violations: [] });
}
