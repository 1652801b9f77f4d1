import type { CorrectiveAction, DraftSections, MarketplaceCode, ResolutionPath, RootCause, StaffRole, ViolationType } from '@poa/domain';

export const DEMO_PASSWORD = 'demo-password-1';

export const DEMO_STAFF: { email: string; name: string; role: StaffRole }[] = [
  { email: 'owner@demo.poa-desk.test', name: 'Olivia Owner', role: 'owner' },
  { email: 'reviewer@demo.poa-desk.test', name: 'Ravi Reviewer', role: 'reviewer' },
  { email: 'writer@demo.poa-desk.test', name: 'Wendy Writer', role: 'writer' },
  { email: 'viewer@demo.poa-desk.test', name: 'Victor Viewer', role: 'viewer' },
];

export const DEMO_CLIENTS = [
  {
    name: 'Northwind Home Goods',
    sellerId: 'A2NWHOME01',
    marketplaces: ['US', 'CA'] as MarketplaceCode[],
    externalId: 'crm-1001',
    notes: 'Private label kitchenware.',
    contact: { name: 'Nora Northwind', email: 'nora@northwind.example' },
  },
  {
    name: 'Kaito Trading KK',
    sellerId: 'A3KAITOJP1',
    marketplaces: ['JP'] as MarketplaceCode[],
    externalId: 'crm-1002',
    notes: 'Electronics accessories, Japan.',
    contact: { name: 'Kaito Sato', email: 'kaito@kaito.example' },
  },
  {
    name: 'Berliner Naturkosmetik GmbH',
    sellerId: 'A4BERLIN01',
    marketplaces: ['DE', 'FR', 'IT'] as MarketplaceCode[],
    externalId: 'crm-1003',
    notes: 'Cosmetics; watch restricted claims.',
    contact: { name: 'Berta Brandt', email: 'berta@naturkosmetik.example' },
  },
];

/** A date `days` after the notice arrived, as YYYY-MM-DD: drafts stay consistent with their notice whenever the seed runs. */
export type DayFn = (days: number) => string;

/** A draft whose root causes and corrective actions name the issue they answer by its position in the case's issues. */
export type DemoDraft = Omit<DraftSections, 'rootCauses' | 'correctiveActions'> & {
  rootCauses: (Omit<RootCause, 'issueId'> & { issue?: number })[];
  correctiveActions: (Omit<CorrectiveAction, 'issueId'> & { issue?: number })[];
};

export interface DemoIssue {
  violationType: ViolationType;
  asins?: string[];
  orderIds?: string[];
  note?: string;
}

export interface DemoCase {
  client: number;
  title: string;
  /** The first issue's type (kept for cases described by one type only). */
  violationType: ViolationType;
  /** When the notice names several issues; otherwise one issue of `violationType` with the case's ASINs. */
  issues?: DemoIssue[];
  path?: ResolutionPath;
  marketplace: MarketplaceCode;
  asins: string[];
  notice: string;
  receivedDaysAgo: number;
  draft: DemoDraft | DraftSections | ((on: DayFn) => DemoDraft | DraftSections);
  steps: string[];
  /** The internal comment of the `comment` step. */
  comment?: string;
  retraction?: {
    complaintId: string;
    rightsOwner: string;
    contactEmail: string;
    contactedDaysAfter: number[];
    status: 'not_contacted' | 'contacted' | 'agreed' | 'sent_to_amazon' | 'confirmed';
  };
  listingFixes?: { asin: string | null; change: string; confirmed: boolean }[];
  complianceDocuments?: { label: string; evidenceKey: string; note: string }[];
}

export const DEMO_CASES: DemoCase[] = [
  {
    client: 0,
    title: 'Inauthentic complaint on the digital kitchen scale',
    violationType: 'product_authenticity',
    marketplace: 'US',
    asins: ['B0CK7WQ2ZP'],
    receivedDaysAgo: 2,
    notice: `Hello,

We received customer complaints that the item below, sold on Amazon.com, is inauthentic. We have removed your listing.

ASIN: B0CK7WQ2ZP - Digital Kitchen Scale, 5 kg

To reactivate the listing, send us a plan of action within 17 days and invoices from your supplier dated within the last 365 days.

Seller Performance Team`,
    draft: (on) => ({
      summary:
        'Amazon received an inauthenticity complaint for ASIN B0CK7WQ2ZP (digital kitchen scale). We had bought 300 units from a liquidation lot that came without invoices traceable to the brand. We removed the stock and now buy only from the brand’s authorised distributor.',
      rootCauses: [
        {
          text: `On ${on(-70)} we bought 300 units of B0CK7WQ2ZP from Lakeside Liquidators LLC, a liquidation wholesaler that could not provide invoices traceable to the brand.`,
        },
      ],
      correctiveActions: [
        { text: 'Created a removal order for the 112 remaining units of B0CK7WQ2ZP in FBA and had them disposed of.', completedAt: on(1) },
        { text: 'Refunded the 3 buyers who complained, in full, without a return.', completedAt: on(1) },
      ],
      preventiveMeasures: [
        {
          text: "Every new supplier is checked against the brand owner's list of authorised distributors before a first order.",
          owner: 'Head of Sourcing, Mark Lee',
          startDate: on(2),
          frequency: 'Before every new supplier',
        },
        {
          text: 'Monthly audit of invoices against units sold for every branded ASIN.',
          owner: 'Compliance lead, Ana Ruiz',
          startDate: on(5),
          frequency: 'Monthly',
        },
      ],
      supportingDocuments: [],
    }),
    steps: [],
  },
  {
    client: 0,
    title: 'Section 3 deactivation for late shipments',
    violationType: 'late_shipment_rate',
    marketplace: 'US',
    asins: [],
    receivedDaysAgo: 4,
    notice: `Hello,

We have deactivated your Amazon.com selling account under Section 3 of the Amazon Services Business Solutions Agreement
because your account did not meet our performance targets.

Your Late Shipment Rate (LSR) over the last 30 days is 6.1%, above our target of 4%. Late shipments include
113-2210984-7713320 and 113-5567102-9904418.

Please submit a plan of action within 17 days. If you do not appeal, funds in your account may be held for up to 90 days.

Seller Performance Team`,
    issues: [{ violationType: 'late_shipment_rate', orderIds: ['113-2210984-7713320', '113-5567102-9904418'] }],
    draft: (on) => ({
      summary:
        'Our late shipment rate reached 6.1% over 30 days because our handling time of 1 day was too short for the holiday volume of our seller-fulfilled kitchenware orders.',
      rootCauses: [
        {
          text: 'Handling time was set to 1 day on all seller-fulfilled SKUs while the warehouse cut-off moved from 15:00 to 11:00 for peak season; 48 orders, including 113-2210984-7713320 and 113-5567102-9904418, shipped a day late.',
        },
      ],
      correctiveActions: [
        {
          text: 'Set the handling time to 2 days on all 214 seller-fulfilled SKUs and shipped the 48 late orders with upgraded shipping.',
          completedAt: on(1),
        },
      ],
      preventiveMeasures: [
        {
          text: 'Daily report of orders at risk of missing the ship-by date, reviewed at 09:00 by the warehouse lead.',
          owner: 'Operations manager, Kim Park',
          startDate: on(2),
          frequency: 'Daily',
        },
      ],
      supportingDocuments: [],
    }),
    steps: ['start_drafting', 'draft', 'comment'],
    comment: 'Client confirmed the 2-day handling time is live on all seller-fulfilled SKUs.',
  },
  {
    client: 1,
    title: 'Trademark complaint on the USB-C hubs',
    violationType: 'intellectual_property',
    path: 'retraction',
    marketplace: 'JP',
    asins: ['B0D5JX8N2Q', 'B0D5JX9R7T'],
    receivedDaysAgo: 6,
    notice: `Hello,

We received a report from a rights owner that the listings below infringe their trademark. We removed these listings from Amazon.co.jp.

Rights owner: Hikari Denki Co., Ltd.
Rights owner email: ip@hikari-denki.example
Complaint ID: 9920417736
ASIN: B0D5JX8N2Q
ASIN: B0D5JX9R7T

Seller Performance Team`,
    retraction: {
      complaintId: '9920417736',
      rightsOwner: 'Hikari Denki Co., Ltd.',
      contactEmail: 'ip@hikari-denki.example',
      contactedDaysAfter: [1, 4],
      status: 'contacted',
    },
    draft: (on) => ({
      summary:
        'Hikari Denki reported B0D5JX8N2Q and B0D5JX9R7T because our titles used their trademark "HIKARI" to describe compatibility. We removed the word from both listings and asked Hikari Denki to retract the complaint.',
      rootCauses: [
        {
          text: 'Our listing writer used "HIKARI compatible" in the titles of B0D5JX8N2Q and B0D5JX9R7T without checking that the word is a registered trademark.',
        },
      ],
      correctiveActions: [
        { text: 'Removed "HIKARI" from the titles, bullets and images of B0D5JX8N2Q and B0D5JX9R7T.', completedAt: on(1) },
        { text: 'Wrote to Hikari Denki to explain the change and ask for a retraction of complaint 9920417736.', completedAt: on(1) },
      ],
      preventiveMeasures: [
        {
          text: "Every new title is checked against the Japan Patent Office's trademark database before it is published.",
          owner: 'Listing manager, Yui Tanaka',
          startDate: on(2),
          frequency: 'Every new or changed listing',
        },
      ],
      supportingDocuments: [],
    }),
    steps: ['start_drafting', 'draft', 'submit_for_review'],
  },
  {
    client: 2,
    title: 'Pesticide claims on the antibacterial hand soap',
    violationType: 'restricted_products',
    marketplace: 'DE',
    asins: ['B0CX4N7H2K', 'B0CX4N9T5M'],
    receivedDaysAgo: 1,
    notice: `Hello,

We identified the following listings in the Germany store as potential pesticides under our Restricted Products policy:
the detail pages claim the products are "antibacterial" and "kills 99.9% of germs".

ASIN B0CX4N7H2K
ASIN B0CX4N9T5M

These listings have been removed from www.amazon.de. If you do not send a plan of action within 72 hours,
your account may be deactivated. Remove the pesticide claims, do not just set the listing out of stock.`,
    listingFixes: [
      {
        asin: 'B0CX4N7H2K',
        change: 'Remove "antibacterial" from the title and bullet 2; replace the main image showing the claim.',
        confirmed: true,
      },
      { asin: 'B0CX4N9T5M', change: 'Remove "kills 99.9% of germs" from the description and the A+ content.', confirmed: false },
    ],
    draft: (on) => ({
      summary:
        'Our listings for the hand soaps B0CX4N7H2K and B0CX4N9T5M claimed "antibacterial" and "kills 99.9% of germs", which are pesticide claims. We removed the claims from every listing and image.',
      rootCauses: [
        {
          text: 'Our copywriter took the wording of B0CX4N7H2K and B0CX4N9T5M from the German packaging, which is approved as a cosmetic, without knowing that Amazon treats germ-killing claims as pesticide claims.',
        },
      ],
      correctiveActions: [
        { text: 'Removed "antibacterial" from the title, bullets and main image of B0CX4N7H2K.', completedAt: on(0) },
        { text: 'Removed "kills 99.9% of germs" from the description and A+ content of B0CX4N9T5M.', completedAt: on(1) },
      ],
      preventiveMeasures: [
        {
          text: "Every listing text is checked against Amazon's list of pesticide claims before it is published.",
          owner: 'Regulatory lead, Berta Brandt',
          startDate: on(2),
          frequency: 'Every new or changed listing',
        },
      ],
      supportingDocuments: [],
    }),
    steps: ['start_drafting', 'draft', 'submit_for_review', 'request_changes', 'redraft', 'submit_for_review', 'approve_internal'],
  },
  {
    client: 0,
    title: 'Returned blenders sold as new, and negative feedback',
    violationType: 'product_condition',
    marketplace: 'CA',
    asins: ['B0BZ8P4LMV'],
    receivedDaysAgo: 9,
    notice: `Hello,

Your selling privileges on Amazon.ca have been removed.

Customers reported that units of ASIN B0BZ8P4LMV sold as new arrived used, for example order 701-3382015-4419026.
Your Order Defect Rate is also 1.6%, above our target of 1%, because of negative feedback on orders such as 701-5520931-1180274.

Send us a plan of action within 17 days that addresses each issue.

Seller Performance Team`,
    issues: [
      { violationType: 'product_condition', asins: ['B0BZ8P4LMV'], orderIds: ['701-3382015-4419026'] },
      { violationType: 'order_defect_rate', orderIds: ['701-5520931-1180274'], note: 'Negative feedback on used-looking units' },
    ],
    draft: (on) => ({
      summary:
        'Returned units of the blender B0BZ8P4LMV were put back on sale as new because our returns desk did not check the seals. The same units caused the negative feedback that raised our order defect rate to 1.6%.',
      rootCauses: [
        {
          text: 'Our returns desk restocked 26 customer returns of B0BZ8P4LMV as new without checking the factory seal; order 701-3382015-4419026 received one of them.',
          issue: 0,
        },
        {
          text: 'The negative feedback on orders such as 701-5520931-1180274 came from buyers of those restocked units: 9 of the 11 negative ratings in 60 days.',
          issue: 1,
        },
      ],
      correctiveActions: [
        {
          text: 'Inspected all 140 units of B0BZ8P4LMV in our warehouse and moved the 19 with broken seals to a "used" offer.',
          completedAt: on(1),
          issue: 0,
        },
        { text: 'Contacted the 11 buyers who left negative feedback and refunded them in full.', completedAt: on(2), issue: 1 },
      ],
      preventiveMeasures: [
        {
          text: 'Every returned unit is graded against a seal-and-accessories checklist before it is restocked; unsealed units are never sold as new.',
          owner: 'Returns supervisor, Dana Whitfield',
          startDate: on(3),
          frequency: 'Every return',
        },
        {
          text: 'Weekly review of every negative feedback and A-to-z claim, with the order traced to its stock batch.',
          owner: 'Customer service lead, Omar Haddad',
          startDate: on(3),
          frequency: 'Weekly',
        },
      ],
      supportingDocuments: [],
    }),
    steps: ['start_drafting', 'draft', 'submit_for_review', 'approve_internal', 'client_approve'],
  },
  {
    client: 2,
    title: 'Order defect rate and inauthentic complaint on the night cream',
    violationType: 'order_defect_rate',
    marketplace: 'FR',
    asins: ['B0C9R2T6WS'],
    receivedDaysAgo: 20,
    notice: `Hello,

We have deactivated your selling privileges on Amazon.fr for two reasons.

1) Order Defect Rate: your Order Defect Rate is 1.4%, above our target of 1%, because of A-to-z Guarantee claims and
chargebacks on orders such as 171-6621094-3328810 and 171-2208845-5509913.

2) Product authenticity: we received customer complaints that the item below is inauthentic.
ASIN: B0C9R2T6WS

Please submit a plan of action within 17 days that addresses each issue, with invoices from your supplier dated within
the last 365 days. Funds in your account may be held for up to 90 days.

Seller Performance Team`,
    issues: [
      { violationType: 'order_defect_rate', orderIds: ['171-6621094-3328810', '171-2208845-5509913'] },
      { violationType: 'product_authenticity', asins: ['B0C9R2T6WS'] },
    ],
    draft: (on) => ({
      summary:
        'Our night cream B0C9R2T6WS drew A-to-z claims and chargebacks when parcels we sent without tracking were lost, and an inauthenticity complaint because a new batch came in a different box. We manufacture it ourselves at Kosmetikwerk Brandenburg GmbH and have invoices for every batch.',
      rootCauses: [
        {
          text: 'Our French carrier lost 14 parcels in one week because we had not bought tracked postage for France; the buyers of orders such as 171-6621094-3328810 and 171-2208845-5509913 filed A-to-z claims and chargebacks before we replaced them.',
          issue: 0,
        },
        {
          text: 'The batch of B0C9R2T6WS filled by Kosmetikwerk Brandenburg GmbH in September shipped in a redesigned box without a notice on the listing, so a buyer took it for a counterfeit.',
          issue: 1,
        },
      ],
      correctiveActions: [
        { text: 'Replaced or refunded all 14 lost orders and moved French parcels to a tracked carrier.', completedAt: on(2), issue: 0 },
        { text: 'Updated the images of B0C9R2T6WS to show the new box, with a note on the change.', completedAt: on(3), issue: 1 },
      ],
      preventiveMeasures: [
        {
          text: 'Daily check of parcels without a tracking scan for 48 hours, with a replacement sent the same day.',
          owner: 'Logistics lead, Jonas Weber',
          startDate: on(4),
          frequency: 'Daily',
        },
        {
          text: 'Any packaging change is shown on the listing before the new batch ships.',
          owner: 'Brand manager, Berta Brandt',
          startDate: on(4),
          frequency: 'Every packaging change',
        },
      ],
      supportingDocuments: [],
    }),
    steps: ['start_drafting', 'draft', 'submit_for_review', 'approve_internal', 'client_approve', 'mark_submitted', 'more_info'],
  },
  {
    client: 1,
    title: 'Incentivised reviews on the power bank',
    violationType: 'review_manipulation',
    marketplace: 'JP',
    asins: ['B0B6Y3K9QF'],
    receivedDaysAgo: 30,
    notice: `Hello,

We found evidence that you attempted to manipulate customer reviews on your products by offering refunds in exchange for
reviews. This violates our Customer Product Reviews policy.

ASIN: B0B6Y3K9QF

Your selling privileges on Amazon.co.jp have been deactivated. Please submit a plan of action within 17 days.

Seller Performance Team`,
    draft: (on) => ({
      summary:
        'We let a marketing agency we hired run promotions without checking them, and it offered buyers of the power bank B0B6Y3K9QF refunds for five-star reviews. We ended the contract and now run every promotion through Amazon’s own programmes only.',
      rootCauses: [
        {
          text: 'Our contract with Sakura Growth Marketing did not forbid review incentives; the agency sent refund-for-review cards with 220 orders of B0B6Y3K9QF.',
        },
      ],
      correctiveActions: [
        { text: 'Ended the contract with Sakura Growth Marketing and recalled the remaining insert cards.', completedAt: on(1) },
        { text: 'Asked Amazon to remove every review left by the buyers of the 220 orders concerned.', completedAt: on(2) },
      ],
      preventiveMeasures: [
        {
          text: 'Every marketing contract forbids any incentive for reviews; the compliance lead signs off each contract and insert.',
          owner: 'Compliance lead, Kaito Sato',
          startDate: on(3),
          frequency: 'Every contract and insert',
        },
      ],
      supportingDocuments: [],
    }),
    steps: ['start_drafting', 'draft', 'submit_for_review', 'approve_internal', 'client_approve', 'mark_submitted', 'reinstated'],
  },
  {
    client: 0,
    title: "Children's Product Certificate for the bamboo dinner set",
    violationType: 'product_safety',
    marketplace: 'US',
    asins: ['B0CM2V8D4J'],
    receivedDaysAgo: 3,
    notice: `Hello,

We require a Children's Product Certificate (CPC) and a test report from a CPSC-accepted laboratory for the following
product, sold on Amazon.com:

ASIN: B0CM2V8D4J - Kids Bamboo Dinner Set

Until you upload the documents in Manage Your Compliance, the listing has been suppressed. Please provide the
documents within 72 hours.

Product Safety Team`,
    complianceDocuments: [
      { label: "Children's Product Certificate", evidenceKey: 'cpc', note: 'Drafted by Northwind; waiting for the lab report number.' },
      {
        label: 'Test report from a CPSC-accepted laboratory',
        evidenceKey: 'lab_report',
        note: 'Samples of B0CM2V8D4J sent to the laboratory; report expected within 5 business days.',
      },
    ],
    draft: (on) => ({
      summary:
        'Amazon asked for a Children’s Product Certificate and a laboratory test report for the kids bamboo dinner set B0CM2V8D4J. We had listed it without them; the product is now tested by a CPSC-accepted laboratory.',
      rootCauses: [
        {
          text: 'We listed B0CM2V8D4J as general kitchenware and did not know that tableware for children under 12 needs a Children’s Product Certificate.',
        },
      ],
      correctiveActions: [{ text: 'Sent samples of B0CM2V8D4J to a CPSC-accepted laboratory for testing.', completedAt: on(1) }],
      preventiveMeasures: [
        {
          text: 'Before listing, every product is checked for the age group it targets; children’s products need a CPC before they go live.',
          owner: 'Head of Sourcing, Mark Lee',
          startDate: on(2),
          frequency: 'Every new product',
        },
      ],
      supportingDocuments: [],
    }),
    steps: ['start_drafting'],
  },
];
