import { emptyDraft, type DraftSections } from '../draft';
import { starterDraft } from '../starters';
import { check, DEFAULT_RULE_SEVERITIES, normaliseSentence, ruleSeverity } from './index';
import { cleanDraft, cleanFacts, findingsOf } from './table.fixtures';
import type { CaseFacts, CheckerRule, CheckerSettings } from './types';

/** A row: what it shows, and the draft, facts and settings to check. */
type Row = [string, () => { draft?: DraftSections; facts?: CaseFacts; settings?: CheckerSettings }];

const edit = (change: (d: DraftSections) => void) => {
  const draft = cleanDraft();
  change(draft);
  return draft;
};
const withFacts = (more: Partial<CaseFacts>) => ({ ...cleanFacts(), ...more });
const twoIssues = withFacts({
  issues: [
    { id: 'auth', violationType: 'product_authenticity', asins: ['B07XJ8C8F5'] },
    { id: 'odr', violationType: 'order_defect_rate', asins: [] },
  ],
});

const TABLES: { rule: CheckerRule; fire: Row[]; pass: Row[] }[] = [
  {
    rule: 'required_section',
    fire: [
      ['no root causes', () => ({ draft: edit((d) => (d.rootCauses = [])) })],
      ['no corrective actions', () => ({ draft: edit((d) => (d.correctiveActions = [])) })],
      ['no preventive measures', () => ({ draft: edit((d) => (d.preventiveMeasures = [])) })],
      ['a root cause of blanks', () => ({ draft: edit((d) => (d.rootCauses = [{ text: '   ', issueId: 'auth' }])) })],
      ['a measure with only an owner', () => ({ draft: edit((d) => (d.preventiveMeasures[0].text = '\n')) })],
    ],
    pass: [
      ['the clean plan', () => ({})],
      ['no summary (optional)', () => ({ draft: edit((d) => (d.summary = '')) })],
      ['no documents (not a section Amazon requires)', () => ({ draft: edit((d) => (d.supportingDocuments = [])) })],
      ['one blank and one written root cause', () => ({ draft: edit((d) => d.rootCauses.unshift({ text: ' ' })) })],
      ['a one-word action', () => ({ draft: edit((d) => (d.correctiveActions = [{ text: 'Refunded.', completedAt: '2026-03-03' }])) })],
    ],
  },
  {
    rule: 'issue_without_root_cause',
    fire: [
      ['two issues, one answered', () => ({ facts: twoIssues })],
      ['two issues, root cause linked to none', () => ({ draft: edit((d) => (d.rootCauses[0].issueId = null)), facts: twoIssues })],
      ['one issue, root cause linked elsewhere', () => ({ draft: edit((d) => (d.rootCauses[0].issueId = 'other')) })],
      ['one issue, no root cause at all', () => ({ draft: edit((d) => (d.rootCauses = [])) })],
      [
        'three issues, two answered',
        () => ({
          draft: edit((d) => d.rootCauses.push({ text: 'Parcels left 2 days late in November.', issueId: 'odr' })),
          facts: withFacts({ issues: [...twoIssues.issues!, { id: 'lsr', violationType: 'late_shipment_rate', asins: [] }] }),
        }),
      ],
    ],
    pass: [
      ['the clean plan', () => ({})],
      [
        'two issues, each answered',
        () => ({
          draft: edit((d) => d.rootCauses.push({ text: 'Parcels left 2 days late in November.', issueId: 'odr' })),
          facts: twoIssues,
        }),
      ],
      ['one issue, root cause linked to none', () => ({ draft: edit((d) => (d.rootCauses[0].issueId = null)) })],
      ['no issues known', () => ({ facts: withFacts({ issues: [] }) })],
      ['issues not given', () => ({ facts: withFacts({ issues: undefined }) })],
    ],
  },
  {
    rule: 'asin_not_addressed',
    fire: [
      ['an ASIN of the case not in the plan', () => ({ facts: withFacts({ asins: ['B07XJ8C8F5', 'B09ABCDEF1'] }) })],
      [
        "an issue's order ID not in the plan",
        () => ({
          facts: withFacts({
            issues: [{ id: 'auth', violationType: 'product_authenticity', asins: [], orderIds: ['171-1111111-2222222'] }],
          }),
        }),
      ],
      ['an order ID of the notice (UK)', () => ({ facts: withFacts({ orderIds: ['202-7654321-1234567'] }) })],
      [
        'the ASIN removed from the plan',
        () => ({
          draft: edit((d) => {
            d.rootCauses[0].text = d.rootCauses[0].text.replace('B07XJ8C8F5', 'the earbuds');
            d.summary = d.summary.replace('ASIN B07XJ8C8F5', 'the earbuds');
          }),
        }),
      ],
      ['an Indian marketplace ASIN', () => ({ facts: withFacts({ asins: ['B0C1INDIA1'] }) })],
    ],
    pass: [
      ['the clean plan', () => ({})],
      [
        'named only in a document description',
        () => ({
          draft: edit((d) => (d.supportingDocuments[0].description += ' covering B09ABCDEF1')),
          facts: withFacts({ asins: ['B09ABCDEF1'] }),
        }),
      ],
      [
        'named in lower case',
        () => ({ draft: edit((d) => (d.summary += ' Also b09abcdef1.')), facts: withFacts({ asins: ['B09ABCDEF1'] }) }),
      ],
      ['given twice in different case, once in the plan', () => ({ facts: withFacts({ asins: ['B07XJ8C8F5', 'b07xj8c8f5'] }) })],
      ['no identifiers known', () => ({ facts: withFacts({ asins: [], issues: [] }) })],
    ],
  },
  {
    rule: 'completion_in_future',
    fire: [
      ['two days ahead', () => ({ draft: edit((d) => (d.correctiveActions[0].completedAt = '2026-03-12')) })],
      ['next month', () => ({ draft: edit((d) => (d.correctiveActions[1].completedAt = '2026-04-01')) })],
      ['next year', () => ({ draft: edit((d) => (d.correctiveActions[0].completedAt = '2027-01-01')) })],
      [
        'now given as a Date',
        () => ({
          draft: edit((d) => (d.correctiveActions[0].completedAt = '2026-03-20')),
          facts: withFacts({ now: new Date('2026-03-10T12:00:00Z') }),
        }),
      ],
      ['a timestamp ahead', () => ({ draft: edit((d) => (d.correctiveActions[0].completedAt = '2026-03-15T09:00:00Z')) })],
    ],
    pass: [
      ['today', () => ({ draft: edit((d) => (d.correctiveActions[0].completedAt = '2026-03-10')) })],
      [
        "tomorrow (a day ahead in Sydney is today in UTC's yesterday)",
        () => ({ draft: edit((d) => (d.correctiveActions[0].completedAt = '2026-03-11')) }),
      ],
      ['last week', () => ({ draft: edit((d) => (d.correctiveActions[0].completedAt = '2026-03-01')) })],
      ['last year', () => ({ draft: edit((d) => (d.correctiveActions[0].completedAt = '2025-12-31')) })],
      [
        'no moment given: not judged',
        () => ({ draft: edit((d) => (d.correctiveActions[0].completedAt = '2030-01-01')), facts: withFacts({ now: null }) }),
      ],
    ],
  },
  {
    rule: 'completion_missing',
    fire: [
      ['null', () => ({ draft: edit((d) => (d.correctiveActions[0].completedAt = null)) })],
      ['empty', () => ({ draft: edit((d) => (d.correctiveActions[0].completedAt = '')) })],
      ['"soon"', () => ({ draft: edit((d) => (d.correctiveActions[0].completedAt = 'soon')) })],
      ['"next week"', () => ({ draft: edit((d) => (d.correctiveActions[1].completedAt = 'next week')) })],
      ['"TBD"', () => ({ draft: edit((d) => (d.correctiveActions[1].completedAt = 'TBD')) })],
    ],
    pass: [
      ['a date', () => ({})],
      ['a timestamp', () => ({ draft: edit((d) => (d.correctiveActions[0].completedAt = '2026-03-03T10:00:00Z')) })],
      ['end of January', () => ({ draft: edit((d) => (d.correctiveActions[0].completedAt = '2026-01-31')) })],
      ['a blank action is not judged', () => ({ draft: edit((d) => d.correctiveActions.push({ text: ' ', completedAt: null })) })],
      ['last year', () => ({ draft: edit((d) => (d.correctiveActions[0].completedAt = '2025-11-30')) })],
    ],
  },
  {
    rule: 'too_long',
    fire: [
      ['over a small length', () => ({ settings: { maxLength: 100 } })],
      ['one character over', () => ({ settings: { maxLength: lengthOf(cleanDraft()) - 1 } })],
      ['over the default', () => ({ draft: edit((d) => (d.summary += ' Refunded 14 buyers on 4 March.'.repeat(250))) })],
      ['over 500', () => ({ settings: { maxLength: 500 } })],
      ['a long measure', () => ({ draft: edit((d) => (d.preventiveMeasures[0].text += ' Checked by 2 people.'.repeat(400))) })],
    ],
    pass: [
      ['the clean plan, default length', () => ({})],
      ['exactly at the length', () => ({ settings: { maxLength: lengthOf(cleanDraft()) } })],
      ['a generous length', () => ({ settings: { maxLength: 100_000 } })],
      ['length null: the default', () => ({ settings: { maxLength: null } })],
      ['length 0: the default', () => ({ settings: { maxLength: 0 } })],
    ],
  },
  {
    rule: 'field_over_limit',
    fire: [
      ['root cause over 10', () => ({ facts: withFacts({ limits: { root_cause: 10 } }) })],
      ['corrective actions over 50', () => ({ facts: withFacts({ limits: { corrective_actions: 50 } }) })],
      ['preventive measures over 20', () => ({ facts: withFacts({ limits: { preventive_measures: 20 } }) })],
      ['additional information over 30', () => ({ facts: withFacts({ limits: { additional_information: 30 } }) })],
      ['one over, one without limit', () => ({ facts: withFacts({ limits: { root_cause: 10, preventive_measures: null } }) })],
    ],
    pass: [
      ['no limits', () => ({})],
      ['empty limits', () => ({ facts: withFacts({ limits: {} }) })],
      ['null limit', () => ({ facts: withFacts({ limits: { root_cause: null } }) })],
      ['a generous limit', () => ({ facts: withFacts({ limits: { root_cause: 100_000 } }) })],
      ['exactly at the limit', () => ({ facts: withFacts({ limits: { root_cause: rootCauseField() } }) })],
    ],
  },
  {
    rule: 'template_text',
    fire: [
      ['a bracketed prompt', () => ({ draft: edit((d) => (d.rootCauses[0].text += ' Supplier: [insert supplier name].')) })],
      [
        'the starter root cause unedited',
        () => ({ draft: edit((d) => (d.rootCauses[0].text = starterDraft('product_authenticity').rootCauses[0].text)) }),
      ],
      ['a mail-merge field', () => ({ draft: edit((d) => (d.correctiveActions[0].text = 'Refunded {{buyer_count}} buyers on 4 March.')) })],
      ['XXXX for a number', () => ({ draft: edit((d) => (d.correctiveActions[0].text = 'Refunded XXXX buyers on 4 March.')) })],
      [
        "a sentence of the case's own starter",
        () => ({
          draft: edit((d) => (d.rootCauses[0].text = 'We sourced our stock from an unverified wholesaler. 400 units came from Acme.')),
          facts: withFacts({ templateTexts: ['We sourced our stock from an unverified wholesaler.'] }),
        }),
      ],
    ],
    pass: [
      ['the clean plan', () => ({})],
      ['a footnote mark', () => ({ draft: edit((d) => (d.correctiveActions[0].text = 'Removed 3 listings (see [1]) on 2 March.')) })],
      [
        '[sic]',
        () => ({ draft: edit((d) => (d.correctiveActions[0].text = 'Relabelled 120 units marked "colour: gray" [sic] on 3 March.')) }),
      ],
      [
        'the starter sentence, edited',
        () => ({
          draft: edit(
            (d) => (d.rootCauses[0].text = 'We sourced 400 units of B07XJ8C8F5 from Acme, an unverified wholesaler in Leicester.'),
          ),
          facts: withFacts({ templateTexts: ['We sourced our stock from an unverified wholesaler.'] }),
        }),
      ],
      [
        'a short template sentence reused',
        () => ({ draft: edit((d) => (d.summary += ' We apologise.')), facts: withFacts({ templateTexts: ['We apologise.'] }) }),
      ],
      ['XL sizes', () => ({ draft: edit((d) => (d.correctiveActions[0].text = 'Checked 1,200 units of XL size on 3 March.')) })],
    ],
  },
  {
    rule: 'copied_text',
    fire: [
      [
        'the same sentence',
        () => ({ facts: withFacts({ sentencesElsewhere: new Set([normaliseSentence(cleanDraft().correctiveActions[1].text)]) }) }),
      ],
      [
        'different case and punctuation',
        () => ({ facts: withFacts({ sentencesElsewhere: ['refunded the 14 buyers of order 026 1234567 7654321 in full'] }) }),
      ],
      [
        'a sentence of the summary',
        () => ({
          facts: withFacts({
            sentencesElsewhere: [
              normaliseSentence('On 2 March 2026 Amazon deactivated the account after inauthentic complaints on ASIN B07XJ8C8F5.'),
            ],
          }),
        }),
      ],
      ['as an array', () => ({ facts: withFacts({ sentencesElsewhere: [normaliseSentence(cleanDraft().rootCauses[0].text)] }) })],
      [
        'curly quotes and accents',
        () => ({
          draft: edit((d) => (d.correctiveActions[0].text = 'Removed the “café grade” claim from all 3 listings.')),
          facts: withFacts({ sentencesElsewhere: ['removed the cafe grade claim from all 3 listings'] }),
        }),
      ],
    ],
    pass: [
      ['nothing elsewhere', () => ({ facts: withFacts({ sentencesElsewhere: new Set() }) })],
      ['not given', () => ({})],
      ['a short common sentence', () => ({ facts: withFacts({ sentencesElsewhere: ['we take full responsibility'] }) })],
      [
        'one word differs',
        () => ({ facts: withFacts({ sentencesElsewhere: ['refunded the 15 buyers of order 026 1234567 7654321 in full'] }) }),
      ],
      [
        'a sentence no line holds',
        () => ({ facts: withFacts({ sentencesElsewhere: ['we switched to royal mail tracked 24 for every order'] }) }),
      ],
    ],
  },
];

function lengthOf(draft: DraftSections): number {
  const found = check(draft, cleanFacts(), { maxLength: 1 }).find((f) => f.rule === 'too_long')!;
  return Number(/has (\d+) characters/.exec(found.message)![1]);
}
function rootCauseField(): number {
  const found = check(cleanDraft(), withFacts({ limits: { root_cause: 1 } })).find((f) => f.rule === 'field_over_limit')!;
  return Number(/has (\d+) characters/.exec(found.message)![1]);
}

describe.each(TABLES)('$rule', ({ rule, fire, pass }) => {
  it('has at least five rows each way', () => {
    expect(fire.length).toBeGreaterThanOrEqual(5);
    expect(pass.length).toBeGreaterThanOrEqual(5);
  });
  it.each(fire)('fires: %s', (_, row) => {
    const { draft, facts, settings } = row();
    expect(findingsOf(rule, draft ?? cleanDraft(), facts, settings).length).toBeGreaterThanOrEqual(1);
  });
  it.each(pass)('does not fire: %s', (_, row) => {
    const { draft, facts, settings } = row();
    expect(findingsOf(rule, draft ?? cleanDraft(), facts, settings)).toEqual([]);
  });
});

describe('check', () => {
  it('finds nothing in the clean plan', () => {
    expect(check(cleanDraft(), cleanFacts())).toEqual([]);
  });

  it('answers every field of a finding', () => {
    const [finding] = check(cleanDraft(), { ...cleanFacts(), asins: ['B07XJ8C8F5', 'B09ABCDEF1'] });
    expect(finding).toEqual({
      rule: 'asin_not_addressed',
      severity: 'warning',
      section: 'rootCauses',
      itemIndex: null,
      issueId: null,
      message: 'ASIN B09ABCDEF1 from the notice is not addressed in the plan',
      excerpt: 'B09ABCDEF1',
    });
  });

  it('requires the three sections as errors by default', () => {
    const found = check(emptyDraft(), {}).filter((f) => f.rule === 'required_section');
    expect(found.map((f) => [f.section, f.severity])).toEqual([
      ['rootCauses', 'error'],
      ['correctiveActions', 'error'],
      ['preventiveMeasures', 'error'],
    ]);
  });

  it("applies the tenant's severity per rule, and 'off'", () => {
    const draft = cleanDraft();
    draft.correctiveActions[0].text = 'We will retrain all 6 packers by 15 March.';
    expect(check(draft, cleanFacts())[0].severity).toBe('warning');
    expect(check(draft, cleanFacts(), { rules: { not_past_tense: 'error' } })[0].severity).toBe('error');
    expect(check(draft, cleanFacts(), { rules: { not_past_tense: 'tip' } })[0].severity).toBe('tip');
    expect(check(draft, cleanFacts(), { rules: { not_past_tense: 'off' } })).toEqual([]);
    expect(ruleSeverity('blame')).toBe(DEFAULT_RULE_SEVERITIES.blame);
  });
});
