import { diffArrays, diffWords } from 'diff';

/** Dates are ISO `YYYY-MM-DD` strings. */
export interface RootCause {
  text: string;
  /** The case issue this root cause answers. */
  issueId?: string | null;
}
export interface CorrectiveAction {
  text: string;
  completedAt: string | null;
  issueId?: string | null;
}
export interface PreventiveMeasure {
  text: string;
  owner: string;
  startDate: string | null;
  frequency: string;
}
export interface SupportingDocument {
  attachmentId: string;
  description: string;
}

export interface DraftSections {
  summary: string;
  rootCauses: RootCause[];
  correctiveActions: CorrectiveAction[];
  preventiveMeasures: PreventiveMeasure[];
  supportingDocuments: SupportingDocument[];
}

export const DRAFT_SECTION_KEYS = ['summary', 'rootCauses', 'correctiveActions', 'preventiveMeasures', 'supportingDocuments'] as const;
export type DraftSectionKey = (typeof DRAFT_SECTION_KEYS)[number];
export type DraftListSectionKey = Exclude<DraftSectionKey, 'summary'>;
export const DRAFT_LIST_SECTION_KEYS = DRAFT_SECTION_KEYS.filter((k): k is DraftListSectionKey => k !== 'summary');

/** Field order of each list item: fixes the canonical JSON and the order of field diffs. */
const ITEM_FIELDS = {
  rootCauses: ['text', 'issueId'],
  correctiveActions: ['text', 'completedAt', 'issueId'],
  preventiveMeasures: ['text', 'owner', 'startDate', 'frequency'],
  supportingDocuments: ['attachmentId', 'description'],
} as const satisfies { [K in DraftListSectionKey]: readonly (keyof DraftSections[K][number])[] };

export function emptyDraft(): DraftSections {
  return { summary: '', rootCauses: [], correctiveActions: [], preventiveMeasures: [], supportingDocuments: [] };
}

type Item = Record<string, string | null>;

/** Left out of the canonical JSON while unset, so versions saved before they existed keep their SHA-256. */
const OPTIONAL_FIELDS: ReadonlySet<string> = new Set(['issueId']);

function canonicalItem(section: DraftListSectionKey, item: object): Item {
  const source = item as Record<string, unknown>;
  const canonical: Item = {};
  for (const field of ITEM_FIELDS[section]) {
    const value = source[field];
    if (typeof value === 'string') canonical[field] = value;
    else if (!OPTIONAL_FIELDS.has(field)) canonical[field] = null;
  }
  return canonical;
}

/**
 * JSON with a fixed key order and only the known fields, so that equal content always gives the
 * same bytes: the server hashes it (SHA-256) when a draft is approved.
 */
export function canonicalDraftJson(sections: DraftSections): string {
  const canonical: Record<string, unknown> = { summary: sections.summary };
  for (const key of DRAFT_LIST_SECTION_KEYS) {
    canonical[key] = sections[key].map((item) => canonicalItem(key, item));
  }
  return JSON.stringify(canonical);
}

/** One run of words: unchanged, added (only in `to`) or removed (only in `from`). */
export interface WordPart {
  value: string;
  added?: true;
  removed?: true;
}

export type ItemChangeKind = 'added' | 'removed' | 'changed' | 'unchanged';

export interface ItemChange<T> {
  kind: ItemChangeKind;
  /** Position in `to`, or in `from` for a removed item. */
  index: number;
  from?: T;
  to?: T;
  /** For changed items: a word diff of every field (null counts as empty text). */
  fields?: { [F in keyof T]?: WordPart[] };
}

export interface SectionChangeCounts {
  changed: boolean;
  /** Items (or, for the summary, runs of words) added, removed and edited. */
  added: number;
  removed: number;
  modified: number;
  unchanged: number;
}

export interface DraftDiff {
  summary: WordPart[];
  rootCauses: ItemChange<RootCause>[];
  correctiveActions: ItemChange<CorrectiveAction>[];
  preventiveMeasures: ItemChange<PreventiveMeasure>[];
  supportingDocuments: ItemChange<SupportingDocument>[];
  sectionChanged: Record<DraftSectionKey, SectionChangeCounts>;
}

/** Word diff; as in jsdiff's diffWords, unchanged runs carry the whitespace of the new text. */
export function diffText(from: string, to: string): WordPart[] {
  return diffWords(from, to).map((change) => {
    const part: WordPart = { value: change.value };
    if (change.added) part.added = true;
    if (change.removed) part.removed = true;
    return part;
  });
}

export function diffDrafts(from: DraftSections, to: DraftSections): DraftDiff {
  const summary = diffText(from.summary, to.summary);
  const rootCauses = diffList('rootCauses', from.rootCauses, to.rootCauses);
  const correctiveActions = diffList('correctiveActions', from.correctiveActions, to.correctiveActions);
  const preventiveMeasures = diffList('preventiveMeasures', from.preventiveMeasures, to.preventiveMeasures);
  const supportingDocuments = diffList('supportingDocuments', from.supportingDocuments, to.supportingDocuments);
  return {
    summary,
    rootCauses,
    correctiveActions,
    preventiveMeasures,
    supportingDocuments,
    sectionChanged: {
      summary: countWordParts(summary),
      rootCauses: countItems(rootCauses),
      correctiveActions: countItems(correctiveActions),
      preventiveMeasures: countItems(preventiveMeasures),
      supportingDocuments: countItems(supportingDocuments),
    },
  };
}

/**
 * Aligns the two lists on identical items; a run of removed items followed by a run of added ones
 * is paired up as edits ("changed"), the surplus stays removed or added.
 */
function diffList<K extends DraftListSectionKey>(
  section: K,
  fromItems: DraftSections[K],
  toItems: DraftSections[K],
): ItemChange<DraftSections[K][number]>[] {
  type T = DraftSections[K][number];
  const key = (item: T) => JSON.stringify(canonicalItem(section, item));
  const runs = diffArrays(fromItems.map(key), toItems.map(key));
  const changes: ItemChange<T>[] = [];
  let fromIndex = 0;
  let toIndex = 0;
  let pendingRemoved: number[] = [];

  const flushRemoved = () => {
    for (const i of pendingRemoved) changes.push({ kind: 'removed', index: i, from: fromItems[i] });
    pendingRemoved = [];
  };

  for (const run of runs) {
    const count = run.value.length;
    if (run.removed) {
      for (let n = 0; n < count; n++) pendingRemoved.push(fromIndex++);
    } else if (run.added) {
      for (let n = 0; n < count; n++) {
        const i = toIndex++;
        const paired = pendingRemoved.shift();
        if (paired === undefined) {
          changes.push({ kind: 'added', index: i, to: toItems[i] });
        } else {
          const before = fromItems[paired];
          const after = toItems[i];
          changes.push({ kind: 'changed', index: i, from: before, to: after, fields: diffFields(section, before, after) });
        }
      }
      flushRemoved();
    } else {
      flushRemoved();
      for (let n = 0; n < count; n++) {
        changes.push({ kind: 'unchanged', index: toIndex, from: fromItems[fromIndex], to: toItems[toIndex] });
        fromIndex++;
        toIndex++;
      }
    }
  }
  flushRemoved();
  return changes;
}

function diffFields<T extends object>(section: DraftListSectionKey, before: T, after: T): ItemChange<T>['fields'] {
  const a = canonicalItem(section, before);
  const b = canonicalItem(section, after);
  const fields: Record<string, WordPart[]> = {};
  for (const field of ITEM_FIELDS[section]) fields[field] = diffText(a[field] ?? '', b[field] ?? '');
  return fields as ItemChange<T>['fields'];
}

function countItems(changes: ItemChange<unknown>[]): SectionChangeCounts {
  const count = (kind: ItemChangeKind) => changes.filter((c) => c.kind === kind).length;
  const counts = { added: count('added'), removed: count('removed'), modified: count('changed'), unchanged: count('unchanged') };
  return { changed: counts.added + counts.removed + counts.modified > 0, ...counts };
}

function countWordParts(parts: WordPart[]): SectionChangeCounts {
  const added = parts.filter((p) => p.added).length;
  const removed = parts.filter((p) => p.removed).length;
  const unchanged = parts.length - added - removed;
  return { changed: added + removed > 0, added, removed, modified: 0, unchanged };
}
