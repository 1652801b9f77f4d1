import { starterDraft } from '../starters';
import { isViolationType } from '../violations';
import { at, excerptOf, MIN_COMPARED_WORDS, normaliseSentence, proseLines, sentencesOf, type ProseLine } from './text';
import type { CaseFacts, RawFinding } from './types';

/** Bracketed prompts and fill-in marks of starters and examples. */
const PLACEHOLDER =
  /\[[^\]\n]*(?:insert|your|name|date|asin|order|supplier|xx|describe|enter|add |what|how|e\.g\.|example|todo)[^\]\n]*\]|\{\{[^}]*\}\}|<\s*insert\b[^>]*>?|\bX{3,}\b|\blorem ipsum\b|\bTODO\b/i;

/** A starter sentence this short ("Cite: invoices.") could be anyone's: only longer ones must be rewritten. */
const MIN_TEMPLATE_WORDS = 4;

/** The sentences a case started from: given, or the built-in starter of each of its violation types. */
function templateSentences(facts: CaseFacts): Set<string> {
  const texts = facts.templateTexts ?? defaultTemplateTexts(facts);
  return new Set(
    texts
      .flatMap((text) => sentencesOf(text))
      .map(normaliseSentence)
      .filter((s) => s.split(' ').length >= MIN_TEMPLATE_WORDS),
  );
}

export function defaultTemplateTexts(facts: Pick<CaseFacts, 'violationType' | 'issues'>): string[] {
  const types = new Set<string>([
    ...(facts.violationType ? [facts.violationType] : []),
    ...(facts.issues ?? []).map((i) => i.violationType),
  ]);
  return [...types].filter(isViolationType).flatMap((type) => proseLines(starterDraft(type)).map((line) => line.text));
}

/** template_text: placeholders, or sentences of the starter or example the case began from, left as they were. */
export function templateText(lines: readonly ProseLine[], facts: CaseFacts): RawFinding[] {
  const template = templateSentences(facts);
  return lines.flatMap((line) => {
    const placeholder = PLACEHOLDER.exec(line.text)?.[0];
    const unedited = placeholder ?? sentencesOf(line.text).find((s) => template.has(normaliseSentence(s)));
    return unedited
      ? [
          {
            rule: 'template_text' as const,
            ...at(line),
            message: 'Starter or example text left unedited: replace it with what happened in this case',
            excerpt: excerptOf(unedited),
          },
        ]
      : [];
  });
}

/** copied_text: a sentence of another client's approved plan (Amazon recognises recycled plans). */
export function copiedText(lines: readonly ProseLine[], facts: CaseFacts): RawFinding[] {
  const elsewhere = facts.sentencesElsewhere;
  if (!elsewhere) return [];
  const known = elsewhere instanceof Set ? elsewhere : new Set(elsewhere as readonly string[]);
  if (known.size === 0) return [];
  return lines.flatMap((line) => {
    const copied = sentencesOf(line.text).find((s) => {
      const normal = normaliseSentence(s);
      return normal.split(' ').length >= MIN_COMPARED_WORDS && known.has(normal);
    });
    return copied
      ? [
          {
            rule: 'copied_text' as const,
            ...at(line),
            message: "This sentence is in another client's approved plan: Amazon sees through recycled plans, write it for this case",
            excerpt: excerptOf(copied),
          },
        ]
      : [];
  });
}
