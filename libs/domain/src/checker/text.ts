import type { DraftSectionKey, DraftSections } from '../draft';
import type { RawFinding } from './types';

/** One piece of prose of the draft: the summary, a list item's text, or a document's description. */
export interface ProseLine {
  section: DraftSectionKey;
  itemIndex: number | null;
  issueId: string | null;
  text: string;
}

export function proseLines(draft: DraftSections): ProseLine[] {
  const lines: ProseLine[] = [{ section: 'summary', itemIndex: null, issueId: null, text: draft.summary }];
  draft.rootCauses.forEach((item, i) =>
    lines.push({ section: 'rootCauses', itemIndex: i, issueId: item.issueId ?? null, text: item.text }),
  );
  draft.correctiveActions.forEach((item, i) =>
    lines.push({ section: 'correctiveActions', itemIndex: i, issueId: item.issueId ?? null, text: item.text }),
  );
  draft.preventiveMeasures.forEach((item, i) =>
    lines.push({ section: 'preventiveMeasures', itemIndex: i, issueId: null, text: item.text }),
  );
  draft.supportingDocuments.forEach((doc, i) =>
    lines.push({ section: 'supportingDocuments', itemIndex: i, issueId: null, text: doc.description }),
  );
  return lines.filter((line) => line.text.trim() !== '');
}

export function allText(draft: DraftSections): string {
  return [
    draft.summary,
    ...draft.rootCauses.map((r) => r.text),
    ...draft.correctiveActions.map((c) => c.text),
    ...draft.preventiveMeasures.flatMap((p) => [p.text, p.owner, p.frequency]),
    ...draft.supportingDocuments.map((d) => d.description),
  ].join('\n');
}

// A full stop after these does not end a sentence ("Mr. Will Smith", "Acme Co. Ltd.", "No. 4").
const ABBREVIATIONS =
  /(?:\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|St|Sr|Jr|Co|Ltd|Inc|Pty|Pvt|No|Nos|approx|e\.g|i\.e|etc|vs|Fig|Ref|Dept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z])\.$/;

/** The sentences of a text: split after . ! ? (not after a title or an initial) and at line breaks. */
export function sentencesOf(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\n+/)) {
    let current = '';
    for (const part of line.split(/(?<=[.!?])\s+/)) {
      current = current ? `${current} ${part}` : part;
      if (!ABBREVIATIONS.test(current)) {
        if (current.trim()) out.push(current.trim());
        current = '';
      }
    }
    if (current.trim()) out.push(current.trim());
  }
  return out;
}

/** A sentence compared across drafts: lower case, letters and digits only, single spaces. */
export function normaliseSentence(sentence: string): string {
  return sentence
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Shorter sentences ("We apologise.") are everyone's: only longer ones count as reused. */
export const MIN_COMPARED_WORDS = 6;

/** The normalised sentences of a draft long enough to compare across clients. */
export function comparableSentences(draft: DraftSections): string[] {
  return [
    ...new Set(
      proseLines(draft)
        .flatMap((line) => sentencesOf(line.text))
        .map(normaliseSentence)
        .filter((s) => s.split(' ').length >= MIN_COMPARED_WORDS),
    ),
  ];
}

/** Quoted words are someone else's (a buyer's question, a listing claim): tone and tense rules skip them. */
export function withoutQuotes(text: string): string {
  return text.replace(/"[^"\n]*"|“[^”\n]*”|‘[^’\n]*’|(?<![A-Za-z])'[^'\n]*'(?![A-Za-z])/g, ' … ');
}

export function excerptOf(text: string, max = 120): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

export function at(line: ProseLine): Pick<RawFinding, 'section' | 'itemIndex' | 'issueId'> {
  return { section: line.section, itemIndex: line.itemIndex, issueId: line.issueId };
}

export function firstMatch(patterns: readonly RegExp[], text: string): string | null {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) return match[0];
  }
  return null;
}

/** YYYY-MM-DD of a date or ISO string (UTC), or null. */
export function isoDay(value: string | Date | null | undefined): string | null {
  if (!value) return null;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
