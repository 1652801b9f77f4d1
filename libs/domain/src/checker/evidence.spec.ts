import { check } from './index';
import { cleanDraft, cleanFacts, findingsOf } from './table.fixtures';
import type { CaseFacts, CheckerRule, EvidenceFact } from './types';

const invoice = (more: Partial<NonNullable<EvidenceFact['invoice']>> = {}, fact: Partial<EvidenceFact> = {}): EvidenceFact => ({
  key: 'supplier_invoices',
  label: 'Supplier invoices',
  required: true,
  status: 'provided',
  kind: 'invoice',
  invoice: {
    supplierName: 'Brand GmbH',
    supplierAddress: 'Hauptstraße 1, 10115 Berlin',
    supplierContact: '+49 30 1234567',
    invoiceDate: '2026-02-01',
    quantity: 500,
    unitsSold: 400,
    ...more,
  },
  ...fact,
});
const letter = (more: Partial<NonNullable<EvidenceFact['authorisation']>> = {}, fact: Partial<EvidenceFact> = {}): EvidenceFact => ({
  key: 'authorisation_letter',
  label: 'Letter of authorisation',
  required: true,
  status: 'provided',
  kind: 'authorisation',
  authorisation: { rightsOwner: 'Brand GmbH', sellerName: 'Brightside Audio Ltd', explicit: true, ...more },
  ...fact,
});
const item = (fact: Partial<EvidenceFact>): EvidenceFact => ({
  key: 'photos',
  label: 'Photos of the units',
  required: true,
  status: 'missing',
  ...fact,
});

type Row = [string, Partial<CaseFacts>];

const TABLES: { rule: CheckerRule; fire: Row[]; pass: Row[] }[] = [
  {
    rule: 'missing_evidence',
    fire: [
      ['a required item missing', { evidence: [item({})] }],
      ['one of two missing', { evidence: [invoice(), item({ key: 'loa', label: 'Letter of authorisation' })] }],
      ['an item not required (a tip)', { evidence: [item({ required: false })] }],
      ['authenticity without documents or checklist', { evidence: undefined }],
      ['IP complaint without documents or checklist', { violationType: 'intellectual_property', issues: [], evidence: undefined }],
    ],
    pass: [
      ['every required item provided', { evidence: [invoice()] }],
      ['an item waived', { evidence: [item({ status: 'waived' })] }],
      ['a late-shipment case without documents', { violationType: 'late_shipment_rate', issues: [] }],
      ['an empty checklist: nothing asked', { evidence: [] }],
      ['authenticity with documents', {}],
      ['provided and waived', { evidence: [invoice(), item({ status: 'waived' }), letter()] }],
    ],
  },
  {
    rule: 'invoice_outside_window',
    fire: [
      ['400 days before the notice', { evidence: [invoice({ invoiceDate: '2025-01-26' })] }],
      ['after the notice', { evidence: [invoice({ invoiceDate: '2026-03-05' })] }],
      ['100 days before, a 90-day window', { evidence: [invoice({ invoiceDate: '2025-11-22' })], documentWindowDays: 90 }],
      ['91 days before, a 90-day window', { evidence: [invoice({ invoiceDate: '2025-12-01' })], documentWindowDays: 90 }],
      ['no date recorded', { evidence: [invoice({ invoiceDate: null })] }],
    ],
    pass: [
      ['a month before', { evidence: [invoice()] }],
      ['exactly 365 days before', { evidence: [invoice({ invoiceDate: '2025-03-02' })] }],
      ['exactly 90 days before, a 90-day window', { evidence: [invoice({ invoiceDate: '2025-12-02' })], documentWindowDays: 90 }],
      ['an invoice not yet provided', { evidence: [invoice({ invoiceDate: '2020-01-01' }, { status: 'missing' })] }],
      ['the day of the notice', { evidence: [invoice({ invoiceDate: '2026-03-02' })] }],
    ],
  },
  {
    rule: 'invoice_quantity_short',
    fire: [
      ['100 for 120 sold', { evidence: [invoice({ quantity: 100, unitsSold: 120 })] }],
      ['none for one sold', { evidence: [invoice({ quantity: 0, unitsSold: 1 })] }],
      ['one short', { evidence: [invoice({ quantity: 499, unitsSold: 500 })] }],
      ['a lakh sold, fewer invoiced', { evidence: [invoice({ quantity: 99_999, unitsSold: 100_000 })] }],
      ['two invoices, one short', { evidence: [invoice(), invoice({ quantity: 10, unitsSold: 40 }, { key: 'inv2' })] }],
    ],
    pass: [
      ['equal', { evidence: [invoice({ quantity: 400, unitsSold: 400 })] }],
      ['more invoiced', { evidence: [invoice()] }],
      ['quantity not recorded', { evidence: [invoice({ quantity: null })] }],
      ['units sold not recorded', { evidence: [invoice({ unitsSold: null })] }],
      ['waived', { evidence: [invoice({ quantity: 1, unitsSold: 40 }, { status: 'waived' })] }],
    ],
  },
  {
    rule: 'invoice_missing_supplier_details',
    fire: [
      ['no name', { evidence: [invoice({ supplierName: null })] }],
      ['no address', { evidence: [invoice({ supplierAddress: '' })] }],
      ['no contact', { evidence: [invoice({ supplierContact: undefined })] }],
      ['a blank name', { evidence: [invoice({ supplierName: '  ' })] }],
      ['nothing', { evidence: [invoice({ supplierName: null, supplierAddress: null, supplierContact: null })] }],
    ],
    pass: [
      ['all there', { evidence: [invoice()] }],
      ['not yet provided', { evidence: [invoice({ supplierName: null }, { status: 'missing' })] }],
      ['another kind of document', { evidence: [item({ status: 'provided', kind: 'other' })] }],
      ['waived', { evidence: [invoice({ supplierContact: null }, { status: 'waived' })] }],
      [
        'an Indian supplier with a website',
        {
          evidence: [
            invoice({
              supplierName: 'Sharma Traders Pvt Ltd',
              supplierAddress: 'MG Road, Pune 411001',
              supplierContact: 'sharmatraders.in',
            }),
          ],
        },
      ],
    ],
  },
  {
    rule: 'loa_missing_details',
    fire: [
      ['no rights owner', { evidence: [letter({ rightsOwner: null })] }],
      ['another seller', { evidence: [letter({ sellerName: 'Brightside Trading Pty Ltd' })] }],
      ['not explicit', { evidence: [letter({ explicit: false })] }],
      ['explicitness not recorded', { evidence: [letter({ explicit: null })] }],
      ['no seller', { evidence: [letter({ sellerName: '' })] }],
    ],
    pass: [
      ['as on the account', { evidence: [letter()] }],
      ['legal form spelled out', { evidence: [letter({ sellerName: 'BRIGHTSIDE AUDIO LIMITED' })] }],
      ['without the legal form', { evidence: [letter({ sellerName: 'Brightside Audio' })] }],
      ['not yet provided', { evidence: [letter({ rightsOwner: null }, { status: 'missing' })] }],
      ['client name unknown', { evidence: [letter({ sellerName: 'Anyone Ltd' })], clientName: null }],
    ],
  },
];

describe.each(TABLES)('$rule', ({ rule, fire, pass }) => {
  it('has at least five rows each way', () => {
    expect(fire.length).toBeGreaterThanOrEqual(5);
    expect(pass.length).toBeGreaterThanOrEqual(5);
  });
  it.each(fire)('fires: %s', (_, facts) => {
    const draft = cleanDraft();
    if ('violationType' in facts) draft.supportingDocuments = [];
    if (facts.evidence === undefined && 'evidence' in facts) draft.supportingDocuments = [];
    const found = findingsOf(rule, draft, { ...cleanFacts(), ...facts });
    expect(found.length).toBeGreaterThanOrEqual(1);
    expect(found[0].section).toBe('supportingDocuments');
  });
  it.each(pass)('does not fire: %s', (_, facts) => {
    const draft = cleanDraft();
    if ('violationType' in facts || facts.evidence?.length === 0) draft.supportingDocuments = [];
    expect(findingsOf(rule, draft, { ...cleanFacts(), ...facts })).toEqual([]);
  });
});

describe('missing_evidence severities', () => {
  it('is a warning for required items and a tip for the others, naming them; an error where the agency says so', () => {
    const facts = { ...cleanFacts(), evidence: [item({}), item({ key: 'box', label: 'Box photos', required: false })] };
    expect(check(cleanDraft(), facts).map((f) => [f.rule, f.severity, f.excerpt])).toEqual([
      ['missing_evidence', 'warning', 'Photos of the units'],
      ['missing_evidence', 'tip', 'Box photos'],
    ]);
    expect(check(cleanDraft(), facts, { rules: { missing_evidence: 'error' } }).map((f) => f.severity)).toEqual(['error', 'tip']);
  });
  it('guesses from the violation type without a checklist, as a warning', () => {
    const draft = cleanDraft();
    draft.supportingDocuments = [];
    expect(check(draft, { ...cleanFacts(), evidence: undefined }).map((f) => [f.rule, f.severity])).toEqual([
      ['missing_evidence', 'warning'],
    ]);
  });
  it('keeps a tip a tip when the agency makes the rule an error', () => {
    const found = check(cleanDraft(), { ...cleanFacts(), evidence: [item({ required: false })] }, { rules: { missing_evidence: 'error' } });
    expect(found[0].severity).toBe('tip');
  });
});
