import type { DraftSections } from '@poa/domain';
import { anonymiseSections, anonymiseText, sentencesOf } from './anonymise';

const ids = {
  names: ['Northwind Home Goods LLC'],
  sellerIds: ['A2NWHOME01'],
  asins: ['B0NWKNIFE1'],
  orderIds: ['112-3456789-0123456'],
};
const people = ['Nora Northwind'];

describe('anonymiseText', () => {
  it.each([
    ['Northwind Home Goods LLC shipped late.', '{{CLIENT}} shipped late.'],
    ['NORTHWIND HOME GOODS missed the cut-off.', '{{CLIENT}} missed the cut-off.'],
    ["Northwind Home Goods's warehouse", "{{CLIENT}}'s warehouse"],
    ['Nora Northwind checks it weekly.', '{{CLIENT}} checks it weekly.'],
    ['Approved by Nora on 3 May.', 'Approved by {{CLIENT}} on 3 May.'],
    ['Seller A2NWHOME01 sold it.', 'Seller {{SELLER_ID}} sold it.'],
    ['Another account A9ZZTOP12345 was linked.', 'Another account {{SELLER_ID}} was linked.'],
    ['ASIN B0NWKNIFE1 and B07XJ8C8F5 were removed.', 'ASIN {{ASIN}} and {{ASIN}} were removed.'],
    ['Orders 112-3456789-0123456 and 204-1234567-7654321 were refunded.', 'Orders {{ORDER_ID}} and {{ORDER_ID}} were refunded.'],
  ])('%s', (input, expected) => {
    expect(anonymiseText(input, ids, people)).toBe(expected);
  });

  it.each([
    'We will check every listing before it goes live on 2026-03-04.',
    'The ASIN count dropped from 40 to 12; 3 units (SKU NW-KNIFE-01) were pulled.',
    'Our carrier cut-off moved to 14:00, tracking id 1Z999AA10123456784.',
    'Home goods buyers wrote 4 negative reviews (rating 2.1) in April.',
    'A-to-z claims fell to 0.4% after ASAP handling; see invoice INV-2026-0042.',
    'The team lead, north of the warehouse, signs off each batch.',
  ])('leaves text without identifiers unchanged: %s', (text) => {
    expect(anonymiseText(text, ids, people)).toBe(text);
  });

  it('keeps the word "will" when a contact is called Will', () => {
    expect(anonymiseText('Will Turner said we will ship by Friday. Will approved it.', { names: [], sellerIds: [] }, ['Will Turner'])).toBe(
      '{{CLIENT}} said we will ship by Friday. {{CLIENT}} approved it.',
    );
  });
});

describe('anonymiseSections', () => {
  const sections: DraftSections = {
    summary: 'Northwind Home Goods (seller A2NWHOME01) answers the notice for B0NWKNIFE1.',
    rootCauses: [{ text: 'Order 112-3456789-0123456 shipped two days late.', issueId: 'issue-1' }],
    correctiveActions: [{ text: 'Refunded the buyer of 112-3456789-0123456.', completedAt: '2026-03-02', issueId: 'issue-1' }],
    preventiveMeasures: [
      { text: 'Nora Northwind reviews late orders.', owner: 'Nora Northwind', startDate: '2026-03-03', frequency: 'weekly' },
    ],
    supportingDocuments: [{ attachmentId: 'att-1', description: 'Carrier letter for B0NWKNIFE1' }],
  };

  it('replaces identifiers in every text field and keeps ids, dates and structure', () => {
    expect(anonymiseSections(sections, ids, people)).toEqual({
      summary: '{{CLIENT}} (seller {{SELLER_ID}}) answers the notice for {{ASIN}}.',
      rootCauses: [{ text: 'Order {{ORDER_ID}} shipped two days late.', issueId: 'issue-1' }],
      correctiveActions: [{ text: 'Refunded the buyer of {{ORDER_ID}}.', completedAt: '2026-03-02', issueId: 'issue-1' }],
      preventiveMeasures: [{ text: '{{CLIENT}} reviews late orders.', owner: '{{CLIENT}}', startDate: '2026-03-03', frequency: 'weekly' }],
      supportingDocuments: [{ attachmentId: 'att-1', description: 'Carrier letter for {{ASIN}}' }],
    });
  });

  it('splits the texts into sentences of four words or more, once each', () => {
    expect(
      sentencesOf({
        ...sections,
        summary: 'We shipped late. We moved the cut-off to 14:00 on 2 March! Ok.',
        rootCauses: [{ text: 'We moved the cut-off to 14:00 on 2 March!' }],
      }),
    ).toEqual([
      'We moved the cut-off to 14:00 on 2 March!',
      'Refunded the buyer of 112-3456789-0123456.',
      'Nora Northwind reviews late orders.',
    ]);
  });
});
