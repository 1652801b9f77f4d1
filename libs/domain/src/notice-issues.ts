import type { MarketplaceCode } from './marketplaces';
import { ASIN_PATTERN, detectMarketplace, ORDER_ID_PATTERN, VIOLATION_KEYWORDS } from './notice-parser';
import type { ViolationType } from './violations';

/** What the notice took away: the whole account, some listings, or nothing yet (a warning about the account). */
export const NOTICE_SCOPES = ['account', 'listing', 'selling_privileges'] as const;
export type NoticeScope = (typeof NOTICE_SCOPES)[number];

export interface NoticeIssue {
  violationType: ViolationType;
  asins: string[];
  orderIds: string[];
  /** The sentence of the notice that names the issue. */
  excerpt: string;
}

/** Who complained, for intellectual-property notices (the retraction has to come from them). */
export interface NoticeComplaint {
  complaintId: string | null;
  rightsOwner: string | null;
  contactEmail: string | null;
}

export interface NoticeParse {
  marketplace: MarketplaceCode | null;
  /** The notice cites Section 3 of the Business Solutions Agreement (the clause, not a violation type). */
  section3: boolean;
  scope: NoticeScope | null;
  /** The deadline the notice sets ("within 17 days"), counted from when it was received; null when it sets none. */
  dueAt: string | null;
  /** How far back the invoices Amazon asks for may go ("dated within the last 365 days"). */
  documentWindowDays: number | null;
  /** How long Amazon says it may hold the seller's funds. */
  fundsHoldDays: number | null;
  /** One per problem the notice names, in the order the notice names them. */
  issues: NoticeIssue[];
  complaint: NoticeComplaint | null;
}

interface Hit {
  type: ViolationType;
  at: number;
}

interface Sentence {
  start: number;
  end: number;
  text: string;
}

const SECTION_3 = /\bsection\s+3\b/i;
const DEADLINE = /\bwithin\s+(?:the\s+next\s+)?(?:[a-z-]+\s+)?\(?(\d{1,3})\)?\s*(hours?|days?)\b/gi;
/** "dated within 365 days", "issued within the last 90 days": a window for documents, not a deadline. */
const NOT_A_DEADLINE_BEFORE = /\b(?:dated|issued|purchased|bought)\s+$/i;
const DOCUMENT_WINDOW =
  /\b(?:(?:dated|issued|purchased)\s+(?:with)?in\s+(?:the\s+)?(?:(?:last|past|previous|preceding)\s+)?|(?:in|from|within|over|during)\s+the\s+(?:last|past|previous|preceding)\s+)(?:[a-z-]+\s+)?\(?(\d{1,3})\)?\s+days\b/i;
const DOCUMENTS = /\b(?:invoices?|receipts?|purchase orders?|documents?)\b/i;
const FUNDS_HELD = /\bfunds?\b[^.]*?\b(?:hold|held|withh[eo]ld\w*|reserve)\b[^.]*?\(?(\d{1,3})\)?\s+days\b/i;

// Checked in this order ("(?:[^.\n]|\.(?=\w))" stays in the sentence but crosses the dots of "Amazon.com"): a notice that deactivates the account often also mentions its listings.
const SCOPE_PATTERNS: readonly [NoticeScope, RegExp][] = [
  [
    'selling_privileges',
    /\b(?:selling privileges(?:[^.\n]|\.(?=\w)){0,60}?(?:have been|has been|were|are) (?:removed|deactivated|suspended|revoked|on hold)|(?:removed|deactivated|suspended) your (?:selling privileges|(?:[\w.]+ )?selling account|account)|(?:selling )?account has been (?:deactivated|suspended))\b/i,
  ],
  [
    'listing',
    /\b(?:(?:listings?|ASINs?|detail pages?|offers?|products?)\b(?:[^.\n]|\.(?=\w)){0,60}?(?:have|has) been (?:removed|deactivated|suppressed|blocked)|(?:removed|deactivated|suppressed) (?:these|the|your|this|some) (?:listings?|ASINs?|offers?)|the listing has been suppressed)\b/i,
  ],
  [
    'account',
    /\b(?:(?:account|selling privileges)(?:[^.\n]|\.(?=\w)){0,60}?(?:(?:is|are) at risk|may be deactivated|could be deactivated)|at risk of deactivation|reviewing your account|account (?:is )?under review|policy warning)\b/i,
  ],
];

const RIGHTS_OWNER = /^\s*(?:rights owner(?: name)?|complainant|brand owner)\s*:\s*(.+?)\s*$/im;
const COMPLAINT_ID = /\b(?:complaint|reference|notice)\s+(?:ID|number)\s*:?\s*#?\s*([A-Za-z0-9-]{4,40})\b/i;
const OWNER_EMAIL =
  /^\s*(?:rights owner(?:'s)? e-?mail|complainant e-?mail|contact e-?mail|e-?mail)\s*:\s*([^\s@]+@[^\s@]+\.[A-Za-z]{2,})\s*$/im;

const EXCERPT_MAX = 300;

/**
 * Reads a pasted Amazon notice: where, how serious, by when, and each issue it names with the ASINs and order ids that
 * belong to it. Pure: `receivedAt` is when the notice arrived (deadlines count from it).
 */
export function parseNoticeIssues(text: string, receivedAt: Date): NoticeParse {
  const sentences = splitSentences(text);
  const hits = violationHits(text);
  const section3 = SECTION_3.test(text);
  const scope = detectScope(text);
  const types = [...new Map(hits.map((h) => [h.type, h])).values()].sort((a, b) => a.at - b.at).map((h) => h.type);

  const asinRefs = occurrences(text, ASIN_PATTERN);
  const orderRefs = occurrences(text, ORDER_ID_PATTERN);
  // A Section 3 deactivation with no other cause named is a code-of-conduct matter; a notice that names nothing we
  // know but concerns the account or some ASINs still is one issue.
  if (types.length === 0 && (section3 || scope || asinRefs.length > 0 || orderRefs.length > 0))
    types.push(section3 ? 'code_of_conduct' : 'other');

  const issues: NoticeIssue[] = types.map((type) => {
    const first = hits.find((h) => h.type === type);
    return { violationType: type, asins: [], orderIds: [], excerpt: first ? excerptAt(sentences, first.at) : excerptOf(sentences) };
  });
  if (issues.length > 0) {
    const owner = (at: number) => issues[types.indexOf(ownerType(hits, sentences, at) ?? types[0])];
    for (const ref of asinRefs) pushUnique(owner(ref.at).asins, ref.value);
    for (const ref of orderRefs) pushUnique(owner(ref.at).orderIds, ref.value);
  }

  const hours = deadlineHours(text);
  return {
    marketplace: detectMarketplace(text) ?? null,
    section3,
    scope,
    dueAt: hours === null ? null : new Date(receivedAt.getTime() + hours * 3_600_000).toISOString(),
    documentWindowDays: documentWindowDays(sentences),
    fundsHoldDays: numberIn(FUNDS_HELD, text),
    issues,
    complaint: types.includes('intellectual_property') ? complaintOf(text) : null,
  };
}

function violationHits(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const [type, pattern] of VIOLATION_KEYWORDS) {
    for (const match of text.matchAll(pattern)) {
      // Section 3 is the clause Amazon acts under, not a cause: it is reported as `section3`.
      if (SECTION_3.test(match[0])) continue;
      hits.push({ type, at: match.index });
    }
  }
  return hits.sort((a, b) => a.at - b.at);
}

/**
 * Which issue a reference at `at` belongs to: the issue named in its own sentence, else the last one named before it
 * (lists follow their heading), else the first named after it.
 */
function ownerType(hits: Hit[], sentences: Sentence[], at: number): ViolationType | undefined {
  const sentence = sentences.find((s) => s.start <= at && at < s.end);
  const inSentence = sentence && hits.find((h) => h.at >= sentence.start && h.at < sentence.end);
  if (inSentence) return inSentence.type;
  const before = hits.filter((h) => h.at < at).pop();
  return before?.type ?? hits.find((h) => h.at > at)?.type;
}

function detectScope(text: string): NoticeScope | null {
  const flat = text.replace(/\s+/g, ' ');
  for (const [scope, pattern] of SCOPE_PATTERNS) if (pattern.test(flat)) return scope;
  return null;
}

function deadlineHours(text: string): number | null {
  for (const match of text.matchAll(DEADLINE)) {
    const before = text.slice(Math.max(0, match.index - 20), match.index);
    if (NOT_A_DEADLINE_BEFORE.test(before)) continue;
    const sentence = text.slice(text.lastIndexOf('.', match.index) + 1, match.index);
    if (/\bfunds?\b/i.test(sentence)) continue;
    const amount = Number(match[1]);
    return match[2].toLowerCase().startsWith('day') ? amount * 24 : amount;
  }
  return null;
}

function documentWindowDays(sentences: Sentence[]): number | null {
  for (const sentence of sentences) {
    if (!DOCUMENTS.test(sentence.text)) continue;
    const days = numberIn(DOCUMENT_WINDOW, sentence.text);
    if (days !== null) return days;
  }
  return null;
}

function complaintOf(text: string): NoticeComplaint | null {
  const complaint = {
    complaintId: COMPLAINT_ID.exec(text)?.[1] ?? null,
    rightsOwner: RIGHTS_OWNER.exec(text)?.[1] ?? null,
    contactEmail: OWNER_EMAIL.exec(text)?.[1] ?? null,
  };
  return complaint.complaintId || complaint.rightsOwner || complaint.contactEmail ? complaint : null;
}

function numberIn(pattern: RegExp, text: string): number | null {
  const match = pattern.exec(text);
  return match ? Number(match[1]) : null;
}

/** Sentences, with lines as boundaries too (notices list ASINs and orders one per line). */
function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const boundary = /[.!?](?=\s)|\n\s*\n|\n(?=\s*(?:\d+\)|[-*•]|ASIN|Orders?\b|[A-Z][\w ]{0,30}:))/g;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].length;
    sentences.push({ start, end, text: text.slice(start, end) });
    start = end;
  }
  if (start < text.length) sentences.push({ start, end: text.length, text: text.slice(start) });
  return sentences;
}

function excerptAt(sentences: Sentence[], at: number): string {
  const sentence = sentences.find((s) => s.start <= at && at < s.end);
  return clean(sentence?.text ?? '');
}

function excerptOf(sentences: Sentence[]): string {
  return clean(sentences.find((s) => s.text.trim() !== '' && !/^\s*(?:hello|dear|hi)\b[^.]*$/i.test(s.text))?.text ?? '');
}

function clean(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_MAX ? `${flat.slice(0, EXCERPT_MAX - 1)}…` : flat;
}

function occurrences(text: string, pattern: RegExp): { value: string; at: number }[] {
  return [...text.matchAll(pattern)].map((m) => ({ value: m[0].toUpperCase(), at: m.index }));
}

function pushUnique(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}
