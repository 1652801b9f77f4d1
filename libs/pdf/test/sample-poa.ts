import type { PoaDocument } from '../src/template/types';

const LOGO_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">' +
  '<rect width="40" height="40" rx="8" fill="#0b6e4f"/><path d="M10 28 L20 10 L30 28 Z" fill="#fff"/>' +
  '<text x="48" y="27" font-family="sans-serif" font-size="16" font-weight="700" fill="#0b6e4f">Apex</text></svg>';

export const SAMPLE_LOGO_DATA_URI = `data:image/svg+xml;base64,${Buffer.from(LOGO_SVG).toString('base64')}`;

/** A realistic product-authenticity POA, long enough for two to three A4 pages. */
export function samplePoaDocument(overrides: Partial<PoaDocument> = {}): PoaDocument {
  return {
    mode: 'final',
    tenant: {
      name: 'Apex Seller Recovery Ltd',
      branding: {
        logoDataUri: SAMPLE_LOGO_DATA_URI,
        primaryColor: '#0b6e4f',
        letterhead: '12 Harbour Street, Bristol BS1 4RN, United Kingdom\nappeals@apex-recovery.example · +44 117 000 0000',
        paperSize: 'A4',
      },
    },
    client: { name: 'Northwind Home Goods LLC', sellerId: 'A2NW0RTHW1ND77' },
    caseInfo: {
      reference: 'POA-2026-0142',
      title: 'Inauthentic item complaints on stainless steel cookware',
      marketplace: 'amazon.com (US)',
      violationType: 'product_authenticity',
      violationLabel: 'Product authenticity (inauthentic complaint)',
      asins: ['B0C1KX7Q2M', 'B0C1KX9R4T', 'B0D2LM3N8P'],
    },
    version: {
      version: 3,
      createdAt: '2026-03-12T10:15:00Z',
      sections: {
        summary:
          'Between 2 and 20 February 2026 three buyers reported that our 10-inch and 12-inch stainless steel pans ' +
          '(ASINs B0C1KX7Q2M, B0C1KX9R4T) and the matching lid (B0D2LM3N8P) were not authentic. We traced the ' +
          'complaints to one batch bought from a distributor we had not verified with the brand owner. We removed ' +
          'the batch, refunded every affected buyer and now buy only from the manufacturer or its authorised distributor.',
        rootCauses: [
          {
            text:
              'We bought 400 units (batch NW-2401) from Eastline Trading, a wholesaler that was not on the brand ' +
              "owner's list of authorised distributors. We accepted its invoice without checking the supply chain back to the manufacturer.",
          },
          {
            text:
              'Our receiving checklist compared quantities only. Nobody compared the packaging, the laser-etched logo ' +
              'or the serial labels of the new batch with units from the manufacturer, so differences in the box print went unnoticed.',
          },
          {
            text:
              'Buyer messages mentioning "fake", "not original" or "different from the picture" went to a general ' +
              'support queue with a 72-hour target. The first complaint (order 112-4839201-5531844) was not escalated for four days.',
          },
          {
            text: 'Our listing images for B0D2LM3N8P still showed an older lid design, so buyers who received the current design reasonably thought it was a different product.',
          },
        ],
        correctiveActions: [
          {
            text: 'Removed all remaining 212 units of batch NW-2401 from FBA inventory (removal order RM-88213) and destroyed them with a certificate of destruction.',
            completedAt: '2026-02-22',
          },
          {
            text: 'Refunded in full the 37 buyers who received units from batch NW-2401, including the three complainants (orders 112-4839201-5531844, 113-0948211-7730155, 114-2278310-9901832).',
            completedAt: '2026-02-24',
          },
          {
            text: 'Ended the supply relationship with Eastline Trading and cancelled open purchase order PO-7731.',
            completedAt: '2026-02-21',
          },
          {
            text: 'Obtained a letter of authorization from Calder Cookware Inc. naming Northwind Home Goods as an authorised reseller until 31 December 2027.',
            completedAt: '2026-03-02',
          },
          {
            text: 'Replaced the images of B0D2LM3N8P with photographs of the current lid design supplied by the manufacturer.',
            completedAt: '2026-02-26',
          },
          {
            text: 'Audited the invoices of every other ASIN in our catalogue (146 ASINs); all trace back to the manufacturer or an authorised distributor.',
            completedAt: '2026-03-06',
          },
        ],
        preventiveMeasures: [
          {
            text: "We buy branded products only from the manufacturer or a distributor on the brand owner's written list; purchasing software blocks purchase orders to any other supplier.",
            owner: 'Head of Purchasing (M. Ortiz)',
            startDate: '2026-03-01',
            frequency: 'Every purchase order',
          },
          {
            text: 'Every new batch is compared with a reference unit from the manufacturer (packaging, logo etching, serial labels) and photographed before it is sent to FBA.',
            owner: 'Warehouse Lead (J. Kim)',
            startDate: '2026-03-03',
            frequency: 'Every inbound batch',
          },
          {
            text: 'Buyer messages containing authenticity keywords are routed to a dedicated queue and answered within 12 hours; the batch is quarantined while we investigate.',
            owner: 'Customer Service Manager (P. Singh)',
            startDate: '2026-02-25',
            frequency: 'Daily review',
          },
          {
            text: 'Supplier documents (invoices, authorization letters) are kept in one folder per ASIN and checked for validity and expiry.',
            owner: 'Compliance Officer (R. Adeyemi)',
            startDate: '2026-03-05',
            frequency: 'Monthly',
          },
          {
            text: 'Listing images are compared with the current product at each new production run.',
            owner: 'Catalogue Manager (L. Novak)',
            startDate: '2026-03-10',
            frequency: 'Each production run',
          },
          {
            text: 'Account Health and the Voice of the Customer dashboard are reviewed and any authenticity signal is escalated to the owner.',
            owner: 'Operations Director (S. Meyer)',
            startDate: '2026-02-25',
            frequency: 'Weekly',
          },
        ],
        supportingDocuments: [
          {
            attachmentId: 'att_01',
            fileName: 'calder-invoice-INV-55102.pdf',
            description:
              'Invoice from Calder Cookware Inc. dated 14 January 2026 for 1,200 units of the three ASINs: proves authentic supply covering units sold.',
          },
          {
            attachmentId: 'att_02',
            fileName: 'calder-letter-of-authorization.pdf',
            description: 'Letter of authorization from the brand owner: proves we are an authorised reseller.',
          },
          {
            attachmentId: 'att_03',
            fileName: 'certificate-of-destruction-RM-88213.pdf',
            description: 'Certificate of destruction for the 212 removed units: proves the suspect batch is gone.',
          },
          {
            attachmentId: 'att_04',
            fileName: 'refund-report-feb-2026.csv',
            description: 'Refund report listing the 37 refunded orders: proves every affected buyer was refunded.',
          },
          {
            attachmentId: 'att_05',
            description: 'Screenshot of the purchasing software supplier block: proves unauthorised suppliers cannot be used.',
          },
        ],
      },
    },
    approval: {
      contactName: 'Dana Whitfield',
      contactEmail: 'dana@northwind-home.example',
      fullName: 'Dana Whitfield',
      approvedAt: '2026-03-13T16:42:09Z',
      ip: '203.0.113.24',
      userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
      contentSha256: '9f2c4e1b7a0d3c5e8f6a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6',
      recordedByName: 'Priya Raman (Apex Seller Recovery)',
    },
    ...overrides,
  };
}
