import type { DraftSectionKey, DraftSections } from './draft';
import { buildSubmission, isOverLimit, type SubmissionFieldKey, type SubmissionOptions } from './submission';
import { isViolationType, violationLabel, type ViolationType } from './violations';

export type CheckSeverity = 'error' | 'warning';

export type CheckRule =
  | 'required_section'
  | 'future_tense'
  | 'not_completed'
  | 'missing_owner'
  | 'missing_start_date'
  | 'missing_frequency'
  | 'vague'
  | 'blame'
  | 'emotive'
  | 'question'
  | 'template_placeholder'
  | 'missing_asin'
  | 'missing_evidence'
  | 'issue_without_root_cause'
  | 'field_over_limit';

export interface CheckIssue {
  rule: CheckRule;
  severity: CheckSeverity;
  section: DraftSectionKey;
  /** Item of a list section; absent for the summary and for whole-section issues. */
  index?: number;
  /** The case issue a finding is about. */
  issueId?: string;
  message: string;
}

/** A problem the notice names (a case has one or more). */
export interface CheckedIssue {
  id: string;
  violationType: string;
  asins: readonly string[];
}

export interface CheckContext {
  asins: readonly string[];
  violationType?: ViolationType | null;
  issues?: readonly CheckedIssue[];
  /** The agency's Seller Central field limits; a field over its limit is a warning. */
  limits?: SubmissionOptions['limits'];
  /** Attachment file names by id: the additional-information field lists them, so they count towards its limit. */
  fileNames?: SubmissionOptions['fileNames'];
}

/** The draft section each Seller Central field is written from (additional information: the summary and documents). */
const FIELD_SECTION: Readonly<Record<SubmissionFieldKey, DraftSectionKey>> = {
  root_cause: 'rootCauses',
  corrective_actions: 'correctiveActions',
  preventive_measures: 'preventiveMeasures',
  additional_information: 'summary',
};

const REQUIRED_SECTIONS = [
  ['rootCauses', 'Root causes'],
  ['correctiveActions', 'Corrective actions'],
  ['preventiveMeasures', 'Preventive measures'],
] as const;

const FUTURE_TENSE = /\b(?:will|we['’]ll|shall|plan(?:s|ning)? to|going to|intend(?:s)? to)\b/i;
const VAGUE =
  /\b(?:do better|doing better|improve our (?:processes|process|procedures)|take care|taking care|try harder|be more careful|best efforts?|make sure (?:it|this) (?:does not|doesn['’]t|never) happens? again)\b/i;
const BLAME = [
  /\bamazon(?:['’]s)? (?:mistake|error|fault)\b/i,
  /\bamazon (?:wrongly|unfairly|mistakenly|incorrectly)\b/i,
  /\b(?:unfair(?:ly)?|unjust(?:ly)?|wrongful(?:ly)?|wrongly) (?:suspended|suspension|deactivated|deactivation|removed|removal|decision|flagged)\b/i,
  /\binvestigator\b[^.\n]*\b(?:wrong|mistaken|biased|failed|overlooked|ignored|did not|didn['’]t|misunderstood)\b/i,
  /\b(?:buyers?|customers?)(?:['’]s?)? (?:lied|lie|lying|are lying|was lying|were lying|abused|abusing|scammed|fault)\b/i,
  /\b(?:dishonest|fraudulent|malicious) (?:buyers?|customers?)\b/i,
  /\b(?:fake|false|bogus) (?:complaints?|claims?|reports?)\b/i,
  /\bcompetitors?\b/i,
  /\bsabotag\w*\b/i,
  // Blaming the delivery company: a root cause is what the seller controls (carrier choice, handling time, tracking).
  /\b(?:the )?(?:carrier|courier|delivery (?:company|service|partner|driver)|shipping (?:company|partner))(?:['’]s)? (?:fault|mistake|error)\b/i,
  /\b(?:the )?(?:carrier|courier|delivery (?:company|service|partner|driver)|shipping (?:company|partner))\b[^.\n]*\b(?:failed|lost|late|delayed|did not|didn['’]t|is to blame|was to blame|responsible)\b/i,
  /\b(?:blame|fault of|caused by|due to)\b[^.\n]*\b(?:the )?(?:carrier|courier)\b/i,
];
const EMOTIVE =
  /(?:!|\b(?:outraged?|frustrat\w*|devastat\w*|shock(?:ed|ing)|ridiculous|absurd|desperate(?:ly)?|beg(?:ging)?|heartbroken|angry|upset|disappointed|livelihood|please help|unacceptable|nightmare)\b)/i;
const TEMPLATE_PLACEHOLDER =
  /(?:\[[^\]\n]*(?:insert|your|name|date|asin|order|x{2,})[^\]\n]*\]|\{\{[^}]*\}\}|<\s*insert\b|\bX{3,}\b|\blorem ipsum\b)/i;

/** Violation types where Amazon expects documents (invoices, retractions, certificates). */
const EVIDENCE_REQUIRED: readonly ViolationType[] = ['product_authenticity', 'intellectual_property', 'product_safety'];

interface ProseLine {
  section: DraftSectionKey;
  index?: number;
  text: string;
}

export function checkDraft(sections: DraftSections, context: CheckContext): CheckIssue[] {
  const issues: CheckIssue[] = [];
  const push = (issue: CheckIssue) => issues.push(issue);

  for (const [key, label] of REQUIRED_SECTIONS) {
    if (!sections[key].some((item) => item.text.trim() !== '')) {
      push({ rule: 'required_section', severity: 'error', section: key, message: `${label} must not be empty` });
    }
  }

  sections.rootCauses.forEach((cause, index) => {
    const future = FUTURE_TENSE.exec(cause.text);
    if (future && !TEMPLATE_PLACEHOLDER.test(cause.text)) {
      push({
        rule: 'future_tense',
        severity: 'warning',
        section: 'rootCauses',
        index,
        message: `A root cause says what already happened: rewrite "${future[0]}" in the past tense`,
      });
    }
  });

  sections.correctiveActions.forEach((action, index) => {
    if (action.text.trim() === '') return;
    const future = FUTURE_TENSE.exec(action.text);
    if (future) {
      push({
        rule: 'future_tense',
        severity: 'warning',
        section: 'correctiveActions',
        index,
        message: `Corrective actions must already be done: rewrite "${future[0]}" in the past tense`,
      });
    }
    if (!action.completedAt) {
      push({
        rule: 'not_completed',
        severity: 'warning',
        section: 'correctiveActions',
        index,
        message: 'Corrective action has no completion date',
      });
    }
  });

  sections.preventiveMeasures.forEach((measure, index) => {
    if (measure.text.trim() === '') return;
    const missing = (rule: CheckRule, what: string) =>
      push({ rule, severity: 'warning', section: 'preventiveMeasures', index, message: `Preventive measure has no ${what}` });
    if (!measure.owner.trim()) missing('missing_owner', 'owner named');
    if (!measure.startDate) missing('missing_start_date', 'start date');
    if (!measure.frequency.trim()) missing('missing_frequency', 'check frequency');
  });

  for (const line of proseLines(sections)) checkProse(line, push);

  const draftText = allText(sections).toUpperCase();
  for (const asin of new Set(context.asins.map((a) => a.toUpperCase()))) {
    if (!draftText.includes(asin)) {
      push({
        rule: 'missing_asin',
        severity: 'warning',
        section: 'rootCauses',
        message: `ASIN ${asin} from the notice is not mentioned in the draft`,
      });
    }
  }

  for (const issue of issuesWithoutRootCause(sections, context.issues ?? [])) {
    const { index, violationType, asins } = issue;
    const label = isViolationType(violationType) ? violationLabel(violationType) : violationType;
    push({
      rule: 'issue_without_root_cause',
      severity: 'warning',
      section: 'rootCauses',
      issueId: issue.id,
      message: `Issue ${index + 1} (${label}${asins.length ? `: ${asins.join(', ')}` : ''}) has no root cause: Amazon wants one for each issue`,
    });
  }

  const types = new Set<string>([
    ...(context.violationType ? [context.violationType] : []),
    ...(context.issues ?? []).map((i) => i.violationType),
  ]);
  if (EVIDENCE_REQUIRED.some((t) => types.has(t)) && sections.supportingDocuments.length === 0) {
    push({
      rule: 'missing_evidence',
      severity: 'warning',
      section: 'supportingDocuments',
      message: 'This violation type needs supporting documents (invoices, authorizations, certificates or reports)',
    });
  }

  if (context.limits && Object.values(context.limits).some((limit) => typeof limit === 'number')) {
    const pack = buildSubmission(sections, { asins: context.asins, fileNames: context.fileNames, limits: context.limits });
    for (const field of pack.fields.filter(isOverLimit)) {
      push({
        rule: 'field_over_limit',
        severity: 'warning',
        section: FIELD_SECTION[field.key],
        message: `The Seller Central field "${field.label}" has ${field.characters} characters, over its limit of ${field.limit}`,
      });
    }
  }

  return issues;
}

/**
 * Issues no root cause is linked to. With a single issue, a root cause linked to none counts for it (drafts written
 * before issues existed); with several, each needs its own.
 */
function issuesWithoutRootCause(sections: DraftSections, issues: readonly CheckedIssue[]) {
  const written = sections.rootCauses.filter((r) => r.text.trim() !== '');
  const linked = new Set(written.map((r) => r.issueId).filter(Boolean));
  return issues
    .map((issue, index) => ({ ...issue, index }))
    .filter((issue) => !linked.has(issue.id) && !(issues.length === 1 && written.some((r) => !r.issueId)));
}

function checkProse(line: ProseLine, push: (issue: CheckIssue) => void): void {
  const at = line.index === undefined ? {} : { index: line.index };
  const warn = (rule: CheckRule, message: string) => push({ rule, severity: 'warning', section: line.section, ...at, message });

  const vague = VAGUE.exec(line.text);
  if (vague) warn('vague', `Vague wording "${vague[0]}": name dates, order IDs, ASINs, suppliers or numbers`);

  const blame = firstMatch(BLAME, line.text);
  if (blame) warn('blame', `"${blame}" reads as blaming others: own the problem`);

  const emotive = EMOTIVE.exec(line.text);
  if (emotive) warn('emotive', `Emotive language ("${emotive[0]}"): keep the tone factual`);

  if (line.text.split('\n').some((l) => l.trim().endsWith('?'))) {
    warn('question', 'Do not ask Amazon questions in a Plan of Action');
  }

  const placeholder = TEMPLATE_PLACEHOLDER.exec(line.text);
  if (placeholder) warn('template_placeholder', `Template text left unedited: "${placeholder[0]}"`);
}

function proseLines(sections: DraftSections): ProseLine[] {
  const lines: ProseLine[] = [{ section: 'summary', text: sections.summary }];
  const lists = ['rootCauses', 'correctiveActions', 'preventiveMeasures'] as const;
  for (const section of lists) {
    sections[section].forEach((item, index) => lines.push({ section, index, text: item.text }));
  }
  sections.supportingDocuments.forEach((doc, index) => lines.push({ section: 'supportingDocuments', index, text: doc.description }));
  return lines.filter((line) => line.text.trim() !== '');
}

function allText(sections: DraftSections): string {
  return [
    sections.summary,
    ...sections.rootCauses.map((r) => r.text),
    ...sections.correctiveActions.map((c) => c.text),
    ...sections.preventiveMeasures.map((p) => p.text),
    ...sections.supportingDocuments.map((d) => d.description),
  ].join('\n');
}

function firstMatch(patterns: readonly RegExp[], text: string): string | undefined {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) return match[0];
  }
  return undefined;
}
