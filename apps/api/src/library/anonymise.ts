import type { DraftSections } from '@poa/domain';

export const PLACEHOLDERS = { client: '{{CLIENT}}', sellerId: '{{SELLER_ID}}', asin: '{{ASIN}}', orderId: '{{ORDER_ID}}' } as const;

/** What identifies the seller in a plan: the client's and its contacts' names, its seller ids, ASINs and order ids. */
export interface Identifiers {
  names: readonly string[];
  sellerIds: readonly string[];
  asins?: readonly string[];
  orderIds?: readonly string[];
}

/** ASINs as Amazon gives them for products (B0 and eight more letters or digits). */
const ASIN = /\bB0[A-Z0-9]{8}\b/gi;
/** Amazon order ids: 3-7-7 digits. */
const ORDER_ID = /\b\d{3}-\d{7}-\d{7}\b/g;
/** Merchant (seller) ids: A and 9 to 14 capitals and digits, at least one digit. */
const SELLER_ID = /\bA(?=[A-Z0-9]*\d)[A-Z0-9]{9,14}\b/g;
const LEGAL_SUFFIX =
  /[\s,]+(?:llc|l\.l\.c\.|ltd\.?|limited|inc\.?|incorporated|corp\.?|co\.?|gmbh|kk|k\.k\.|sarl|s\.a\.r\.l\.|srl|s\.r\.l\.|sas|bv|b\.v\.|plc|pty ltd|ag)$/i;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each name as written, without its legal form ("Kaito Trading KK" -> "Kaito Trading"), and a person's name parts. */
function nameVariants(names: readonly string[]): string[] {
  const variants = new Set<string>();
  for (const raw of names) {
    const name = raw.trim();
    if (name.length < 3) continue;
    variants.add(name);
    const bare = name.replace(LEGAL_SUFFIX, '').trim();
    if (bare.length >= 3) variants.add(bare);
  }
  return [...variants].sort((a, b) => b.length - a.length);
}

/** Given names and surnames of people (contacts) on their own: "Nora" and "Northwind" of "Nora Northwind". */
function personParts(people: readonly string[]): string[] {
  return people.flatMap((p) => p.trim().split(/\s+/)).filter((part) => part.length >= 3 && /^\p{Lu}/u.test(part));
}

/**
 * Replaces what identifies the seller with placeholders: names ({{CLIENT}}), seller ids ({{SELLER_ID}}), ASINs
 * ({{ASIN}}) and order ids ({{ORDER_ID}}). The known values of the case are replaced wherever they appear, and any
 * other ASIN, order id or seller id by its shape; nothing else changes.
 */
export function anonymiseText(text: string, ids: Identifiers, people: readonly string[] = []): string {
  let out = text;
  for (const id of [...ids.sellerIds].filter((s) => s.trim()).sort((a, b) => b.length - a.length))
    out = out.replace(new RegExp(`\\b${escape(id.trim())}\\b`, 'gi'), PLACEHOLDERS.sellerId);
  for (const asin of ids.asins ?? []) out = out.replace(new RegExp(`\\b${escape(asin)}\\b`, 'gi'), PLACEHOLDERS.asin);
  for (const order of ids.orderIds ?? []) out = out.replace(new RegExp(`\\b${escape(order)}\\b`, 'g'), PLACEHOLDERS.orderId);
  out = out.replace(ASIN, PLACEHOLDERS.asin).replace(ORDER_ID, PLACEHOLDERS.orderId).replace(SELLER_ID, PLACEHOLDERS.sellerId);
  const word = (name: string, flags: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(name)}(?![\\p{L}\\p{N}])`, flags);
  // Whole words only, possessives kept ("Northwind's" -> "{{CLIENT}}'s"); full names in any case, a person's given
  // name or surname alone only as written (capitalised), so "Will" the name goes and "will" the word stays.
  for (const name of nameVariants([...ids.names, ...people])) out = out.replace(word(name, 'giu'), PLACEHOLDERS.client);
  for (const part of personParts(people)) out = out.replace(word(part, 'gu'), PLACEHOLDERS.client);
  return out;
}

/** A plan with every text field anonymised; dates, structure and everything else as they were. */
export function anonymiseSections(sections: DraftSections, ids: Identifiers, people: readonly string[] = []): DraftSections {
  const a = (text: string) => anonymiseText(text, ids, people);
  return {
    summary: a(sections.summary),
    rootCauses: sections.rootCauses.map((r) => ({ ...r, text: a(r.text) })),
    correctiveActions: sections.correctiveActions.map((c) => ({ ...c, text: a(c.text) })),
    preventiveMeasures: sections.preventiveMeasures.map((p) => ({ ...p, text: a(p.text), owner: a(p.owner), frequency: a(p.frequency) })),
    supportingDocuments: sections.supportingDocuments.map((d) => ({ ...d, description: a(d.description) })),
  };
}

/** The sentences of a plan's texts, as the checker compares them (at least a few words each). */
export function sentencesOf(sections: DraftSections): string[] {
  const texts = [
    sections.summary,
    ...sections.rootCauses.map((r) => r.text),
    ...sections.correctiveActions.map((c) => c.text),
    ...sections.preventiveMeasures.map((p) => p.text),
  ];
  const sentences = texts
    .flatMap((text) => text.split(/(?<=[.!?])\s+|\n+/))
    .map((s) => s.trim())
    .filter((s) => s.split(/\s+/).length >= 4);
  return [...new Set(sentences)];
}
