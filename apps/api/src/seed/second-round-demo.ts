import type { Actor } from '@poa/db';
import type { DraftSections, SupportingDocument } from '@poa/domain';
import type { AttachmentsService } from '../attachments/attachments.service';
import type { CasesService } from '../cases/cases.service';
import type { DraftsService } from '../cases/drafts.service';
import type { WorkflowService } from '../cases/workflow.service';
import { samplePdf, type SampleLine } from './sample-pdf';

/** A demo evidence file: a generated PDF and what it proves. */
interface DemoEvidence {
  fileName: string;
  proves: string;
  lines: SampleLine[];
}

const SUPPLIER = ['Calder Cookware Inc.', '2200 Foundry Road, Pittsburgh, PA 15222, USA', '+1 412 555 0188 · www.caldercookware.example'];

function invoice(number: string, date: string, items: [string, string, number][]): SampleLine[] {
  return [
    { text: SUPPLIER[0], bold: true, size: 16 },
    ...SUPPLIER.slice(1).map((text) => ({ text, size: 9 })),
    { text: `INVOICE ${number}`, bold: true, size: 13, gap: 18 },
    { text: `Date: ${date}    Terms: paid in full (bank transfer)` },
    { text: 'Bill to: Northwind Home Goods, 41 Harbor Lane, Portland, OR 97209, USA', gap: 6 },
    { text: 'Item / Amazon ASIN / Quantity', bold: true, gap: 12 },
    ...items.map(([item, asin, quantity]) => ({ text: `${item}  /  ${asin}  /  ${quantity} units` })),
    { text: `Total units: ${items.reduce((sum, [, , q]) => sum + q, 0)}    (prices redacted by the buyer)`, gap: 6 },
  ];
}

const LETTER: DemoEvidence = {
  fileName: 'calder-cookware-authorisation-letter.pdf',
  proves: 'Calder Cookware (brand owner) authorises Northwind Home Goods to resell its saucepans until 31 Dec 2027',
  lines: [
    { text: SUPPLIER[0], bold: true, size: 16 },
    ...SUPPLIER.slice(1).map((text) => ({ text, size: 9 })),
    { text: 'Pittsburgh, 3 November 2026', gap: 18 },
    { text: 'Letter of authorisation', bold: true, size: 13, gap: 12 },
    { text: 'Calder Cookware Inc., owner of the CALDER trademark, confirms that Northwind Home Goods' },
    { text: '(Amazon seller ID A2NWHOME01) buys CALDER stainless steel saucepans directly from us and is' },
    { text: 'authorised to resell them on Amazon.com and Amazon.ca until 31 December 2027.' },
    { text: 'ASINs: B0DEMO0007 (18 cm saucepan), B0DEMO0008 (20 cm saucepan).', gap: 6 },
    { text: 'Helen Calder, Head of Channel Sales', gap: 18 },
  ],
};

const OCTOBER_INVOICE: DemoEvidence = {
  fileName: 'calder-invoice-CC-24817.pdf',
  proves: 'Invoice of 6 Oct 2026 from the manufacturer for 400 units of B0DEMO0007 and 200 of B0DEMO0008',
  lines: invoice('CC-24817', '6 October 2026', [
    ['CALDER 18 cm saucepan (CC-SP-18)', 'B0DEMO0007', 400],
    ['CALDER 20 cm saucepan (CC-SP-20)', 'B0DEMO0008', 200],
  ]),
};

const JUNE_INVOICE: DemoEvidence = {
  fileName: 'calder-invoice-CC-22950.pdf',
  proves:
    'Invoice of 12 Jun 2026 from the manufacturer for 250 units of B0DEMO0007: with CC-24817 it covers every unit sold in the last 365 days',
  lines: invoice('CC-22950', '12 June 2026', [['CALDER 18 cm saucepan (CC-SP-18)', 'B0DEMO0007', 250]]),
};

const ROUND_ONE: DraftSections = {
  summary:
    'On 4 November 2026 Amazon removed our listings for CALDER saucepans (B0DEMO0007, B0DEMO0008) after a buyer reported an inauthentic item. Every unit we sold came directly from the brand owner, Calder Cookware Inc.; the complaint arose from a returned unit that was re-sold without inspection.',
  rootCauses: [
    {
      text: 'A unit of B0DEMO0007 returned on 21 October 2026 (order 112-7001234-5566778) was re-listed as new without checking that it was the item we had shipped; the buyer had returned a different pan.',
    },
  ],
  correctiveActions: [
    {
      text: 'Removed the returned unit from stock and refunded the buyer of order 112-7001234-5566778 in full.',
      completedAt: '2026-11-05',
    },
    {
      text: 'Checked the serial labels of all 186 units of B0DEMO0007 and B0DEMO0008 in stock against Calder’s records.',
      completedAt: '2026-11-07',
    },
  ],
  preventiveMeasures: [
    {
      text: 'Every returned unit is matched to the serial label we shipped before it is re-stocked; mismatches are quarantined.',
      owner: 'Returns lead, Sam Ortiz',
      startDate: '2026-11-08',
      frequency: 'Every return',
    },
  ],
  supportingDocuments: [],
};

/** Round two answers Amazon's request for invoices covering every unit sold in the last 365 days. */
const ROUND_TWO: DraftSections = {
  ...ROUND_ONE,
  rootCauses: [
    ...ROUND_ONE.rootCauses,
    {
      text: 'Our first answer included only the October invoice (CC-24817), which covers 600 of the 812 units sold in the last 365 days; the 212 units sold from the June delivery were not documented.',
    },
  ],
  correctiveActions: [
    ...ROUND_ONE.correctiveActions,
    {
      text: 'Reconciled the 812 units sold since 1 December 2025 with invoices CC-22950 and CC-24817 (850 units bought).',
      completedAt: '2026-11-27',
    },
  ],
  preventiveMeasures: [
    ...ROUND_ONE.preventiveMeasures,
    {
      text: 'Monthly reconciliation of units sold per ASIN against supplier invoices, kept for 3 years.',
      owner: 'Compliance lead, Ana Ruiz',
      startDate: '2026-12-01',
      frequency: 'Monthly',
    },
  ],
};

export interface SecondRoundContext {
  as: <T>(actor: Actor, fn: () => Promise<T>) => Promise<T>;
  actor: Actor;
  clientId: string;
  contactId: string;
  assigneeId: string;
  app: { cases: CasesService; drafts: DraftsService; workflow: WorkflowService; attachments: AttachmentsService };
}

/**
 * A case in its second round: round one (the brand's letter and one invoice) was approved and submitted through
 * Seller Central, Amazon asked for invoices covering the last 365 days, and round two adds the missing invoice.
 */
export async function seedSecondRoundCase(ctx: SecondRoundContext): Promise<void> {
  const { as, actor, app } = ctx;
  const created = await as(actor, () =>
    app.cases.create({
      clientId: ctx.clientId,
      title: 'Inauthentic complaint on CALDER saucepans',
      violationType: 'product_authenticity',
      marketplace: 'US',
      asins: ['B0DEMO0007', 'B0DEMO0008'],
      noticeText:
        'Hello, We received a complaint that ASIN B0DEMO0007 is inauthentic (order 112-7001234-5566778). We have removed B0DEMO0007 and B0DEMO0008. To reinstate them, provide invoices from your supplier issued in the last 365 days and a plan of action within 17 days.',
      noticeReceivedAt: new Date(Date.now() - 25 * 86_400_000).toISOString(),
      assigneeId: ctx.assigneeId,
    }),
  );
  const act = (action: string, extra: Record<string, unknown> = {}) =>
    as(actor, () => app.workflow.transition(created.id, { action, ...extra } as never));
  const attach = async (evidence: DemoEvidence): Promise<SupportingDocument> => {
    const buffer = samplePdf(evidence.fileName, evidence.lines);
    const uploaded = await as(actor, () =>
      app.attachments.upload(created.id, { originalname: evidence.fileName, buffer, size: buffer.length }),
    );
    return { attachmentId: uploaded.id, description: evidence.proves };
  };
  let version = 0;
  const save = async (sections: DraftSections) => {
    await as(actor, () => app.drafts.create(created.id, { baseVersion: version, ...sections }));
    version++;
  };

  await act('start_drafting');
  const roundOneDocuments = [await attach(LETTER), await attach(OCTOBER_INVOICE)];
  await save({ ...ROUND_ONE, supportingDocuments: roundOneDocuments });
  await act('submit_for_review');
  await act('approve_internal');
  await act('client_approve', { contactId: ctx.contactId, fullName: 'Nora Northwind', note: 'Approved by email' });
  await act('mark_submitted', { channel: 'seller_central_form' });
  await act('record_outcome', {
    outcome: 'more_info_requested',
    amazonResponse:
      'Thank you for your appeal. The invoices you provided do not cover the units you sold in the last 365 days. Please provide invoices for all units sold.',
  });
  await act('start_drafting');
  const juneInvoice = await attach(JUNE_INVOICE);
  await save({ ...ROUND_TWO, supportingDocuments: [...roundOneDocuments, juneInvoice] });
}
