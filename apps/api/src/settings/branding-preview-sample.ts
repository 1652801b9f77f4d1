import type { PoaDocument } from '@poa/pdf';

/** A short, plainly fictional plan the branding preview lays out with the agency's own name, logo and colours. */
export function brandingPreviewDocument(): Omit<PoaDocument, 'tenant' | 'mode'> {
  return {
    client: { name: 'Example Seller LLC', sellerId: 'A1EXAMPLE00001' },
    caseInfo: {
      reference: 'POA-0000-0000',
      title: 'Sample plan: late shipment rate above 4%',
      marketplace: 'amazon.com (US)',
      violationType: 'late_shipment_rate',
      violationLabel: 'Late shipment rate',
      asins: ['B000EXAMPLE'],
    },
    version: {
      version: 1,
      createdAt: '2026-01-15T09:00:00Z',
      sections: {
        summary:
          'This is a sample plan that shows how your branding appears on a Plan of Action. Between 1 and 31 December ' +
          '2025 our late shipment rate rose to 6.2% because orders placed after 2 pm missed the carrier collection.',
        rootCauses: [
          { text: 'Orders placed after 2 pm were picked the next morning, after the 11 am carrier collection had left.' },
          { text: 'Our handling time in Seller Central was 1 day although the warehouse needed 2 days in peak weeks.' },
        ],
        correctiveActions: [
          { text: 'Moved the daily carrier collection to 5 pm (contract amendment 2026-01).', completedAt: '2026-01-05' },
          { text: 'Set the handling time to 2 days for all SKUs until the new collection time is proven.', completedAt: '2026-01-06' },
        ],
        preventiveMeasures: [
          {
            text: 'Orders not picked by 4 pm are listed on a dashboard and escalated to the warehouse lead.',
            owner: 'Warehouse Lead',
            startDate: '2026-01-06',
            frequency: 'Daily',
          },
          {
            text: 'The late shipment rate in Account Health is reviewed and any rise above 2% is investigated.',
            owner: 'Operations Manager',
            startDate: '2026-01-06',
            frequency: 'Weekly',
          },
        ],
        supportingDocuments: [
          {
            attachmentId: 'sample',
            fileName: 'carrier-contract-amendment.pdf',
            description: 'Carrier contract amendment: proves the later collection time.',
          },
        ],
      },
    },
    approval: null,
  };
}
