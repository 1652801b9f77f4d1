import { check } from './checker';
import { emptyDraft, type DraftSections } from './draft';
import { buildSubmission, countCharacters, groupByIssue, submissionDate, submissionPlainText } from './submission';

const draft = (): DraftSections => ({
  summary: 'On 1 March 2026 buyers reported that the earbuds\nof ASIN B07XJ8C8F5 were inauthentic.\n\nWe take full responsibility.',
  rootCauses: [
    { text: 'We bought 400 units from Acme Trading Ltd\nwithout checking that it was an authorized distributor.' },
    { text: '   ' },
    { text: 'Nobody compared  the invoices with the brand list' },
  ],
  correctiveActions: [
    { text: 'Removed all 212 remaining units from FBA (removal order 7734)', completedAt: '2026-03-03' },
    { text: 'Refunded the 14 buyers in full.', completedAt: null },
  ],
  preventiveMeasures: [
    {
      text: 'Every new supplier is checked against the brand list',
      owner: 'Jane Doe, head of sourcing',
      startDate: '2026-03-05',
      frequency: 'before each new supplier',
    },
    { text: 'Monthly invoice audit.', owner: '', startDate: null, frequency: '' },
  ],
  supportingDocuments: [
    { attachmentId: 'a1', description: 'Invoice from Brand GmbH for 500 units' },
    { attachmentId: 'gone', description: '' },
  ],
});

describe('buildSubmission', () => {
  const pack = buildSubmission(draft(), {
    asins: ['b07xj8c8f5', 'B07XJ8C8F5', 'B08ABCDEF1'],
    fileNames: new Map([['a1', 'invoice-brand-gmbh.pdf']]),
    limits: { root_cause: 100, corrective_actions: null },
  });
  const text = (key: string) => pack.fields.find((f) => f.key === key)!.text;

  it('gives the four Seller Central fields in form order with labels, counts and limits', () => {
    expect(pack.fields.map((f) => [f.key, f.label, f.limit])).toEqual([
      ['root_cause', 'Root cause', 100],
      ['corrective_actions', 'Corrective actions taken', null],
      ['preventive_measures', 'Preventive measures', null],
      ['additional_information', 'Additional information', null],
    ]);
    for (const field of pack.fields) expect(field.characters).toBe([...field.text].length);
  });

  it('numbers the items, one line each, skipping blank ones', () => {
    expect(text('root_cause')).toBe(
      '1. We bought 400 units from Acme Trading Ltd without checking that it was an authorized distributor.\n' +
        '2. Nobody compared the invoices with the brand list',
    );
  });

  it('puts completion dates, owners, start dates and frequencies inline', () => {
    expect(text('corrective_actions')).toBe(
      '1. Removed all 212 remaining units from FBA (removal order 7734). Completed 3 Mar 2026.\n2. Refunded the 14 buyers in full.',
    );
    expect(text('preventive_measures')).toBe(
      '1. Every new supplier is checked against the brand list. Owner: Jane Doe, head of sourcing; in place since 5 Mar 2026; checked before each new supplier.\n' +
        '2. Monthly invoice audit.',
    );
  });

  it('writes the summary, the ASINs once each and the documents with what they prove into additional information', () => {
    expect(text('additional_information')).toBe(
      'On 1 March 2026 buyers reported that the earbuds of ASIN B07XJ8C8F5 were inauthentic.\n\n' +
        'We take full responsibility.\n\n' +
        'ASINs concerned: B07XJ8C8F5, B08ABCDEF1.\n\n' +
        'Supporting documents attached:\n1. invoice-brand-gmbh.pdf: Invoice from Brand GmbH for 500 units\n2. attachment gone',
    );
    expect(pack.attachments).toEqual([
      { id: 'a1', fileName: 'invoice-brand-gmbh.pdf', proves: 'Invoice from Brand GmbH for 500 units' },
      { id: 'gone', fileName: 'attachment gone', proves: '' },
    ]);
  });

  it('has no markup', () => {
    for (const field of pack.fields) expect(field.text).not.toMatch(/[*#<>]|\*\*|^- /m);
  });

  it('groups root causes and actions under a heading when asked, numbering on across groups', () => {
    const sections = emptyDraft();
    sections.rootCauses = [{ text: 'Late carrier pick-ups' }, { text: 'Handling time of one day' }, { text: 'Opened returns resold' }];
    const groups = ['Late shipment rate', 'Late shipment rate', 'Product condition'];
    const grouped = buildSubmission(sections, { groupOf: (item) => groups[sections.rootCauses.indexOf(item)] });
    expect(grouped.fields[0].text).toBe(
      'Late shipment rate:\n1. Late carrier pick-ups\n2. Handling time of one day\n\nProduct condition:\n3. Opened returns resold',
    );
  });

  it('heads each notice issue of a case with several, and none for a case with one', () => {
    const sections = emptyDraft();
    sections.rootCauses = [
      { text: 'Handling time of one day', issueId: 'late' },
      { text: 'Opened returns resold as new', issueId: 'condition' },
      { text: 'No carrier cut-off check', issueId: 'late' },
    ];
    sections.correctiveActions = [{ text: 'Set handling time to two days', completedAt: '2026-11-02', issueId: 'late' }];
    const issues = [
      { id: 'late', violationType: 'late_shipment_rate' as const, asins: [] },
      { id: 'condition', violationType: 'product_condition' as const, asins: ['B0ABC12345'] },
    ];
    const grouped = buildSubmission(sections, { groupOf: groupByIssue(issues) });
    expect(grouped.fields[0].text).toBe(
      [
        'Issue 1: Late shipment rate:',
        '1. Handling time of one day',
        '',
        'Issue 2: Product condition (B0ABC12345):',
        '2. Opened returns resold as new',
        '',
        'Issue 1: Late shipment rate:',
        '3. No carrier cut-off check',
      ].join('\n'),
    );
    expect(grouped.fields[1].text).toMatch(/^Issue 1: Late shipment rate:\n1\. /);
    expect(groupByIssue(issues.slice(0, 1))).toBeUndefined();
  });

  it('gives empty fields for an empty draft', () => {
    const empty = buildSubmission(emptyDraft());
    expect(empty.fields.map((f) => [f.text, f.characters])).toEqual([
      ['', 0],
      ['', 0],
      ['', 0],
      ['', 0],
    ]);
  });

  it('lays the pack out as plain text with one heading per field', () => {
    const plain = submissionPlainText(pack);
    expect(plain).toContain(`ROOT CAUSE (${pack.fields[0].characters} of 100 characters, OVER THE LIMIT)\n1. We bought`);
    expect(plain).toContain(`CORRECTIVE ACTIONS TAKEN (${pack.fields[1].characters} characters)\n1. Removed`);
    expect(plain.match(/^[A-Z ]+ \(\d+/gm)).toHaveLength(4);
  });
});

describe('submission helpers', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(countCharacters('ok 📦')).toBe(4);
    expect(countCharacters('マーケット')).toBe(5);
  });
  it('spells dates out and passes unparseable text through', () => {
    expect(submissionDate('2026-02-22')).toBe('22 Feb 2026');
    expect(submissionDate(null)).toBeNull();
    expect(submissionDate('next week')).toBe('next week');
  });
});

describe('check with field limits', () => {
  it('warns for each field over its limit, and not without limits', () => {
    const sections = draft();
    const issues = check(sections, { asins: [], limits: { root_cause: 50, preventive_measures: 10_000, additional_information: 20 } });
    const over = issues.filter((i) => i.rule === 'field_over_limit');
    expect(over.map((i) => [i.section, i.severity])).toEqual([
      ['rootCauses', 'warning'],
      ['summary', 'warning'],
    ]);
    expect(over[0].message).toMatch(/"Root cause" has \d+ characters, over its limit of 50/);
    expect(check(sections, { asins: [] }).some((i) => i.rule === 'field_over_limit')).toBe(false);
    expect(check(sections, { asins: [], limits: { root_cause: null } }).some((i) => i.rule === 'field_over_limit')).toBe(false);
  });
  it('counts a field exactly at its limit as within it', () => {
    const sections = emptyDraft();
    sections.rootCauses = [{ text: 'abcdefg' }];
    expect(check(sections, { asins: [], limits: { root_cause: 10 } }).some((i) => i.rule === 'field_over_limit')).toBe(false);
    expect(check(sections, { asins: [], limits: { root_cause: 9 } }).some((i) => i.rule === 'field_over_limit')).toBe(true);
  });
});
