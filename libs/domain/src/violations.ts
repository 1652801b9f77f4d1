const HOUR = 60 * 60 * 1000;
// Restricted-product and pesticide-claim notices: "If you do not send a plan of action within 72 hours, your account may be
// deactivated" (notice wording); the same 72 hours applies to Account Health Assurance engagements.
const HOURS_72 = 72;
// Performance and policy deactivation notices: "submit a plan of action within 17 days" (notice wording).
const DAYS_17_IN_HOURS = 17 * 24;

/**
 * How a violation is usually resolved:
 * - `poa`: a Plan of Action through the appeal in Seller Central (Account Health);
 * - `retraction`: the rights owner withdraws the complaint by writing to Amazon directly (Amazon does not accept
 *   forwarded or attached retractions: Seller Central help "Intellectual property complaints");
 * - `listing_fix`: the listing is edited (claims removed, category or attributes corrected) and Amazon reinstates it;
 * - `compliance_documents`: certificates and test reports uploaded in Manage Your Compliance, not in the appeal.
 * A POA can still be written on every path: Amazon sometimes asks for one anyway.
 */
export const RESOLUTION_PATHS = ['poa', 'retraction', 'listing_fix', 'compliance_documents'] as const;
export type ResolutionPath = (typeof RESOLUTION_PATHS)[number];

export const RESOLUTION_PATH_LABELS: Record<ResolutionPath, string> = {
  poa: 'Plan of Action',
  retraction: 'Retraction by the rights owner',
  listing_fix: 'Fix the listing',
  compliance_documents: 'Compliance documents',
};

export function isResolutionPath(x: unknown): x is ResolutionPath {
  return typeof x === 'string' && (RESOLUTION_PATHS as readonly string[]).includes(x);
}

export interface EvidenceItem {
  readonly key: string;
  readonly label: string;
  /** What the document shows Amazon's reviewer. */
  readonly proves: string;
}

export const VIOLATION_TYPES = [
  {
    key: 'order_defect_rate',
    label: 'Order defect rate',
    description: 'Order defect rate over 1% (60 days): negative feedback, A-to-z claims, chargebacks.',
    path: 'poa',
    defaultDeadlineHours: DAYS_17_IN_HOURS,
    typicalRootCauses: ['Slow shipping', 'Poor packaging', 'Listing does not match the product'],
    // Seller Central help "Order Defect Rate": the rate is made of negative feedback, A-to-z claims and chargebacks.
    evidence: [
      { key: 'defect_orders', label: 'Order IDs per defect component', proves: 'Every defective order was looked at and answered' },
      { key: 'carrier_records', label: 'Carrier tracking records', proves: 'Orders now ship and arrive on time' },
    ],
  },
  {
    key: 'late_shipment_rate',
    label: 'Late shipment rate',
    description: 'Late shipment rate over 4% (10 and 30 days) on seller-fulfilled orders.',
    path: 'poa',
    defaultDeadlineHours: DAYS_17_IN_HOURS,
    typicalRootCauses: ['Handling time too short', 'Stock-outs', 'Holidays', 'Carrier cut-off times missed'],
    // Seller Central help "Late Shipment Rate": ship confirmation after the expected ship date.
    evidence: [
      { key: 'handling_time', label: 'Screenshot of the corrected handling-time settings', proves: 'Promised dates can be met' },
      { key: 'carrier_pickup', label: 'Carrier pickup schedule', proves: 'Parcels leave before the cut-off time' },
    ],
  },
  {
    key: 'cancellation_rate',
    label: 'Cancellation rate',
    description: 'Pre-fulfillment cancel rate over 2.5% (7 days).',
    path: 'poa',
    defaultDeadlineHours: DAYS_17_IN_HOURS,
    typicalRootCauses: ['Inventory out of sync between channels', 'Pricing errors'],
    // Seller Central help "Pre-fulfillment Cancel Rate": cancellations by the seller before shipping.
    evidence: [
      { key: 'inventory_sync', label: 'Inventory synchronisation report', proves: 'Stock shown on Amazon matches the warehouse' },
      { key: 'cancelled_orders', label: 'Order IDs of the cancelled orders', proves: 'Each cancellation was traced to its cause' },
    ],
  },
  {
    key: 'valid_tracking_rate',
    label: 'Valid tracking rate',
    description: 'Valid tracking rate under 95% (7 and 30 days).',
    path: 'poa',
    defaultDeadlineHours: DAYS_17_IN_HOURS,
    typicalRootCauses: ['Missing or invalid tracking numbers', 'Wrong carrier selected'],
    // Seller Central help "Valid Tracking Rate": tracking numbers Amazon can scan, with the right carrier.
    evidence: [
      { key: 'carrier_integration', label: 'Carrier integration or Buy Shipping set-up', proves: 'Tracking is uploaded automatically' },
    ],
  },
  {
    key: 'product_authenticity',
    label: 'Product authenticity',
    description: 'Inauthentic or counterfeit complaint.',
    path: 'poa',
    defaultDeadlineHours: DAYS_17_IN_HOURS,
    typicalRootCauses: ['Supplier cannot be verified', 'Liquidation or retail-arbitrage sourcing'],
    // Notice wording: "invoices from your supplier dated within the last 365 days" (some account reviews ask for 90 days);
    // invoices show the supplier's name, address, phone and website, and quantities covering the units sold.
    evidence: [
      { key: 'supplier_invoices', label: 'Supplier invoices', proves: 'The units sold were bought from a traceable source' },
      { key: 'letter_of_authorization', label: 'Letter of authorization from the brand', proves: 'The seller may sell the brand' },
      { key: 'supplier_details', label: "Supplier's contact details", proves: 'Amazon can verify the supplier' },
    ],
  },
  {
    key: 'intellectual_property',
    label: 'Intellectual property',
    description: 'Trademark, copyright or patent complaint.',
    path: 'retraction',
    defaultDeadlineHours: DAYS_17_IN_HOURS,
    typicalRootCauses: ['Brand used without authorization', 'Copied images or text'],
    // Seller Central help "Intellectual property complaints": the rights owner sends the retraction to Amazon
    // (notice-dispute@amazon.com) from the address of the complaint; forwarded or attached retractions are not accepted.
    evidence: [
      { key: 'retraction', label: 'Retraction sent by the rights owner to Amazon', proves: 'The complaint is withdrawn' },
      { key: 'non_infringement', label: 'Proof of non-infringement', proves: 'The listing does not use the protected right' },
    ],
  },
  {
    key: 'product_condition',
    label: 'Product condition',
    description: 'Used sold as new, or condition complaints.',
    path: 'poa',
    defaultDeadlineHours: DAYS_17_IN_HOURS,
    typicalRootCauses: ['Opened or returned stock resold as new', 'Damaged packaging'],
    // Seller Central help "Condition guidelines": used items must not be sold as new.
    evidence: [
      { key: 'sourcing_records', label: 'Sourcing records', proves: 'The units were bought new' },
      { key: 'qc_checklist', label: 'Quality-control checklist', proves: 'Every unit is inspected before it ships' },
    ],
  },
  {
    key: 'restricted_products',
    label: 'Restricted products',
    description: 'Prohibited claims or items, e.g. pesticide-type claims such as "antimicrobial".',
    path: 'listing_fix',
    defaultDeadlineHours: HOURS_72,
    typicalRootCauses: ['Pesticide-type claims in the listing', 'Banned items listed'],
    // Notice wording: "Remove the pesticide claims, do not just set the listing out of stock."
    evidence: [
      { key: 'corrected_listing', label: 'Corrected listing text', proves: 'The prohibited claims are gone' },
      { key: 'removed_listings', label: 'Listings removed (not just out of stock)', proves: 'The item is no longer offered' },
    ],
  },
  {
    key: 'product_safety',
    label: 'Product safety',
    description: "Missing safety certification (e.g. children's products).",
    path: 'compliance_documents',
    defaultDeadlineHours: HOURS_72,
    typicalRootCauses: ['No test report or certificate'],
    // Seller Central help "Manage Your Compliance": a Children's Product Certificate plus a report from a CPSC-accepted
    // laboratory for children's products; ISO/IEC 17025 accredited laboratories for other products.
    evidence: [
      { key: 'cpc', label: "Children's Product Certificate", proves: 'The product meets the applicable safety rules' },
      { key: 'lab_report', label: 'Test report from an accepted laboratory', proves: 'The product was tested by an accredited laboratory' },
    ],
  },
  {
    key: 'related_accounts',
    label: 'Related accounts',
    description: 'Account linked to a suspended account.',
    path: 'poa',
    defaultDeadlineHours: DAYS_17_IN_HOURS,
    typicalRootCauses: ['Shared bank account', 'Shared address', 'Shared device', 'Shared staff'],
    // Notice wording: "your account is related to another account that may not be used to sell on Amazon".
    evidence: [
      { key: 'contracts', label: 'Contracts or letters ending the shared arrangement', proves: 'The link between the accounts is gone' },
      { key: 'bank_records', label: 'Bank records', proves: 'No bank account is shared' },
    ],
  },
  {
    key: 'code_of_conduct',
    label: 'Code of conduct',
    description: 'Section 3 / deceptive activity. Zero tolerance for fraud.',
    path: 'poa',
    defaultDeadlineHours: DAYS_17_IN_HOURS,
    typicalRootCauses: ['Seller support abuse', 'Misleading practices'],
    // Seller Central help "Seller Code of Conduct".
    evidence: [{ key: 'practice_stopped', label: 'Proof the practice has stopped', proves: 'The conduct cannot recur' }],
  },
  {
    key: 'review_manipulation',
    label: 'Review manipulation',
    description: 'Incentivised or family reviews.',
    path: 'poa',
    defaultDeadlineHours: DAYS_17_IN_HOURS,
    typicalRootCauses: ['Incentives offered for reviews', 'Review clubs'],
    // Seller Central help "Customer product reviews policies".
    evidence: [
      { key: 'orders_concerned', label: 'Order IDs concerned', proves: 'Every incentivised order was identified' },
      { key: 'practice_stopped', label: 'Proof the practices stopped', proves: 'No incentive is offered any more' },
    ],
  },
  {
    key: 'listing_policy',
    label: 'Listing policy',
    description: 'Wrong category, keyword stuffing or detail-page abuse.',
    path: 'listing_fix',
    defaultDeadlineHours: DAYS_17_IN_HOURS,
    typicalRootCauses: ['Bad listing practices'],
    // Seller Central help "Product detail page rules".
    evidence: [
      { key: 'corrected_listing', label: 'Corrected listing', proves: 'The detail page follows the rules' },
      { key: 'screenshots', label: 'Screenshots of the live listing', proves: 'The change is published' },
    ],
  },
  {
    key: 'other',
    label: 'Other',
    description: 'Any other policy or performance issue.',
    path: 'poa',
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
  readonly path: ResolutionPath;
  readonly defaultDeadlineHours: number;
  readonly typicalRootCauses: readonly string[];
  readonly evidence: readonly EvidenceItem[];
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

/** The path a case takes by default: that of its first issue. */
export function defaultPath(key: ViolationType): ResolutionPath {
  return violationTypeInfo(key).path;
}

export function defaultDueAt(type: ViolationType, noticeReceivedAt: Date): Date {
  return new Date(noticeReceivedAt.getTime() + violationTypeInfo(type).defaultDeadlineHours * HOUR);
}
