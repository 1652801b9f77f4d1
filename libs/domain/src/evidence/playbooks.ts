import type { DraftSections } from '../draft';
import { starterDraft } from '../starters';
import { violationTypeInfo, VIOLATION_TYPES, type ViolationType } from '../violations';

export const EVIDENCE_ACCEPTS = ['pdf', 'image'] as const;
export type EvidenceAccept = (typeof EVIDENCE_ACCEPTS)[number];

/** Items whose structured fields are captured beside the file: invoices and letters of authorisation. */
export const EVIDENCE_KINDS = ['invoice', 'authorisation', 'other'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export interface PlaybookEvidenceItem {
  key: string;
  label: string;
  /** What the document shows Amazon's reviewer. */
  proves: string;
  required: boolean;
  /** Asked of the client in the portal ("Documents we need from you"). */
  askClient: boolean;
  accepts: EvidenceAccept[];
  kind: EvidenceKind;
}

/** How the agency works one violation type: where a new case's draft, checklist and deadline come from. */
export interface Playbook {
  starterDraft: DraftSections;
  evidence: PlaybookEvidenceItem[];
  deadlineHours: number;
  guidance: string;
}

const INVOICE_KEYS: ReadonlySet<string> = new Set(['supplier_invoices']);
const AUTHORISATION_KEYS: ReadonlySet<string> = new Set(['letter_of_authorization']);

/** The kind of a catalogue item by its key (invoices and letters of authorisation have fields of their own). */
export function evidenceKindOf(key: string): EvidenceKind {
  if (INVOICE_KEYS.has(key)) return 'invoice';
  if (AUTHORISATION_KEYS.has(key)) return 'authorisation';
  return 'other';
}

/**
 * Documents only the seller holds (their purchases, contracts, bank, brand and laboratory papers): the portal asks the
 * client for these. The rest (reports, screenshots, order lists) the agency assembles from Seller Central.
 */
const ASK_CLIENT: ReadonlySet<string> = new Set([
  'supplier_invoices',
  'letter_of_authorization',
  'supplier_details',
  'sourcing_records',
  'contracts',
  'bank_records',
  'cpc',
  'lab_report',
  'retraction',
  'non_infringement',
  'carrier_records',
  'carrier_pickup',
  'qc_checklist',
]);

/** Useful but not what the notice turns on: the checker does not hold the case back for these. */
const OPTIONAL: ReadonlySet<string> = new Set(['supplier_details', 'screenshots', 'non_infringement', 'carrier_pickup']);

const GUIDANCE: Partial<Record<ViolationType, string>> = {
  product_authenticity:
    'Invoices from the supplier dated within the window the notice names (365 days, some reviews 90), showing the supplier’s name, address, phone and website, and quantities covering the units sold. No retail receipts; a letter of authorisation from the brand helps.',
  intellectual_property:
    'The rights owner withdraws the complaint by writing to Amazon from the address of the complaint; forwarded or attached retractions are not accepted.',
  restricted_products: 'Remove the claims from every listing (not just out of stock) before writing: the notice allows 72 hours.',
  product_safety: 'Upload certificates and test reports in Manage Your Compliance, not in the appeal.',
  related_accounts: 'Show the link is gone: a closed bank account, a new address, ended contracts.',
  code_of_conduct: 'Zero tolerance: state facts, never deny what the notice shows.',
};

/** The built-in playbook of a violation type, from the catalogue (typical root causes, evidence, deadline). */
export function defaultPlaybook(type: ViolationType): Playbook {
  const info = violationTypeInfo(type);
  return {
    starterDraft: starterDraft(type),
    evidence: info.evidence.map((item) => ({
      key: item.key,
      label: item.label,
      proves: item.proves,
      required: !OPTIONAL.has(item.key),
      askClient: ASK_CLIENT.has(item.key),
      accepts: [...EVIDENCE_ACCEPTS],
      kind: evidenceKindOf(item.key),
    })),
    deadlineHours: info.defaultDeadlineHours,
    guidance: GUIDANCE[type] ?? info.description,
  };
}

export const DEFAULT_PLAYBOOKS: Readonly<Record<ViolationType, Playbook>> = Object.fromEntries(
  VIOLATION_TYPES.map((v) => [v.key, defaultPlaybook(v.key)]),
) as Record<ViolationType, Playbook>;

/** The evidence of several playbooks as one checklist: the first playbook's order, each key once. */
export function mergeEvidence(lists: readonly (readonly PlaybookEvidenceItem[])[]): PlaybookEvidenceItem[] {
  const seen = new Set<string>();
  const merged: PlaybookEvidenceItem[] = [];
  for (const item of lists.flat()) {
    if (seen.has(item.key)) continue;
    seen.add(item.key);
    merged.push(item);
  }
  return merged;
}

/** The sentences of a starter draft, as the checker compares a draft with them (text left unedited). */
export function templateSentences(draft: DraftSections): string[] {
  const texts = [
    draft.summary,
    ...draft.rootCauses.map((r) => r.text),
    ...draft.correctiveActions.map((a) => a.text),
    ...draft.preventiveMeasures.map((m) => m.text),
  ];
  const sentences = texts.flatMap((text) =>
    text
      .split(/(?<=[.!?\]])\s+/)
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
  );
  return [...new Set(sentences)];
}
