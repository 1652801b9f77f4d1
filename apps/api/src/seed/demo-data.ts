import type { DraftSections, MarketplaceCode, StaffRole, ViolationType } from '@poa/domain';

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

const AUTHENTICITY: DraftSections = {
  summary:
    'Amazon received an inauthenticity complaint for ASIN B0DEMO0001. We sourced 300 units from a liquidation lot without brand invoices; we have removed the stock and now buy only from authorised distributors.',
  rootCauses: [
    {
      text: 'On 2026-09-14 we bought 300 units of B0DEMO0001 from Lakeside Liquidators, who could not provide invoices traceable to the brand.',
    },
  ],
  correctiveActions: [
    {
      text: 'Removed the 112 remaining units of B0DEMO0001 from FBA (removal order 8812) and disposed of them.',
      completedAt: '2026-11-02',
    },
    {
      text: 'Refunded the 3 buyers who complained (orders 112-3456789-1234567, 112-3456789-7654321, 113-1111111-2222222).',
      completedAt: '2026-11-03',
    },
  ],
  preventiveMeasures: [
    {
      text: "Every new supplier is checked against the brand owner's authorised distributor list before the first order.",
      owner: 'Head of Sourcing, Mark Lee',
      startDate: '2026-11-04',
      frequency: 'Every new supplier',
    },
    {
      text: 'Monthly audit of invoices against sold quantities for all branded ASINs.',
      owner: 'Compliance lead, Ana Ruiz',
      startDate: '2026-11-30',
      frequency: 'Monthly',
    },
  ],
  supportingDocuments: [],
};

const LATE_SHIPMENT: DraftSections = {
  summary: 'Our late shipment rate reached 6.1% over 30 days because our handling time was too short for the holiday volume.',
  rootCauses: [{ text: 'Handling time was set to 1 day while the warehouse cut-off moved to 11:00 during peak season.' }],
  correctiveActions: [
    {
      text: 'Set handling time to 2 days on all 214 seller-fulfilled SKUs and shipped the 48 late orders with upgraded shipping.',
      completedAt: '2026-11-10',
    },
  ],
  preventiveMeasures: [
    {
      text: 'Daily dashboard of orders at risk of missing the ship-by date, reviewed at 09:00.',
      owner: 'Operations manager, Kim Park',
      startDate: '2026-11-11',
      frequency: 'Daily',
    },
  ],
  supportingDocuments: [],
};

export interface DemoCase {
  client: number;
  title: string;
  violationType: ViolationType;
  marketplace: MarketplaceCode;
  asins: string[];
  notice: string;
  receivedDaysAgo: number;
  draft: DraftSections;
  steps: string[];
}

export const DEMO_CASES: DemoCase[] = [
  {
    client: 0,
    title: 'Inauthentic complaint on kitchen scale',
    violationType: 'product_authenticity',
    marketplace: 'US',
    asins: ['B0DEMO0001'],
    receivedDaysAgo: 2,
    notice:
      'Hello, We received a complaint that ASIN B0DEMO0001 is inauthentic. Your listing has been removed. Please send a plan of action within 17 days.',
    draft: AUTHENTICITY,
    steps: [],
  },
  {
    client: 0,
    title: 'Late shipment rate above 4%',
    violationType: 'late_shipment_rate',
    marketplace: 'US',
    asins: [],
    receivedDaysAgo: 4,
    notice: 'Your Late Shipment Rate is 6.1%, above the 4% target. Please provide a plan of action within 17 days.',
    draft: LATE_SHIPMENT,
    steps: ['start_drafting', 'draft', 'comment'],
  },
  {
    client: 1,
    title: 'Trademark complaint on USB-C hub',
    violationType: 'intellectual_property',
    marketplace: 'JP',
    asins: ['B0DEMO0002', 'B0DEMO0003'],
    receivedDaysAgo: 6,
    notice: 'Amazon.co.jp: We received a report of trademark infringement regarding ASIN B0DEMO0002 and B0DEMO0003.',
    draft: {
      ...AUTHENTICITY,
      summary: 'The rights owner reported B0DEMO0002 and B0DEMO0003 for use of their trademark in our titles. We have removed the wording.',
    },
    steps: ['start_drafting', 'draft', 'submit_for_review'],
  },
  {
    client: 2,
    title: 'Restricted claims: antibacterial soap',
    violationType: 'restricted_products',
    marketplace: 'DE',
    asins: ['B0DEMO0004'],
    receivedDaysAgo: 1,
    notice: 'Amazon.de: ASIN B0DEMO0004 makes pesticide claims ("antibacterial"). Please respond within 72 hours.',
    draft: {
      ...AUTHENTICITY,
      summary: 'Our listing for B0DEMO0004 used the word "antibacterial". We removed the claim from all listings and packaging images.',
    },
    steps: ['start_drafting', 'draft', 'submit_for_review', 'request_changes', 'redraft', 'submit_for_review', 'approve_internal'],
  },
  {
    client: 0,
    title: 'Condition complaints on returned blenders',
    violationType: 'product_condition',
    marketplace: 'CA',
    asins: ['B0DEMO0005'],
    receivedDaysAgo: 9,
    notice: 'Customers reported that ASIN B0DEMO0005 was sold as new but arrived used.',
    draft: { ...AUTHENTICITY, summary: 'Returned units of B0DEMO0005 were re-sold as new because our returns desk did not inspect seals.' },
    steps: ['start_drafting', 'draft', 'submit_for_review', 'approve_internal', 'client_approve'],
  },
  {
    client: 2,
    title: 'Order defect rate at 1.4%',
    violationType: 'order_defect_rate',
    marketplace: 'FR',
    asins: [],
    receivedDaysAgo: 20,
    notice: 'Your Order Defect Rate is 1.4%, above the 1% target.',
    draft: LATE_SHIPMENT,
    steps: ['start_drafting', 'draft', 'submit_for_review', 'approve_internal', 'client_approve', 'mark_submitted', 'more_info'],
  },
  {
    client: 1,
    title: 'Review manipulation warning',
    violationType: 'review_manipulation',
    marketplace: 'JP',
    asins: ['B0DEMO0006'],
    receivedDaysAgo: 30,
    notice: 'We found evidence of incentivised reviews on ASIN B0DEMO0006.',
    draft: {
      ...LATE_SHIPMENT,
      summary: 'A marketing agency offered refunds for reviews of B0DEMO0006 without our knowledge; we ended the contract.',
    },
    steps: ['start_drafting', 'draft', 'submit_for_review', 'approve_internal', 'client_approve', 'mark_submitted', 'reinstated'],
  },
];
