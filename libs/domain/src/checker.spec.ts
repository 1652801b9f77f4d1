import { checkDraft, type CheckIssue } from './checker';
import { emptyDraft, type DraftSections } from './draft';

const goodDraft = (): DraftSections => ({
  summary: 'On 1 March 2026 buyers reported that ASIN B07XJ8C8F5 earbuds were inauthentic. We take full responsibility.',
  rootCauses: [{ text: 'We bought 400 units of B07XJ8C8F5 from Acme Trading Ltd without checking that it was an authorized distributor.' }],
  correctiveActions: [
    { text: 'Removed all 212 remaining units from FBA and had them destroyed (removal order 7734).', completedAt: '2026-03-03' },
    { text: 'Refunded the 14 buyers of order 026-1234567-7654321 and others in full.', completedAt: '2026-03-04' },
  ],
  preventiveMeasures: [
    {
      text: 'Every new supplier is checked against the brand list of authorized distributors before a first order.',
      owner: 'Jane Doe, head of sourcing',
      startDate: '2026-03-05',
      frequency: 'before each new supplier',
    },
  ],
  supportingDocuments: [{ attachmentId: 'att-1', description: 'Invoice from Brand GmbH dated 2026-02-01 for 500 units' }],
});

const context = { asins: ['B07XJ8C8F5'], violationType: 'product_authenticity' as const };
const rules = (issues: CheckIssue[]) => issues.map((i) => `${i.rule}:${i.section}${i.index === undefined ? '' : `#${i.index}`}`);

describe('checkDraft', () => {
  it('accepts a specific, complete draft', () => {
    expect(checkDraft(goodDraft(), context)).toEqual([]);
  });

  it('requires the three sections as errors', () => {
    const issues = checkDraft(emptyDraft(), { asins: [] });
    expect(issues).toEqual([
      { rule: 'required_section', severity: 'error', section: 'rootCauses', message: 'Root causes must not be empty' },
      { rule: 'required_section', severity: 'error', section: 'correctiveActions', message: 'Corrective actions must not be empty' },
      { rule: 'required_section', severity: 'error', section: 'preventiveMeasures', message: 'Preventive measures must not be empty' },
    ]);
  });

  it('counts a section of blank items as empty', () => {
    const draft = goodDraft();
    draft.rootCauses = [{ text: '   ' }];
    expect(rules(checkDraft(draft, context))).toEqual(['required_section:rootCauses']);
  });

  it.each([
    'We will retrain our staff.',
    'We\u2019ll retrain our staff.',
    'We plan to audit suppliers.',
    'We are going to check stock.',
    'We intend to refund buyers.',
  ])('flags future tense: %s', (text) => {
    const draft = goodDraft();
    draft.correctiveActions[1].text = text;
    const issues = checkDraft(draft, context);
    expect(rules(issues)).toEqual(['future_tense:correctiveActions#1']);
    expect(issues[0].severity).toBe('warning');
  });

  it.each(['The supplier will send the wrong units again.', 'We plan to use a new supplier.'])(
    'flags a root cause in the future tense: %s',
    (text) => {
      const draft = goodDraft();
      draft.rootCauses.push({ text: `${text} B07XJ8C8F5` });
      expect(rules(checkDraft(draft, context))).toEqual(['future_tense:rootCauses#1']);
    },
  );

  it.each([
    'The carrier delivered 30 orders late.',
    'The late deliveries were the carrier\u2019s fault.',
    'Orders arrived late due to the carrier.',
    'The courier lost 12 parcels.',
  ])('flags blaming the carrier: %s', (text) => {
    const draft = goodDraft();
    draft.rootCauses.push({ text });
    expect(rules(checkDraft(draft, context))).toContain('blame:rootCauses#1');
  });

  it('accepts a root cause that owns the choice of carrier', () => {
    const draft = goodDraft();
    draft.rootCauses.push({ text: 'We chose a carrier without a tracked service for B07XJ8C8F5 and set a one-day handling time.' });
    expect(checkDraft(draft, context)).toEqual([]);
  });

  it('flags corrective actions without a completion date', () => {
    const draft = goodDraft();
    draft.correctiveActions[0].completedAt = null;
    expect(rules(checkDraft(draft, context))).toEqual(['not_completed:correctiveActions#0']);
  });

  it('flags each missing part of a preventive measure', () => {
    const draft = goodDraft();
    draft.preventiveMeasures.push({ text: 'Monthly invoice audit of ten random ASINs.', owner: ' ', startDate: null, frequency: '' });
    expect(rules(checkDraft(draft, context))).toEqual([
      'missing_owner:preventiveMeasures#1',
      'missing_start_date:preventiveMeasures#1',
      'missing_frequency:preventiveMeasures#1',
    ]);
  });

  it.each(['We will do better.', 'We improve our processes.', 'We take care with every order.', 'Our team will try harder.'])(
    'flags vague lines: %s',
    (text) => {
      const draft = goodDraft();
      draft.preventiveMeasures[0].text = text;
      expect(rules(checkDraft(draft, context))).toContain('vague:preventiveMeasures#0');
    },
  );

  it.each([
    "This was Amazon's mistake as much as ours.",
    'This was Amazon\u2019s error.',
    'The buyers lied about the product.',
    'A competitor filed the complaint to hurt us.',
    'We believe these are false complaints.',
    'The investigator did not read our invoices.',
    'Our account was unfairly suspended.',
  ])('flags blame: %s', (text) => {
    const draft = goodDraft();
    draft.rootCauses.push({ text });
    expect(rules(checkDraft(draft, context))).toContain('blame:rootCauses#1');
  });

  it.each(['We are devastated by this decision.', 'This is our livelihood!', 'We are frustrated.'])(
    'flags emotive language: %s',
    (text) => {
      const draft = goodDraft();
      draft.summary = `${draft.summary} ${text}`;
      expect(rules(checkDraft(draft, context))).toContain('emotive:summary');
    },
  );

  it('flags questions to Amazon, line by line', () => {
    const draft = goodDraft();
    draft.summary = `${draft.summary}\nCould you tell us which invoice is missing?\nThank you.`;
    const issues = checkDraft(draft, context);
    expect(rules(issues)).toEqual(['question:summary']);
    expect(issues[0]).not.toHaveProperty('index');
  });

  it('does not flag honest wording about customers or reviews', () => {
    const draft = goodDraft();
    draft.rootCauses.push({ text: 'Customers received the wrong size because our listing chart was wrong.' });
    expect(checkDraft(draft, context)).toEqual([]);
  });

  it('flags template text left unedited', () => {
    const draft = goodDraft();
    draft.rootCauses[0].text += ' Supplier: [insert supplier name].';
    expect(rules(checkDraft(draft, context))).toEqual(['template_placeholder:rootCauses#0']);
  });

  it('warns once per ASIN of the case missing from the draft, case-insensitively', () => {
    const draft = goodDraft();
    draft.supportingDocuments[0].description += ' covering b08n5wrwnw';
    const issues = checkDraft(draft, { asins: ['B07XJ8C8F5', 'B08N5WRWNW', 'B09ABCDEF1', 'b09abcdef1'] });
    expect(issues).toEqual([
      {
        rule: 'missing_asin',
        severity: 'warning',
        section: 'rootCauses',
        message: 'ASIN B09ABCDEF1 from the notice is not mentioned in the draft',
      },
    ]);
  });

  it('asks for documents on evidence-driven violation types', () => {
    const draft = goodDraft();
    draft.supportingDocuments = [];
    expect(rules(checkDraft(draft, context))).toEqual(['missing_evidence:supportingDocuments']);
    expect(checkDraft(draft, { asins: context.asins, violationType: 'late_shipment_rate' })).toEqual([]);
    expect(checkDraft(draft, { asins: context.asins })).toEqual([]);
  });
});

describe('checkDraft: one root cause per issue', () => {
  const issues = [
    { id: 'odr', violationType: 'order_defect_rate', asins: [] },
    { id: 'auth', violationType: 'product_authenticity', asins: ['B07XJ8C8F5'] },
  ];

  it('names the issue no root cause answers', () => {
    const draft = goodDraft();
    draft.rootCauses[0].issueId = 'auth';
    const found = checkDraft(draft, { ...context, issues }).filter((i) => i.rule === 'issue_without_root_cause');
    expect(found).toEqual([
      {
        rule: 'issue_without_root_cause',
        severity: 'warning',
        section: 'rootCauses',
        issueId: 'odr',
        message: 'Issue 1 (Order defect rate) has no root cause: Amazon wants one for each issue',
      },
    ]);
  });

  it('is satisfied when every issue has a root cause', () => {
    const draft = goodDraft();
    draft.rootCauses = [
      { text: 'Parcels left the warehouse two days late during the November peak.', issueId: 'odr' },
      { ...draft.rootCauses[0], issueId: 'auth' },
    ];
    expect(checkDraft(draft, { ...context, issues })).toEqual([]);
  });

  it('does not count an unlinked root cause when there are several issues, but does for a single one', () => {
    expect(rules(checkDraft(goodDraft(), { ...context, issues }))).toEqual([
      'issue_without_root_cause:rootCauses',
      'issue_without_root_cause:rootCauses',
    ]);
    expect(checkDraft(goodDraft(), { ...context, issues: [issues[1]] })).toEqual([]);
  });

  it('asks for evidence when any issue needs it', () => {
    const draft = goodDraft();
    draft.supportingDocuments = [];
    draft.rootCauses = [
      { ...draft.rootCauses[0], issueId: 'auth' },
      { text: 'Late parcels in November.', issueId: 'odr' },
    ];
    expect(rules(checkDraft(draft, { asins: [], violationType: 'order_defect_rate', issues }))).toEqual([
      'missing_evidence:supportingDocuments',
    ]);
  });
});
