import type { DraftSections } from '../draft';
import { addDays, excerptOf, isoDay, sentencesOf, withoutQuotes } from './text';
import type { CaseFacts, RawFinding } from './types';

/** "will" as a modal verb, not a noun ("good will", "at will") and not a name (see `futureWords`). */
const MODAL_WILL = /\b(?:will|shall)\b(?!\s+power\b)/g;
const WILL_NOUN_BEFORE = /\b(?:good|ill|free|at|last|own|the|of|with)\s*$/i;
const TITLE_BEFORE = /\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sir|Uncle|Aunt)\.?\s*$/;

const PROMISES: readonly RegExp[] = [
  /\b(?:we|i|they|he|she|it|you|staff|team)['’]ll\b/i,
  /\bwon['’]t\b/i,
  /\b(?:am|are|is|['’]re|['’]s)\s+going\s+to\s+(?!(?:the|a|an|our|their|your|his|her|its|each|every|all|some|be\s+\w+ed\b)\b)[a-z]+/i,
  /\b(?:plan(?:s|ning)?|intend(?:s|ing)?|aim(?:s|ing)?|hope(?:s|ing)?|promise(?:s)?|commit(?:s)?|want(?:s)?)\s+to\b/i,
  /\bhopefully\b/i,
  /\b(?:try|trying)\s+to\b/i,
  /\bsoon\b/i,
  /\bin the (?:near )?future\b/i,
  /\bgoing forward\b/i,
  /\bfrom now on\b/i,
  /\bnext (?:week|month|quarter|year)\b/i,
  /\b(?:are|is|am)\s+(?:currently\s+|now\s+|still\s+)?(?:working on|in the process of|looking into|about to)\b/i,
];

/**
 * The first word of future or promise language, or null. "Will" with a capital is a name ("Will Smith", "Mr. Will",
 * "asked Will to") unless it starts a sentence and a lower-case word follows ("Will ship" is a promise).
 */
export function futureWords(text: string): string | null {
  const plain = withoutQuotes(text);
  for (const sentence of sentencesOf(plain)) {
    for (const match of sentence.matchAll(MODAL_WILL)) {
      const before = sentence.slice(0, match.index);
      if (WILL_NOUN_BEFORE.test(before)) continue;
      return sentence.slice(match.index, match.index + match[0].length + 30).split(/[,.;]/)[0];
    }
    const capital = /\bWill\b\s+(\S+)/.exec(sentence);
    if (capital && capital.index === 0 && /^[a-z]/.test(capital[1]) && !TITLE_BEFORE.test(sentence.slice(0, capital.index))) {
      return `Will ${capital[1]}`;
    }
    for (const pattern of PROMISES) {
      const found = pattern.exec(sentence);
      if (found) return found[0];
    }
  }
  return null;
}

/** not_past_tense: corrective actions are done (past tense); root causes say what happened, without promises. */
export function notPastTense(draft: DraftSections): RawFinding[] {
  const sections = [
    {
      section: 'rootCauses' as const,
      items: draft.rootCauses,
      message: (words: string) => `A root cause says what already happened, not what you will do: remove "${excerptOf(words, 40)}"`,
    },
    {
      section: 'correctiveActions' as const,
      items: draft.correctiveActions,
      message: (words: string) => `Corrective actions must already be done: rewrite "${excerptOf(words, 40)}" in the past tense`,
    },
  ];
  return sections.flatMap(({ section, items, message }) =>
    items.flatMap((item, i): RawFinding[] => {
      const words = futureWords(item.text);
      return words
        ? [{ rule: 'not_past_tense', section, itemIndex: i, issueId: item.issueId ?? null, message: message(words), excerpt: words }]
        : [];
    }),
  );
}

/**
 * completion_in_future and completion_missing. A day of grace: a seller in Sydney finishes "today" while it is still
 * yesterday in UTC.
 */
export function completionDates(draft: DraftSections, facts: CaseFacts): RawFinding[] {
  const today = isoDay(facts.now);
  const findings: RawFinding[] = [];
  draft.correctiveActions.forEach((action, i) => {
    if (action.text.trim() === '') return;
    const base = { section: 'correctiveActions' as const, itemIndex: i, issueId: action.issueId ?? null };
    const done = isoDay(action.completedAt);
    if (!done) {
      findings.push({ ...base, rule: 'completion_missing', message: 'Corrective action has no completion date', excerpt: null });
    } else if (today && done > addDays(today, 1)) {
      findings.push({
        ...base,
        rule: 'completion_in_future',
        message: `Completed on ${done}, which is still to come: list only what is already done`,
        excerpt: done,
      });
    }
  });
  return findings;
}
