import type { PreventiveMeasure } from '../draft';
import { cleanDraft, findingsOf } from './table.fixtures';
import type { CheckerRule } from './types';

/** Each table changes one field of the clean plan's measure. */
const TABLES: { rule: CheckerRule; field: keyof PreventiveMeasure; fire: (string | null)[]; pass: (string | null)[] }[] = [
  {
    rule: 'measure_missing_owner',
    field: 'owner',
    fire: ['', '   ', 'TBD', 'the team', 'Staff', 'someone', 'n/a'],
    pass: [
      'Jane Doe, head of sourcing',
      'Will Smith',
      'Priya Sharma (warehouse lead, Pune)',
      'Head of Compliance',
      'Ops manager Tom O’Brien',
      'Mr. Will',
    ],
  },
  {
    rule: 'measure_missing_start',
    field: 'startDate',
    fire: [null, '', 'soon', 'next Monday', 'TBD'],
    pass: ['2026-03-05', '2026-03-05T00:00:00Z', '2025-12-01', '2026-01-15', '2026-04-01'],
  },
  {
    rule: 'measure_missing_cadence',
    field: 'frequency',
    fire: ['', 'regularly', 'Regularly', 'as needed', 'periodically', 'ongoing', 'from time to time', 'continuously'],
    pass: ['weekly', 'every 2 weeks', 'before each new supplier', 'on every purchase order', 'once a month', 'fortnightly', 'quarterly'],
  },
  {
    rule: 'measure_missing_trigger',
    field: 'text',
    fire: [
      'Weekly audit of 10 random ASINs by Jane Doe.',
      'Staff training on packaging with the 3PL in Leeds.',
      'Monthly review of the supplier list by Priya Sharma.',
      'Quarterly inventory reconciliation in Sydney.',
      'Daily tracking upload check for Delhivery orders.',
    ],
    pass: [
      'Daily tracking check; any order without valid tracking by 5 pm goes to the shipping lead.',
      'If the late shipment rate exceeds 2% in a week, handling time is raised to 3 days.',
      'Orders are held when stock in the system falls below 5 units.',
      'A supplier without a brand authorisation letter is blocked before the first purchase order.',
      'Listings flagged by the keyword scan for "antimicrobial" are taken down the same day.',
    ],
  },
];

describe.each(TABLES)('$rule', ({ rule, field, fire, pass }) => {
  const withField = (value: string | null) => {
    const draft = cleanDraft();
    draft.preventiveMeasures[0] = { ...draft.preventiveMeasures[0], [field]: value };
    if (rule === 'measure_missing_trigger') draft.preventiveMeasures[0].frequency = 'weekly';
    return draft;
  };
  it('has at least five values each way', () => {
    expect(fire.length).toBeGreaterThanOrEqual(5);
    expect(pass.length).toBeGreaterThanOrEqual(5);
  });
  it.each(fire)('fires: %j', (value) => {
    const found = findingsOf(rule, withField(value));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ section: 'preventiveMeasures', itemIndex: 0 });
  });
  it.each(pass)('does not fire: %j', (value) => {
    expect(findingsOf(rule, withField(value))).toEqual([]);
  });
});

it('skips a blank measure (required_section says it)', () => {
  const draft = cleanDraft();
  draft.preventiveMeasures.push({ text: ' ', owner: '', startDate: null, frequency: '' });
  expect(findingsOf('measure_missing_owner', draft)).toEqual([]);
});
