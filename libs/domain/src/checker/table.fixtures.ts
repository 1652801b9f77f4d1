import type { DraftSections } from '../draft';
import { check } from './index';
import type { CaseFacts, CheckerRule, CheckerSettings, Finding } from './types';

/** A plan the checker finds nothing in: every table line is placed into it, so a finding comes from that line. */
export const cleanDraft = (): DraftSections => ({
  summary: 'On 2 March 2026 Amazon deactivated the account after inauthentic complaints on ASIN B07XJ8C8F5. We take full responsibility.',
  rootCauses: [
    {
      text: 'We bought 400 units of B07XJ8C8F5 from Acme Trading Ltd on 10 January 2026 without checking that it was an authorised distributor.',
      issueId: 'auth',
    },
  ],
  correctiveActions: [
    { text: 'Removed all 212 remaining units from FBA and had them destroyed (removal order 7734).', completedAt: '2026-03-03' },
    { text: 'Refunded the 14 buyers of order 026-1234567-7654321 in full.', completedAt: '2026-03-04' },
  ],
  preventiveMeasures: [
    {
      text: 'Jane Doe checks every new supplier against the brand’s list of 12 authorised distributors; a supplier not on it is blocked.',
      owner: 'Jane Doe, head of sourcing',
      startDate: '2026-03-05',
      frequency: 'before each new supplier',
    },
  ],
  supportingDocuments: [{ attachmentId: 'att-1', description: 'Invoice from Brand GmbH dated 2026-02-01 for 500 units' }],
});

export const cleanFacts = (): CaseFacts => ({
  asins: ['B07XJ8C8F5'],
  violationType: 'product_authenticity',
  issues: [{ id: 'auth', violationType: 'product_authenticity', asins: ['B07XJ8C8F5'], orderIds: ['026-1234567-7654321'] }],
  clientName: 'Brightside Audio Ltd',
  noticeReceivedAt: '2026-03-02',
  now: '2026-03-10',
});

/** The findings of one rule. */
export function findingsOf(
  rule: CheckerRule,
  draft: DraftSections,
  facts: CaseFacts = cleanFacts(),
  settings?: CheckerSettings,
): Finding[] {
  return check(draft, facts, settings).filter((f) => f.rule === rule);
}

/** A draft with one line put in place of the first item of a section (or appended to the summary). */
export function withLine(section: 'summary' | 'rootCauses' | 'correctiveActions' | 'preventiveMeasures', text: string): DraftSections {
  const draft = cleanDraft();
  if (section === 'summary') draft.summary = `${draft.summary} ${text}`;
  else draft[section][0] = { ...draft[section][0], text };
  return draft;
}
