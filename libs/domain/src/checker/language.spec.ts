import { check } from './index';
import { cleanDraft, cleanFacts, findingsOf, withLine } from './table.fixtures';
import type { CheckerRule } from './types';

type Section = Parameters<typeof withLine>[0];

/** Each rule's table: lines that must fire and lines that must not, put into an otherwise clean plan. */
const TABLES: { rule: CheckerRule; section: Section; fire: string[]; pass: string[] }[] = [
  {
    rule: 'not_past_tense',
    section: 'correctiveActions',
    fire: [
      'We will retrain all 6 packers by 15 March.',
      'We’ll refund the 14 buyers of order 026-1234567-7654321.',
      'We are going to audit 30 SKUs bought from Acme Trading.',
      'We plan to switch 300 orders a week to Royal Mail Tracked 24.',
      'Our team is currently working on relabelling 120 units in Sydney.',
      'Will refund the 14 buyers this week.',
      'Stock from Acme (400 units) shall be destroyed.',
      'Hopefully the 40 orders delayed over Diwali are cleared by Friday.',
    ],
    pass: [
      'Will Smith, our warehouse lead, re-packed 212 units on 3 March.',
      'Mr. Will Patel refunded the 14 buyers on 4 March.',
      'Asked Will to relabel 120 units; he finished on 5 March.',
      'Retrained all 6 packers at the Leeds site on 3 March 2026.',
      'Switched 300 orders to Australia Post eParcel with tracking on 4 March.',
      'Removed the claim "will not break" from 3 listings on 2 March.',
      'Refunded 9 buyers in Pune as a gesture of good will on 4 March.',
      'Parcels going to Perth were re-sent with StarTrack on 6 March.',
    ],
  },
  {
    rule: 'vague',
    section: 'rootCauses',
    fire: [
      'We will do better.',
      'We improved our processes.',
      'Shipping was slow.',
      'There were some issues with packaging.',
      'We take care with every order.',
      'Our staff made mistakes when packing orders.',
    ],
    pass: [
      'We shipped 40 orders late between 20 and 27 October (Diwali week).',
      'Acme Trading sent unbranded units and we did not check them at goods-in.',
      'Our Brisbane warehouse ran out of stock over Christmas.',
      'Listing B07XJ8C8F5 said "waterproof" but the case is only splash-proof.',
      'Jane Doe approved the supplier without a letter from the brand.',
      'Our DHL collection was booked after the warehouse closed.',
    ],
  },
  {
    rule: 'blame',
    section: 'rootCauses',
    fire: [
      'Amazon wrongly suspended our account for B07XJ8C8F5.',
      "This was Amazon's mistake, not ours, on 2 March.",
      'The buyer lied about the 2 units being fake.',
      'A competitor filed the complaint on 2 March to hurt us.',
      'A marketing agency added "antimicrobial" to 3 listings without our knowledge.',
      'Royal Mail lost 30 parcels in December.',
      'Delhivery delayed 25 orders during Diwali.',
      'Our supplier Acme sent us the wrong units in January.',
      'The investigator did not read our 4 invoices.',
      'Australia Post delivered 18 parcels late in Perth.',
      'The 12 late orders were beyond our control.',
    ],
    pass: [
      'Our French carrier lost 14 parcels because we had not bought tracked postage for France.',
      'We chose a carrier without a tracked service for B07XJ8C8F5 and set a one-day handling time.',
      'We did not inspect inbound stock, so 40 units damaged in the supplier’s packing were sold as new.',
      'Customers received the wrong size because our listing chart for B07XJ8C8F5 was wrong.',
      'We compared our listing with competitor listings on 2 May and removed the word "organic".',
      'We missed the carrier cut-off on 14 orders during Diwali week.',
      'We take full responsibility: Delhivery pickups were missed because our packers finished after 6 pm.',
      'Buyers reported 3 chargers as counterfeit on 1 March; 2 came from Acme stock we had not verified.',
    ],
  },
  {
    rule: 'emotive',
    section: 'summary',
    fire: [
      'We are devastated by this decision.',
      'This account is our livelihood!',
      'We are frustrated that 3 listings were removed.',
      'The removal of 3 listings is absolutely ridiculous.',
      'We are begging you to reinstate the account.',
      'This unfair decision ruined our Diwali sales.',
    ],
    pass: [
      'We apologise to the 14 buyers affected in March.',
      'We destroyed 212 units on 3 March.',
      'Removed the claim "kills 99.9% of germs!" from 3 listings.',
      'The charger overheated in 2 reports, a safety risk we take seriously.',
      'We regret the inconvenience to buyers in Melbourne.',
      'We are grateful for the chance to explain what went wrong.',
    ],
  },
  {
    rule: 'question_to_amazon',
    section: 'summary',
    fire: [
      'Could you tell us which invoice is missing?',
      'Why was our account suspended?',
      'Please let us know what else you need.',
      'Can you please reinstate our listing for B07XJ8C8F5.',
      'We would like to know which ASINs are affected.',
      'Is the invoice from Acme acceptable?',
    ],
    pass: [
      'A buyer asked "Does it fit a UK plug?" on 2 March; the listing now says it does.',
      'Asked Acme to confirm its authorisation by e-mail on 4 March.',
      'We can now show tracking for 98% of orders.',
      'Reviewed why 14 orders shipped late in Sydney.',
      'Listing https://www.amazon.in/dp/B07XJ8C8F5?th=1 was corrected on 5 March.',
    ],
  },
  {
    rule: 'sales_talk',
    section: 'summary',
    fire: [
      'We were founded in 2009 and have served thousands of happy customers.',
      'Our family-run business sells 200 yoga mats a week in Australia.',
      'With 15 years of experience in electronics, we know quality.',
      'We are a leading brand of phone cases on Amazon.in.',
      'We pride ourselves on our service.',
      'Our award-winning team ships from Bengaluru.',
      'Our company has been trading on Amazon.co.uk since 2012.',
    ],
    pass: [
      'Since 3 March 2026 every listing is checked by Jane Doe.',
      'Acme Trading (founded 2019) had no authorisation from the brand.',
      'Our feedback rating dropped from 98% to 91% in February.',
      'We have been checking stock daily since 5 March.',
      'Two buyers left 1-star reviews on 4 March about damaged boxes.',
    ],
  },
  {
    rule: 'support_case_reference',
    section: 'summary',
    fire: [
      'As mentioned in our previous case, the invoices are attached.',
      'Seller Support case ID 1234567890 has the invoices.',
      'See ticket #88231 for the invoices.',
      'We opened a support case on 2 March.',
      'Our earlier ticket explained the delay.',
    ],
    pass: [
      'Packed 12 units per case from 3 March.',
      'In case of a stock-out, listings now pause automatically.',
      'ASIN B07XJ8C8F5 is a phone case; its listing now names the model.',
      'In any case, all 14 refunds were sent on 4 March.',
      'Opened every case of 24 units at goods-in from 5 March.',
    ],
  },
];

describe.each(TABLES)('$rule', ({ rule, section, fire, pass }) => {
  it('has at least five lines each way', () => {
    expect(fire.length).toBeGreaterThanOrEqual(5);
    expect(pass.length).toBeGreaterThanOrEqual(5);
  });
  it('is quiet on the clean plan', () => {
    expect(findingsOf(rule, cleanDraft())).toEqual([]);
  });
  it.each(fire)('fires: %s', (line) => {
    const found = findingsOf(rule, withLine(section, line));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ section, itemIndex: section === 'summary' ? null : 0 });
    expect(found[0].excerpt).toBeTruthy();
  });
  it.each(pass)('does not fire: %s', (line) => {
    expect(findingsOf(rule, withLine(section, line))).toEqual([]);
  });
});

describe('not_past_tense in root causes: promises', () => {
  it.each([
    'We will make sure 2 staff check every parcel.',
    'Hopefully the 3 listings stay up.',
    'We promise to check Acme invoices.',
    'The 12 late orders won’t happen again.',
    'We are going to review 40 listings.',
  ])('fires: %s', (line) => {
    expect(findingsOf('not_past_tense', withLine('rootCauses', line))).toHaveLength(1);
  });
  it.each([
    'Will Smith packed 40 orders without bubble wrap in March.',
    'We sold 400 units from Acme on 10 January.',
    'The listing said the plug fits "all UK sockets"; 9 buyers found it does not.',
    'Our willingness to ship same-day led to 30 mis-picks.',
    'Free will aside, 2 staff skipped the scan on 4 March.',
  ])('does not fire: %s', (line) => {
    expect(findingsOf('not_past_tense', withLine('rootCauses', line))).toEqual([]);
  });
});

describe("the issue's sample root cause", () => {
  const sample =
    "Amazon's algorithm unfairly flagged us because the carrier was late. We will try to improve shipping soon and hopefully this won't happen again";

  it('yields blame, emotive, promise and vague findings', () => {
    const rules = check(withLine('rootCauses', sample), cleanFacts()).map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['blame', 'emotive', 'not_past_tense', 'vague']));
  });

  it('names the offending words', () => {
    const findings = check(withLine('rootCauses', sample), cleanFacts());
    const excerpt = (rule: string) => findings.find((f) => f.rule === rule)?.excerpt;
    expect(excerpt('blame')).toBe('unfairly flagged');
    expect(excerpt('emotive')).toBe('unfairly');
    expect(excerpt('not_past_tense')).toMatch(/^will try/);
    expect(excerpt('vague')).toBe('try to improve');
  });
});
