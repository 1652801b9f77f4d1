import type { ViolationType } from '@poa/domain';

/** What a plan of a demo decided case says: `{asin}`, `{order}` and `{seller}` are filled from the case. */
export interface PlanText {
  title: string;
  notice: string;
  summary: string;
  rootCauses: string[];
  correctiveActions: string[];
  preventiveMeasures: { text: string; owner: string; frequency: string }[];
}

/**
 * Plans as agencies write them for each violation type, two wordings of each so that no two cases read alike. The
 * demo varies them further by client, dates and the weaknesses it adds (see seed-results.ts).
 */
export const RESULT_PLANS: Partial<Record<ViolationType, PlanText[]>> = {
  order_defect_rate: [
    {
      title: 'Order Defect Rate above 1%',
      notice: 'Your Order Defect Rate is above 1% over the last 60 days, including negative feedback on ASIN {asin} (order {order}).',
      summary: 'Our Order Defect Rate rose because glass items for ASIN {asin} broke in transit and buyers left negative feedback.',
      rootCauses: [
        'Mugs for ASIN {asin} were packed in single-wall boxes without dividers; 14 of 310 orders arrived broken, including order {order}.',
      ],
      correctiveActions: [
        'Refunded or replaced every affected order, including {order}, and contacted each buyer to apologise.',
        'Repacked the 420 units in stock into double-wall boxes with cardboard dividers.',
      ],
      preventiveMeasures: [
        {
          text: 'Drop-test one packed unit of every inbound batch before it goes on sale.',
          owner: 'Warehouse lead',
          frequency: 'every batch',
        },
        {
          text: 'Review new negative feedback and A-to-z claims and log the cause of each.',
          owner: 'Customer service lead',
          frequency: 'daily',
        },
      ],
    },
    {
      title: 'Account at risk: Order Defect Rate',
      notice: 'Order Defect Rate 1.8% (target under 1%). A-to-z claims include order {order} for ASIN {asin}.',
      summary: 'A-to-z claims on ASIN {asin} came from late replies to buyers while our only support agent was away.',
      rootCauses: [
        'Buyer messages went unanswered for up to 5 days in one week; 9 buyers, including order {order}, opened A-to-z claims instead.',
      ],
      correctiveActions: [
        'Answered every open buyer message and refunded the 9 claimed orders, including {order}.',
        'Set up a shared support inbox that two trained staff members now cover.',
      ],
      preventiveMeasures: [
        { text: 'Check that no buyer message is older than 24 hours.', owner: 'Support manager', frequency: 'twice a day' },
        {
          text: 'Compare the Order Defect Rate with the 1% target and report it to the owner.',
          owner: 'Operations manager',
          frequency: 'weekly',
        },
      ],
    },
  ],
  late_shipment_rate: [
    {
      title: 'Late Shipment Rate above 4%',
      notice: 'Your Late Shipment Rate is 6.2% over 30 days, above the 4% target. Late orders include {order} (ASIN {asin}).',
      summary: 'Orders for ASIN {asin} shipped late because our handling time of 1 day could not be met during a stock transfer.',
      rootCauses: [
        'Handling time was set to 1 day while stock of ASIN {asin} moved between warehouses; 38 orders, including {order}, shipped on day 2 or 3.',
      ],
      correctiveActions: [
        'Shipped every pending order and confirmed each with valid tracking, including {order}.',
        'Raised the handling time to 2 days in the shipping template.',
      ],
      preventiveMeasures: [
        { text: 'Compare the carrier cut-off with the orders still unshipped at 14:00.', owner: 'Dispatch supervisor', frequency: 'daily' },
        { text: 'Review the handling time before any stock transfer or holiday.', owner: 'Operations manager', frequency: 'monthly' },
      ],
    },
    {
      title: 'Seller-fulfilled orders shipped late',
      notice: 'Late Shipment Rate 5.1% (10 days). Please submit a plan within 17 days. Order {order}, ASIN {asin}.',
      summary: 'A missed carrier pick-up schedule left orders for ASIN {asin} unshipped for two days.',
      rootCauses: [
        'Our carrier pick-up moved from 17:00 to 15:00 and the packing shift was not changed; order {order} and 22 others missed two pick-ups.',
      ],
      correctiveActions: [
        'Moved the packing shift to start two hours earlier and shipped the 23 late orders, including {order}.',
        'Booked a second daily pick-up with the carrier.',
      ],
      preventiveMeasures: [
        { text: 'Check the carrier pick-up time against the packing rota.', owner: 'Dispatch supervisor', frequency: 'weekly' },
        { text: 'Alert the team lead when more than 10 orders are unpacked at 13:00.', owner: 'Team lead', frequency: 'daily' },
      ],
    },
  ],
  cancellation_rate: [
    {
      title: 'Pre-fulfillment cancel rate above 2.5%',
      notice: 'Your pre-fulfillment cancel rate is 4.0% over 7 days. Cancelled orders include {order} for ASIN {asin}.',
      summary: 'Orders for ASIN {asin} were cancelled because our inventory feed showed stock we had already sold on another channel.',
      rootCauses: [
        'The inventory feed ran every 6 hours, so ASIN {asin} stayed on sale after it sold out on our web shop; order {order} and 17 others were cancelled.',
      ],
      correctiveActions: [
        'Switched the inventory feed to update every 15 minutes and reconciled stock of ASIN {asin} by hand.',
        'Wrote to each buyer of the 18 cancelled orders, including {order}, with a discount code.',
      ],
      preventiveMeasures: [
        { text: 'Compare Amazon stock with the warehouse count for the top 50 ASINs.', owner: 'Inventory planner', frequency: 'daily' },
        { text: 'Hold back 2 units of each ASIN as a buffer against overselling.', owner: 'Inventory planner', frequency: 'weekly' },
      ],
    },
  ],
  valid_tracking_rate: [
    {
      title: 'Valid Tracking Rate below 95%',
      notice: 'Valid Tracking Rate 91% over 30 days. Order {order} (ASIN {asin}) shipped without valid tracking.',
      summary: 'Orders for ASIN {asin} were confirmed with a carrier name Amazon does not recognise, so their tracking was not valid.',
      rootCauses: [
        'Our shipping software sent the carrier as "Other" for a regional courier; 41 orders, including {order}, had no valid tracking.',
      ],
      correctiveActions: [
        'Re-confirmed the 41 orders with the correct carrier code, including {order}.',
        'Switched regional deliveries to Buy Shipping labels.',
      ],
      preventiveMeasures: [
        {
          text: 'Check the Valid Tracking Rate report and fix any order without a scan.',
          owner: 'Dispatch supervisor',
          frequency: 'daily',
        },
      ],
    },
  ],
  product_authenticity: [
    {
      title: 'Inauthentic item complaint',
      notice: 'We received a complaint that ASIN {asin} is inauthentic. Please provide invoices from your supplier dated within 365 days.',
      summary: 'A buyer reported ASIN {asin} as inauthentic; one lot came from a wholesaler whose invoices we had not checked.',
      rootCauses: [
        'We bought 120 units of ASIN {asin} from a wholesaler without confirming it was an authorised distributor of the brand.',
      ],
      correctiveActions: [
        'Removed the 64 remaining units of that lot from sale and returned them to the wholesaler.',
        'Obtained invoices for all current stock of ASIN {asin} directly from the brand’s authorised distributor.',
      ],
      preventiveMeasures: [
        {
          text: 'Confirm each new supplier with the brand owner before the first purchase order.',
          owner: 'Head of purchasing',
          frequency: 'every new supplier',
        },
        {
          text: 'Keep each invoice with its inbound shipment and match quantities to units received.',
          owner: 'Warehouse lead',
          frequency: 'every shipment',
        },
      ],
    },
    {
      title: 'Authenticity review of ASIN {asin}',
      notice: 'Listing ASIN {asin} has been removed following an authenticity complaint (order {order}).',
      summary: 'The complaint on order {order} came from units bought through a retail clearance sale that the brand cannot trace.',
      rootCauses: [
        'Units of ASIN {asin} sold in order {order} came from a retail clearance purchase with a receipt, not a supplier invoice.',
      ],
      correctiveActions: [
        'Destroyed the 12 clearance units left and kept the disposal record.',
        'Opened an account with the brand’s distributor and bought 200 units with invoices.',
      ],
      preventiveMeasures: [
        {
          text: 'Buy stock only from suppliers on the approved list signed off by the owner.',
          owner: 'Head of purchasing',
          frequency: 'every purchase order',
        },
      ],
    },
  ],
  intellectual_property: [
    {
      title: 'Trademark complaint on ASIN {asin}',
      notice: 'We removed ASIN {asin} after a trademark complaint from the rights owner. Complaint ID 7712045.',
      summary: 'Our listing for ASIN {asin} used the brand’s name in the title for a compatible accessory; the rights owner has retracted.',
      rootCauses: [
        'The title of ASIN {asin} used the brand name as a keyword instead of "compatible with", which the rights owner reported.',
      ],
      correctiveActions: [
        'Rewrote the title and bullet points of ASIN {asin} to say "compatible with" only where true.',
        'Asked the rights owner for a retraction, which they sent to Amazon directly.',
      ],
      preventiveMeasures: [
        {
          text: 'Check every new title for third-party brand names before it is published.',
          owner: 'Listing manager',
          frequency: 'every new listing',
        },
      ],
    },
  ],
  product_condition: [
    {
      title: 'Used sold as new complaints',
      notice: 'Buyers reported items sold as new under ASIN {asin} arrived used or damaged (order {order}).',
      summary: 'Returned units of ASIN {asin} went back to stock as new without inspection.',
      rootCauses: [
        'Returns of ASIN {asin} were restocked as new without opening the box; order {order} received a unit another buyer had used.',
      ],
      correctiveActions: [
        'Inspected every unit of ASIN {asin} in stock and moved 23 opened units to the used condition.',
        'Refunded the buyer of order {order} in full.',
      ],
      preventiveMeasures: [
        {
          text: 'Inspect every returned unit and grade it before it goes back to stock.',
          owner: 'Returns lead',
          frequency: 'every return',
        },
      ],
    },
  ],
  restricted_products: [
    {
      title: 'Restricted product claims on ASIN {asin}',
      notice: 'ASIN {asin} makes pesticide claims ("antibacterial") and has been removed. Respond within 72 hours.',
      summary: 'The listing of ASIN {asin} called a cleaning cloth "antibacterial"; the claim is removed.',
      rootCauses: [
        'The description of ASIN {asin} was copied from the supplier’s sheet and said "antibacterial" without an EPA registration.',
      ],
      correctiveActions: [
        'Removed "antibacterial" and "kills germs" from the title, bullets and images of ASIN {asin}.',
        'Checked our other 34 listings for the same words and edited 3.',
      ],
      preventiveMeasures: [
        {
          text: 'Search every listing for the restricted-claims word list before publishing.',
          owner: 'Listing manager',
          frequency: 'every new listing',
        },
      ],
    },
  ],
  product_safety: [
    {
      title: 'Children’s product certificate missing',
      notice: 'ASIN {asin} is a children’s product and needs a Children’s Product Certificate and a test report.',
      summary: 'ASIN {asin} was listed before its Children’s Product Certificate and lab report were uploaded.',
      rootCauses: ['We listed ASIN {asin} when the lab report was still pending, so no certificate was on file.'],
      correctiveActions: [
        'Uploaded the Children’s Product Certificate and the CPSC-accepted lab report for ASIN {asin} in Manage Your Compliance.',
      ],
      preventiveMeasures: [
        {
          text: 'Publish a children’s product only once its certificate and report are on file.',
          owner: 'Compliance officer',
          frequency: 'every new listing',
        },
      ],
    },
  ],
  review_manipulation: [
    {
      title: 'Review manipulation on ASIN {asin}',
      notice: 'We found reviews on ASIN {asin} that violate our Community Guidelines (incentivised reviews).',
      summary: 'A package insert for ASIN {asin} offered a free gift for a review; the inserts are withdrawn.',
      rootCauses: ['Our packaging supplier printed an insert for ASIN {asin} offering a gift card in exchange for a review.'],
      correctiveActions: [
        'Removed every insert from the 510 units in stock of ASIN {asin} and destroyed the print run.',
        'Stopped the gift card offer and closed the e-mail address it used.',
      ],
      preventiveMeasures: [
        {
          text: 'Approve every insert and package print against Amazon’s review policy.',
          owner: 'Brand manager',
          frequency: 'every print run',
        },
      ],
    },
  ],
};

/** Weaknesses that cost appeals, added to some plans so the findings report has something to say. */
export const WEAK_LINES = {
  vague: 'We will do better and improve our processes so this does not happen again.',
  blame: 'The carrier lost several parcels, which caused most of the complaints.',
  emotive: 'This suspension is devastating for our small family business!',
} as const;
