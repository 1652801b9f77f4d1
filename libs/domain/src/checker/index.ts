import type { DraftSections } from '../draft';
import { authorisationChecks, invoiceChecks, missingEvidence } from './evidence';
import { blame, emotive, questionsToAmazon, salesTalk, supportCaseReferences, vague } from './language';
import { measureParts } from './measures';
import { copiedText, templateText } from './originality';
import { fieldsOverLimit, identifiersNotAddressed, issuesWithoutRootCause, requiredSections, tooLong } from './structure';
import { completionDates, notPastTense } from './tense';
import { proseLines } from './text';
import {
  DEFAULT_RULE_SEVERITIES,
  FINDING_SEVERITIES,
  type CaseFacts,
  type CheckerRule,
  type CheckerSettings,
  type Finding,
  type FindingSeverity,
  type RawFinding,
} from './types';

export * from './types';
export { comparableSentences, normaliseSentence, sentencesOf } from './text';
export { futureWords } from './tense';
export { blameIn, isSpecific } from './language';
export { isRealCadence } from './measures';
export { defaultTemplateTexts } from './originality';
export { sameCompany } from './evidence';

const RANK: Readonly<Record<FindingSeverity, number>> = { error: 0, warning: 1, tip: 2 };

/** The severity a tenant gives a rule (default: libs/domain's), or null when the rule is off. */
export function ruleSeverity(rule: CheckerRule, settings: CheckerSettings = {}): FindingSeverity | null {
  const chosen = settings.rules?.[rule];
  if (chosen === 'off') return null;
  return chosen && (FINDING_SEVERITIES as readonly string[]).includes(chosen) ? (chosen as FindingSeverity) : DEFAULT_RULE_SEVERITIES[rule];
}

/**
 * The POA checker: every finding on a draft, given what is known of the case and the agency's settings. Pure: the
 * editor runs it as the writer types, the API answers it and gates sending on its errors.
 */
export function check(draft: DraftSections, facts: CaseFacts = {}, settings: CheckerSettings = {}): Finding[] {
  const lines = proseLines(draft);
  const raw: RawFinding[] = [
    ...requiredSections(draft),
    ...issuesWithoutRootCause(draft, facts),
    ...identifiersNotAddressed(draft, facts),
    ...notPastTense(draft),
    ...completionDates(draft, facts),
    ...measureParts(draft),
    ...vague(lines),
    ...blame(lines),
    ...emotive(lines),
    ...questionsToAmazon(lines),
    ...salesTalk(lines),
    ...supportCaseReferences(lines),
    ...tooLong(draft, settings),
    ...fieldsOverLimit(draft, facts),
    ...templateText(lines, facts),
    ...copiedText(lines, facts),
    ...missingEvidence(draft, facts),
    ...invoiceChecks(facts),
    ...authorisationChecks(facts),
  ];
  const findings: Finding[] = [];
  for (const { severity: cap, ...finding } of raw) {
    const severity = ruleSeverity(finding.rule, settings);
    if (!severity) continue;
    findings.push({ ...finding, severity: cap && RANK[cap] > RANK[severity] ? cap : severity });
  }
  return findings;
}

/** Errors first, then warnings, then tips; otherwise in the draft's order. */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

export function errorsOf(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error');
}
