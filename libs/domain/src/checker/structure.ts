import type { DraftSectionKey, DraftSections } from '../draft';
import { buildSubmission, countCharacters, groupByIssue, isOverLimit, type SubmissionFieldKey } from '../submission';
import { isViolationType, violationLabel } from '../violations';
import { allText } from './text';
import { DEFAULT_MAX_LENGTH, type CaseFacts, type CheckedIssue, type CheckerSettings, type RawFinding } from './types';

const REQUIRED_SECTIONS = [
  ['rootCauses', 'Root causes'],
  ['correctiveActions', 'Corrective actions'],
  ['preventiveMeasures', 'Preventive measures'],
] as const;

/** required_section: the three parts Amazon reads, each with at least one written item. */
export function requiredSections(draft: DraftSections): RawFinding[] {
  return REQUIRED_SECTIONS.filter(([key]) => !draft[key].some((item) => item.text.trim() !== '')).map(([key, label]) => ({
    rule: 'required_section',
    section: key,
    itemIndex: null,
    issueId: null,
    message: `${label} must not be empty`,
    excerpt: null,
  }));
}

/**
 * issue_without_root_cause: Amazon wants a response for each root cause. With a single issue, a root cause linked to
 * none counts for it (drafts written before issues existed); with several, each needs its own.
 */
export function issuesWithoutRootCause(draft: DraftSections, facts: CaseFacts): RawFinding[] {
  const issues = facts.issues ?? [];
  const written = draft.rootCauses.filter((r) => r.text.trim() !== '');
  const linked = new Set(written.map((r) => r.issueId).filter(Boolean));
  return issues
    .map((issue, index) => ({ issue, index }))
    .filter(({ issue }) => !linked.has(issue.id) && !(issues.length === 1 && written.some((r) => !r.issueId)))
    .map(({ issue, index }) => ({
      rule: 'issue_without_root_cause',
      section: 'rootCauses',
      itemIndex: null,
      issueId: issue.id,
      message: `Issue ${index + 1} (${labelOf(issue)}${issue.asins.length ? `: ${issue.asins.join(', ')}` : ''}) has no root cause: Amazon wants one for each issue`,
      excerpt: null,
    }));
}

function labelOf(issue: CheckedIssue): string {
  return isViolationType(issue.violationType) ? violationLabel(issue.violationType) : issue.violationType;
}

/** asin_not_addressed: every ASIN and order ID the notice names appears somewhere in the plan. */
export function identifiersNotAddressed(draft: DraftSections, facts: CaseFacts): RawFinding[] {
  const text = allText(draft).toUpperCase();
  const wanted = new Map<string, { kind: 'ASIN' | 'Order'; issueId: string | null }>();
  const add = (id: string, kind: 'ASIN' | 'Order', issueId: string | null) => {
    const key = id.trim().toUpperCase();
    if (key && !wanted.has(key)) wanted.set(key, { kind, issueId });
  };
  for (const issue of facts.issues ?? []) {
    issue.asins.forEach((a) => add(a, 'ASIN', issue.id));
    (issue.orderIds ?? []).forEach((o) => add(o, 'Order', issue.id));
  }
  (facts.asins ?? []).forEach((a) => add(a, 'ASIN', null));
  (facts.orderIds ?? []).forEach((o) => add(o, 'Order', null));
  return [...wanted]
    .filter(([id]) => !text.includes(id))
    .map(([id, { kind, issueId }]) => ({
      rule: 'asin_not_addressed',
      section: 'rootCauses',
      itemIndex: null,
      issueId,
      message: `${kind === 'ASIN' ? 'ASIN' : 'Order ID'} ${id} from the notice is not addressed in the plan`,
      excerpt: id,
    }));
}

/** too_long: the whole plan against the agency's length (about two pages by default). */
export function tooLong(draft: DraftSections, settings: CheckerSettings): RawFinding[] {
  const max = typeof settings.maxLength === 'number' && settings.maxLength > 0 ? settings.maxLength : DEFAULT_MAX_LENGTH;
  const characters = countCharacters(allText(draft).replace(/\s+/g, ' ').trim());
  if (characters <= max) return [];
  return [
    {
      rule: 'too_long',
      section: 'summary',
      itemIndex: null,
      issueId: null,
      message: `The plan has ${characters} characters, over the agency's length of ${max}: Amazon's reviewers read one to two pages`,
      excerpt: null,
    },
  ];
}

/** The draft section each Seller Central field is written from (additional information: the summary and documents). */
const FIELD_SECTION: Readonly<Record<SubmissionFieldKey, DraftSectionKey>> = {
  root_cause: 'rootCauses',
  corrective_actions: 'correctiveActions',
  preventive_measures: 'preventiveMeasures',
  additional_information: 'summary',
};

/** field_over_limit: each Seller Central field as pasted, against the agency's limits. */
export function fieldsOverLimit(draft: DraftSections, facts: CaseFacts): RawFinding[] {
  if (!facts.limits || !Object.values(facts.limits).some((limit) => typeof limit === 'number')) return [];
  const pack = buildSubmission(draft, {
    asins: facts.asins,
    fileNames: facts.fileNames,
    limits: facts.limits,
    groupOf: groupByIssue(facts.issues ?? []),
  });
  return pack.fields.filter(isOverLimit).map((field) => ({
    rule: 'field_over_limit',
    section: FIELD_SECTION[field.key],
    itemIndex: null,
    issueId: null,
    message: `The Seller Central field "${field.label}" has ${field.characters} characters, over its limit of ${field.limit}`,
    excerpt: null,
  }));
}
