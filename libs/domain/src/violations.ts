const HOUR = 60 * 60 * 1000;
const HOURS_72 = 72;
// Performance notices ask for a POA "within 17 days".
const DAYS_17_IN_HOURS = 17 * 24;

export const VIOLATION_TYPES = [
  {
    key: 'order_defect_rate',
    label: 'Order defect rate',
    description: 'Order defect rate over 1% (60 days): negative feedback, A-to-z claims, chargebacks.',
    defaultDeadlineHours: DAYS_17_IN_HOURS,
    typicalRootCauses: ['Slow shipping', 'Poor packaging', 'Listing does not match the product'],
    evidence: ['A section per ODR component', 'Order IDs of the defective orders'],
  },
  {
    key: 'late_shipment_rate',
    label: 'Late shipment rate',
    description: 'Late shipment rate over 4% (10 and 30 days) on seller-fulfilled orders.',
    defaultDeadlineHours: DAYS_17_IN_HOURS,
    typicalRootCauses: ['Handling time too short', 'Stock-outs', 'Holidays', 'Carrier cut-off times missed'],
    evidence: ['Corrected handling-time settings', 'Carrier pickup schedule'],
  },
  {
    key: 'cancellation_rate',
    label: 'Cancellation rate',
    description: 'Pre-fulfillment cancel rate over 2.5% (7 days).',
    defaultDeadlineHours: DAYS_17_IN_HOURS,
    typicalRootCauses: ['Inventory out of sync between channels', 'Pricing errors'],
    evidence: ['Inventory synchronisation fixes', 'Order IDs of the cancelled orders'],
  },
  {
    key: 'valid_tracking_rate',
    label: 'Valid tracking rate',
    description: 'Valid tracking rate under 95% (7 and 30 days).',
    defaultDeadlineHours: DAYS_17_IN_HOURS,
    typicalRootCauses: ['Missing or invalid tracking numbers', 'Wrong carrier selected'],
    evidence: ['Carrier integration', 'Use of Buy Shipping'],
  },
  {
    key: 'product_authenticity',
    label: 'Product authenticity',
    description: 'Inauthentic or counterfeit complaint.',
    defaultDeadlineHours: DAYS_17_IN_HOURS,
    typicalRootCauses: ['Supplier cannot be verified', 'Liquidation or retail-arbitrage sourcing'],
    evidence: ['Supplier invoices dated within 365 days, covering the units sold', 'Letter of authorization from the brand'],
  },
  {
    key: 'intellectual_property',
    label: 'Intellectual property',
    description: 'Trademark, copyright or patent complaint.',
    defaultDeadlineHours: DAYS_17_IN_HOURS,
    typicalRootCauses: ['Brand used without authorization', 'Copied images or text'],
    evidence: ['Retraction from the rights owner', 'Proof of non-infringement'],
  },
  {
    key: 'product_condition',
    label: 'Product condition',
    description: 'Used sold as new, or condition complaints.',
    defaultDeadlineHours: DAYS_17_IN_HOURS,
    typicalRootCauses: ['Opened or returned stock resold as new', 'Damaged packaging'],
    evidence: ['Sourcing records', 'Quality-control checklist', 'Returns-handling procedure'],
  },
  {
    key: 'restricted_products',
    label: 'Restricted products',
    description: 'Prohibited claims or items, e.g. pesticide-type claims such as "antimicrobial".',
    defaultDeadlineHours: HOURS_72,
    typicalRootCauses: ['Pesticide-type claims in the listing', 'Banned items listed'],
    evidence: ['Listings removed (not just out of stock)', 'Corrected listing text'],
  },
  {
    key: 'product_safety',
    label: 'Product safety',
    description: "Missing safety certification (e.g. children's products).",
    defaultDeadlineHours: HOURS_72,
    typicalRootCauses: ['No test report or certificate'],
    evidence: ["Children's Product Certificate", 'Lab test report'],
  },
  {
    key: 'related_accounts',
    label: 'Related accounts',
    description: 'Account linked to a suspended account.',
    defaultDeadlineHours: DAYS_17_IN_HOURS,
    typicalRootCauses: ['Shared bank account', 'Shared address', 'Shared device', 'Shared staff'],
    evidence: ['Contracts', 'Bank records', 'Proof the link is gone'],
  },
  {
    key: 'code_of_conduct',
    label: 'Code of conduct',
    description: 'Section 3 / deceptive activity. Zero tolerance for fraud.',
    defaultDeadlineHours: DAYS_17_IN_HOURS,
    typicalRootCauses: ['Seller support abuse', 'Misleading practices'],
    evidence: ['Proof the practice has stopped'],
  },
  {
    key: 'review_manipulation',
    label: 'Review manipulation',
    description: 'Incentivised or family reviews.',
    defaultDeadlineHours: DAYS_17_IN_HOURS,
    typicalRootCauses: ['Incentives offered for reviews', 'Review clubs'],
    evidence: ['Order IDs concerned', 'Proof the practices stopped'],
  },
  {
    key: 'listing_policy',
    label: 'Listing policy',
    description: 'Wrong category, keyword stuffing or detail-page abuse.',
    defaultDeadlineHours: DAYS_17_IN_HOURS,
    typicalRootCauses: ['Bad listing practices'],
    evidence: ['Corrected listing', 'Screenshots'],
  },
  {
    key: 'other',
    label: 'Other',
    description: 'Any other policy or performance issue.',
    // Amazon publishes no deadline for these; agencies work to the 17 days of performance notices.
    defaultDeadlineHours: DAYS_17_IN_HOURS,
    typicalRootCauses: [],
    evidence: [],
  },
] as const satisfies readonly ViolationTypeInfo[];

export interface ViolationTypeInfo {
  readonly key: string;
  readonly label: string;
  readonly description: string;
  readonly defaultDeadlineHours: number;
  readonly typicalRootCauses: readonly string[];
  readonly evidence: readonly string[];
}

export type ViolationType = (typeof VIOLATION_TYPES)[number]['key'];

export const VIOLATION_TYPE_KEYS = VIOLATION_TYPES.map((v) => v.key) as unknown as readonly [ViolationType, ...ViolationType[]];

const BY_KEY = new Map<string, ViolationTypeInfo>(VIOLATION_TYPES.map((v) => [v.key, v]));

export function isViolationType(x: unknown): x is ViolationType {
  return typeof x === 'string' && BY_KEY.has(x);
}

export function violationTypeInfo(key: ViolationType): ViolationTypeInfo {
  const info = BY_KEY.get(key);
  if (!info) throw new Error(`Unknown violation type: ${key}`);
  return info;
}

export function violationLabel(key: ViolationType): string {
  return violationTypeInfo(key).label;
}

export function defaultDueAt(type: ViolationType, noticeReceivedAt: Date): Date {
  return new Date(noticeReceivedAt.getTime() + violationTypeInfo(type).defaultDeadlineHours * HOUR);
}
