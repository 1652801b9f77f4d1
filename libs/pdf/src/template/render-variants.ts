import { safePrimaryColor } from './branding';
import { escapeHtml as e } from './escape';
import { formatDate, formatTimestamp } from './format';
import { pageStyles, type PageBoxes } from './header-footer';
import { letterhead, type PoaHtml } from './render-poa-html';
import {
  correctiveActionsSection,
  preventiveMeasuresSection,
  rootCausesSection,
  summarySection,
  supportingDocumentsSection,
} from './sections';
import { documentStyles } from './styles';
import type { PaperSize, PoaApproval, PoaDocument } from './types';
import { FONT_STYLESHEET_LINK } from '../fonts/font-origin';

/** Amazon's copy carries no agency colour: a neutral ink. */
const NEUTRAL_COLOR = '#2b2b2b';
const NOT_RECORDED = '<span class="empty">not recorded</span>';

function page(doc: PoaDocument, title: string, color: string, boxes: PageBoxes, body: string[]): string {
  const watermark = boxes.draft ? '<div class="watermark" aria-hidden="true">DRAFT</div>' : '';
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${e(title)}</title>` +
    `${FONT_STYLESHEET_LINK}<style>${documentStyles(color)}${pageStyles(boxes, color)}</style></head>` +
    `<body class="${doc.mode}">\n${[watermark, ...body].join('\n')}\n</body></html>`
  );
}

function paperSizeOf(doc: PoaDocument): PaperSize {
  return doc.tenant.branding.paperSize === 'Letter' ? 'Letter' : 'A4';
}

/** What the plan answers: every issue of the notice, or the case's violation when it names one. */
function concerning(doc: PoaDocument): string {
  const labels = doc.caseInfo.issueLabels ?? [];
  return labels.length ? labels.join('; ') : doc.caseInfo.violationLabel;
}

function factsTable(rows: [string, string][], className: string): string {
  return `<table class="${className}">${rows.map(([label, value]) => `<tr><th>${label}</th><td>${value}</td></tr>`).join('')}</table>`;
}

/**
 * The plan as Amazon reads it: in the seller's name, with none of the agency's name, logo, references, internal
 * keys or the client's approval proof. Pure, like renderPoaHtml.
 */
export function renderAmazonHtml(doc: PoaDocument): PoaHtml {
  const seller = doc.client.name;
  const title = `Plan of Action - ${seller}`;
  const date = formatDate(doc.version.createdAt) ?? '';
  const rows: [string, string][] = [['Seller', e(seller)]];
  if (doc.client.sellerId) rows.push(['Seller ID', `<span class="mono">${e(doc.client.sellerId)}</span>`]);
  rows.push(['Marketplace', e(doc.caseInfo.marketplace)], ['Concerning', e(concerning(doc))]);
  if (doc.caseInfo.asins.length) rows.push(['ASINs', `<span class="asins">${doc.caseInfo.asins.map(e).join(', ')}</span>`]);
  rows.push(['Date', e(date)]);
  const sections = doc.version.sections;
  const body = [
    `<header class="letterhead"><div class="agency-name">${e(seller)}</div></header>`,
    `<h1>Plan of Action</h1>`,
    factsTable(rows, 'facts'),
    summarySection(sections),
    rootCausesSection(sections),
    correctiveActionsSection(sections),
    preventiveMeasuresSection(sections),
    supportingDocumentsSection(sections),
  ];
  const boxes: PageBoxes = {
    topLeft: 'Plan of Action',
    topRight: seller,
    bottomLeft: `${seller} \u00b7 ${date}`,
    draft: doc.mode === 'draft',
  };
  return {
    html: page(doc, title, NEUTRAL_COLOR, boxes, body),
    title,
    author: seller,
    subject: `Plan of Action: ${concerning(doc)} (${doc.caseInfo.marketplace})`,
    paperSize: paperSizeOf(doc),
  };
}

function howRecorded(approval: PoaApproval): string {
  if (!approval.recordedByName) return 'Approved by the client contact in the client portal, signed by typing their full name.';
  const note = approval.note?.trim() ? ` Note: ${approval.note.trim()}` : '';
  return `Given outside the portal and recorded by ${approval.recordedByName} on the contact's behalf.${note}`;
}

/** The proof of a client's approval alone, for the agency's and the client's records (never sent to Amazon). */
export function renderCertificateHtml(doc: PoaDocument): PoaHtml {
  const approval = doc.approval;
  if (!approval) throw new Error('A certificate needs an approval');
  const color = safePrimaryColor(doc.tenant.branding.primaryColor);
  const reference = doc.caseInfo.reference;
  const version = String(doc.version.version);
  const title = `Certificate of approval ${reference} v${version} - ${doc.client.name}`;
  const statement =
    `<p class="statement">${e(approval.fullName)} approved version ${e(version)} of the Plan of Action ${e(reference)} ` +
    `on behalf of ${e(doc.client.name)} on ${e(formatTimestamp(approval.approvedAt) ?? approval.approvedAt)}. ` +
    `The SHA-256 fingerprint below is computed from the exact content of that version: any change to the plan gives a different fingerprint.</p>`;
  const caseRows: [string, string][] = [
    ['Reference', e(reference)],
    ['Seller', e(doc.client.name)],
  ];
  if (doc.client.sellerId) caseRows.push(['Seller ID', `<span class="mono">${e(doc.client.sellerId)}</span>`]);
  caseRows.push(
    ['Marketplace', e(doc.caseInfo.marketplace)],
    ['Violation type', e(concerning(doc))],
    ['Version approved', `${e(version)} (saved ${e(formatDate(doc.version.createdAt) ?? '')})`],
  );
  const proofRows: [string, string][] = [
    ['Approved by (typed name)', e(approval.fullName)],
    ['Client contact', `${e(approval.contactName)} &lt;${e(approval.contactEmail)}&gt;`],
    ['Approved at', e(formatTimestamp(approval.approvedAt) ?? approval.approvedAt)],
    ['Content SHA-256', `<span class="mono">${e(approval.contentSha256)}</span>`],
    ['How it was recorded', e(howRecorded(approval))],
    ['IP address', approval.ip ? `<span class="mono">${e(approval.ip)}</span>` : NOT_RECORDED],
    ['User agent', approval.userAgent ? `<span class="mono">${e(approval.userAgent)}</span>` : NOT_RECORDED],
  ];
  const body = [
    letterhead(doc),
    `<h1>Certificate of approval</h1><p class="subtitle">${e(doc.caseInfo.title)}</p>`,
    factsTable(caseRows, 'facts'),
    `<section class="approval"><h2>Approval</h2>${statement}${factsTable(proofRows, 'proof')}</section>`,
  ];
  const boxes: PageBoxes = {
    topLeft: `Certificate of approval \u00b7 ${reference}`,
    topRight: doc.tenant.name,
    bottomLeft: `${reference} \u00b7 version ${version}`,
    draft: false,
  };
  return {
    html: page(doc, title, color, boxes, body),
    title,
    author: doc.tenant.name,
    subject: `Approval of version ${version} of the Plan of Action ${reference}`,
    paperSize: paperSizeOf(doc),
  };
}
