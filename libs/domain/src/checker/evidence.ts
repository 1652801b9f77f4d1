import type { DraftSections } from '../draft';
import type { ViolationType } from '../violations';
import { addDays, isoDay } from './text';
import { DEFAULT_DOCUMENT_WINDOW_DAYS, type CaseFacts, type EvidenceFact, type RawFinding } from './types';

/** Violation types where Amazon expects documents, when the case has no evidence checklist. */
const EVIDENCE_REQUIRED: readonly ViolationType[] = ['product_authenticity', 'intellectual_property', 'product_safety'];

const base = (fact: EvidenceFact) => ({ section: 'supportingDocuments' as const, itemIndex: null, issueId: null, excerpt: fact.label });

/**
 * missing_evidence: required checklist items neither provided nor waived (items not required: a tip). Without a
 * checklist (`evidence` not given) a guess from the violation type, at most a warning.
 */
export function missingEvidence(draft: DraftSections, facts: CaseFacts): RawFinding[] {
  const evidence = facts.evidence;
  if (evidence === undefined) {
    const types = new Set<string>([
      ...(facts.violationType ? [facts.violationType] : []),
      ...(facts.issues ?? []).map((i) => i.violationType),
    ]);
    if (!EVIDENCE_REQUIRED.some((t) => types.has(t)) || draft.supportingDocuments.length > 0) return [];
    return [
      {
        rule: 'missing_evidence',
        section: 'supportingDocuments',
        itemIndex: null,
        issueId: null,
        message: 'This violation type needs supporting documents (invoices, authorisations, certificates or reports)',
        excerpt: null,
        severity: 'warning',
      },
    ];
  }
  return evidence
    .filter((fact) => fact.status === 'missing')
    .map((fact) => ({
      ...base(fact),
      rule: 'missing_evidence' as const,
      ...(fact.required ? {} : { severity: 'tip' as const }),
      message: fact.required ? `Required evidence missing: ${fact.label}` : `Evidence that would help: ${fact.label}`,
    }));
}

const blank = (value: string | null | undefined) => !value || value.trim() === '';

/** invoice_outside_window, invoice_quantity_short, invoice_missing_supplier_details for provided invoices. */
export function invoiceChecks(facts: CaseFacts): RawFinding[] {
  const notice = isoDay(facts.noticeReceivedAt);
  const windowDays = facts.documentWindowDays && facts.documentWindowDays > 0 ? facts.documentWindowDays : DEFAULT_DOCUMENT_WINDOW_DAYS;
  const findings: RawFinding[] = [];
  for (const fact of facts.evidence ?? []) {
    if (fact.status !== 'provided' || !(fact.kind === 'invoice' || fact.invoice)) continue;
    const invoice = fact.invoice ?? {};
    const missing = [
      blank(invoice.supplierName) && "supplier's name",
      blank(invoice.supplierAddress) && 'address',
      blank(invoice.supplierContact) && 'contact (phone, e-mail or website)',
    ].filter((x): x is string => typeof x === 'string');
    if (missing.length > 0)
      findings.push({
        ...base(fact),
        rule: 'invoice_missing_supplier_details',
        message: `${fact.label}: the invoice must show the supplier's ${missing.join(', ').replace(/^supplier's /, '')}`,
      });
    const date = isoDay(invoice.invoiceDate);
    if (date && notice) {
      const earliest = addDays(notice, -windowDays);
      if (date < earliest || date > notice)
        findings.push({
          ...base(fact),
          rule: 'invoice_outside_window',
          message: `${fact.label}: dated ${date}, outside the ${windowDays} days before the notice (${earliest} to ${notice})`,
          excerpt: date,
        });
    } else if (!date) {
      findings.push({ ...base(fact), rule: 'invoice_outside_window', message: `${fact.label}: the invoice date is not recorded` });
    }
    if (typeof invoice.quantity === 'number' && typeof invoice.unitsSold === 'number' && invoice.quantity < invoice.unitsSold)
      findings.push({
        ...base(fact),
        rule: 'invoice_quantity_short',
        message: `${fact.label}: ${invoice.quantity} units invoiced, fewer than the ${invoice.unitsSold} sold`,
        excerpt: String(invoice.quantity),
      });
  }
  return findings;
}

/** Company names compared without case, punctuation or legal form ("Acme Trading Ltd." = "ACME TRADING"). */
export function sameCompany(a: string, b: string): boolean {
  const normal = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .replace(/\b(?:ltd|limited|llc|inc|incorporated|co|company|corp|corporation|gmbh|pty|pvt|private|plc|llp|sarl|srl|bv|the)\b/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  return normal(a) !== '' && normal(a) === normal(b);
}

/** loa_missing_details: a letter of authorisation names the rights owner and the seller as on the account, and authorises explicitly. */
export function authorisationChecks(facts: CaseFacts): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const fact of facts.evidence ?? []) {
    if (fact.status !== 'provided' || !(fact.kind === 'authorisation' || fact.authorisation)) continue;
    const letter = fact.authorisation ?? {};
    const problems: string[] = [];
    if (blank(letter.rightsOwner)) problems.push('it names no rights owner');
    if (blank(letter.sellerName)) problems.push('it names no seller');
    else if (facts.clientName && !sameCompany(letter.sellerName!, facts.clientName))
      problems.push(`it names "${letter.sellerName!.trim()}", not the client "${facts.clientName}"`);
    if (letter.explicit !== true) problems.push('it does not explicitly authorise the sale');
    if (problems.length > 0)
      findings.push({ ...base(fact), rule: 'loa_missing_details', message: `${fact.label}: ${problems.join('; ')}` });
  }
  return findings;
}
