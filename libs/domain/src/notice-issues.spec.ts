import { NOTICE_CORPUS, type NoticeCorpusKey } from './fixtures/notice-corpus';
import { parseNoticeIssues, type NoticeParse } from './notice-issues';
import { VIOLATION_TYPE_KEYS, type ViolationType } from './violations';

const RECEIVED = new Date('2026-11-02T09:00:00Z');
const DAYS_17 = '2026-11-19T09:00:00.000Z';
const HOURS_72 = '2026-11-05T09:00:00.000Z';

type Expected = Omit<NoticeParse, 'issues' | 'complaint'> & {
  /** violation type, ASINs, order ids, a phrase of the excerpt */
  issues: [ViolationType, string[], string[], string][];
  complaint?: NoticeParse['complaint'];
};

const EXPECTED: Record<NoticeCorpusKey, Expected> = {
  orderDefectRate: {
    marketplace: 'US',
    section3: false,
    scope: 'selling_privileges',
    dueAt: DAYS_17,
    documentWindowDays: null,
    fundsHoldDays: null,
    issues: [
      ['order_defect_rate', [], ['112-4839201-5530612', '112-9904411-2281736', '114-3320917-6640023'], 'Order Defect Rate (ODR) is 2.31%'],
    ],
  },
  lateShipmentSection3: {
    marketplace: 'US',
    section3: true,
    scope: 'selling_privileges',
    dueAt: DAYS_17,
    documentWindowDays: null,
    fundsHoldDays: 90,
    issues: [['late_shipment_rate', [], ['113-2210984-7713320', '113-5567102-9904418'], 'Late Shipment Rate (LSR) over the last 30 days']],
  },
  cancellationRate: {
    marketplace: 'US',
    section3: false,
    scope: 'account',
    dueAt: DAYS_17,
    documentWindowDays: null,
    fundsHoldDays: null,
    issues: [['cancellation_rate', [], ['111-8802934-1194420'], 'pre-fulfillment cancel rate is 4.2%']],
  },
  validTrackingRate: {
    marketplace: 'CA',
    section3: false,
    scope: 'account',
    dueAt: DAYS_17,
    documentWindowDays: null,
    fundsHoldDays: null,
    issues: [['valid_tracking_rate', [], ['702-4410987-3306651', '702-9983001-4410726'], 'Valid Tracking Rate (VTR)']],
  },
  authenticity365: {
    marketplace: 'UK',
    section3: false,
    scope: 'selling_privileges',
    dueAt: null,
    documentWindowDays: 365,
    fundsHoldDays: 90,
    issues: [
      [
        'product_authenticity',
        ['B07XJ8C8F5', 'B08N5WRWNW'],
        ['026-1234567-7654321', '204-9988776-5544332'],
        'listed below are inauthentic',
      ],
    ],
  },
  authenticity90AccountReview: {
    marketplace: 'US',
    section3: false,
    scope: 'listing',
    dueAt: DAYS_17,
    documentWindowDays: 90,
    fundsHoldDays: null,
    issues: [['product_authenticity', ['B0C7KQ2M4D', 'B0C7KQ9T1Z'], [], 'products you sold are counterfeit']],
  },
  trademarkComplaint: {
    marketplace: 'DE',
    section3: false,
    scope: 'listing',
    dueAt: null,
    documentWindowDays: null,
    fundsHoldDays: null,
    issues: [['intellectual_property', ['B0D2HX4L7P'], [], 'infringe their trademark']],
    complaint: { complaintId: '8841203571', rightsOwner: 'Lumen & Co. GmbH', contactEmail: 'legal@lumen-co.example' },
  },
  productCondition: {
    marketplace: 'US',
    section3: false,
    scope: 'selling_privileges',
    dueAt: DAYS_17,
    documentWindowDays: null,
    fundsHoldDays: null,
    issues: [['product_condition', ['B09TQ8WZ5C'], ['171-6621094-3328810', '171-2208845-5509913'], 'sold as new']],
  },
  pesticideClaim: {
    marketplace: 'DE',
    section3: false,
    scope: 'listing',
    dueAt: HOURS_72,
    documentWindowDays: null,
    fundsHoldDays: null,
    issues: [['restricted_products', ['B09ABCDEF1', 'B0C1234XYZ'], [], 'potential pesticides']],
  },
  cpcRequest: {
    marketplace: 'US',
    section3: false,
    scope: 'listing',
    dueAt: HOURS_72,
    documentWindowDays: null,
    fundsHoldDays: null,
    issues: [['product_safety', ['B0BKT7Q3R2'], [], "Children's Product Certificate (CPC)"]],
  },
  relatedAccounts: {
    marketplace: 'US',
    section3: false,
    scope: 'selling_privileges',
    dueAt: DAYS_17,
    documentWindowDays: null,
    fundsHoldDays: 90,
    issues: [['related_accounts', [], [], 'your account is related to another account']],
  },
  codeOfConduct: {
    marketplace: 'FR',
    section3: false,
    scope: 'selling_privileges',
    dueAt: DAYS_17,
    documentWindowDays: null,
    fundsHoldDays: null,
    issues: [['code_of_conduct', [], ['405-8812034-7761209'], 'deceptive activity']],
  },
  reviewManipulation: {
    marketplace: 'US',
    section3: false,
    scope: 'selling_privileges',
    dueAt: DAYS_17,
    documentWindowDays: null,
    fundsHoldDays: null,
    issues: [['review_manipulation', ['B08KQ2R5TT'], [], 'manipulate customer reviews']],
  },
  listingPolicy: {
    marketplace: 'UK',
    section3: false,
    scope: 'listing',
    dueAt: DAYS_17,
    documentWindowDays: null,
    fundsHoldDays: null,
    issues: [['listing_policy', ['B0CF3JK9LD', 'B0CF3JKA22'], [], 'violate our listing policy']],
  },
  identityVerification: {
    marketplace: 'US',
    section3: false,
    scope: 'selling_privileges',
    dueAt: DAYS_17,
    documentWindowDays: null,
    fundsHoldDays: null,
    issues: [['other', [], [], 'could not verify the information']],
  },
  twoIssues: {
    marketplace: 'US',
    section3: false,
    scope: 'selling_privileges',
    dueAt: DAYS_17,
    documentWindowDays: 365,
    fundsHoldDays: 90,
    issues: [
      ['order_defect_rate', [], ['112-7720415-3390125', '112-6604721-8847310'], 'Order Defect Rate is 1.84%'],
      ['product_authenticity', ['B0B9XQ7K2M'], [], 'the item below is inauthentic'],
    ],
  },
  authenticityAndCondition: {
    marketplace: 'CA',
    section3: false,
    scope: 'selling_privileges',
    dueAt: DAYS_17,
    documentWindowDays: 90,
    fundsHoldDays: null,
    issues: [
      ['product_authenticity', ['B0DJ4W8Y3R'], [], 'is not authentic'],
      ['product_condition', ['B0DJ4WBB7Q'], ['701-3382015-4419026'], 'sold as new arrived used'],
    ],
  },
};

describe('parseNoticeIssues over the notice corpus', () => {
  it.each(Object.keys(EXPECTED) as NoticeCorpusKey[])('%s', (key) => {
    const { issues, complaint = null, ...facts } = EXPECTED[key];
    const parsed = parseNoticeIssues(NOTICE_CORPUS[key], RECEIVED);
    expect({ ...parsed, issues: parsed.issues.map((i) => [i.violationType, i.asins, i.orderIds]) }).toEqual({
      ...facts,
      complaint,
      issues: issues.map(([type, asins, orderIds]) => [type, asins, orderIds]),
    });
    parsed.issues.forEach((issue, i) => expect(issue.excerpt).toContain(issues[i][3]));
  });

  it('holds at least 15 notices and one of every violation type', () => {
    expect(Object.keys(NOTICE_CORPUS).length).toBeGreaterThanOrEqual(15);
    const seen = new Set(Object.values(EXPECTED).flatMap((e) => e.issues.map(([type]) => type)));
    expect([...VIOLATION_TYPE_KEYS].filter((t) => !seen.has(t))).toEqual([]);
  });
});

describe('parseNoticeIssues', () => {
  it('finds nothing in unrelated text', () => {
    expect(parseNoticeIssues('Thanks for your email, see you tomorrow.', RECEIVED)).toEqual({
      marketplace: null,
      section3: false,
      scope: null,
      dueAt: null,
      documentWindowDays: null,
      fundsHoldDays: null,
      issues: [],
      complaint: null,
    });
  });

  it('takes a bare Section 3 deactivation for a code-of-conduct issue', () => {
    const parsed = parseNoticeIssues(
      'Your selling privileges have been deactivated under Section 3 of the Business Solutions Agreement.',
      RECEIVED,
    );
    expect(parsed.section3).toBe(true);
    expect(parsed.issues.map((i) => i.violationType)).toEqual(['code_of_conduct']);
  });

  it('does not read an invoice window as the deadline', () => {
    const parsed = parseNoticeIssues('Send invoices dated within 365 days. Customers said the item was counterfeit.', RECEIVED);
    expect(parsed.dueAt).toBeNull();
    expect(parsed.documentWindowDays).toBe(365);
  });

  it('reads a deadline written in words and digits', () => {
    const parsed = parseNoticeIssues('Your late shipment rate is too high. Please respond within seventeen (17) days.', RECEIVED);
    expect(parsed.dueAt).toBe(DAYS_17);
  });

  it('gives an ASIN named before any issue to the first issue named after it', () => {
    const parsed = parseNoticeIssues('ASIN B0AAAAAAAA\n\nCustomers said this item is counterfeit.', RECEIVED);
    expect(parsed.issues).toEqual([
      { violationType: 'product_authenticity', asins: ['B0AAAAAAAA'], orderIds: [], excerpt: 'Customers said this item is counterfeit.' },
    ]);
  });

  it('cuts long excerpts', () => {
    const parsed = parseNoticeIssues(`Counterfeit ${'word '.repeat(200)}`, RECEIVED);
    expect(parsed.issues[0].excerpt.length).toBe(300);
    expect(parsed.issues[0].excerpt.endsWith('…')).toBe(true);
  });
});
