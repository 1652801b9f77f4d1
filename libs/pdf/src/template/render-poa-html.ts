import { safeLogoDataUri, safePrimaryColor } from './branding';
import { escapeHtml as e } from './escape';
import { pageStyles, poaPageBoxes } from './header-footer';
import {
  approvalSection,
  caseFacts,
  correctiveActionsSection,
  preventiveMeasuresSection,
  rootCausesSection,
  summarySection,
  supportingDocumentsSection,
} from './sections';
import { documentStyles } from './styles';
import type { PaperSize, PoaDocument } from './types';
import { FONT_STYLESHEET_LINK } from '../fonts/font-origin';

export interface PoaHtml {
  /** The whole printable document: header and footer are its page-margin boxes. */
  html: string;
  title: string;
  author: string;
  subject: string;
  paperSize: PaperSize;
}

export function letterhead(doc: PoaDocument): string {
  const logo = safeLogoDataUri(doc.tenant.branding.logoDataUri);
  const logoImg = logo ? `<img class="logo" alt="" src="${logo}">` : '';
  const extra = doc.tenant.branding.letterhead?.trim()
    ? `<div class="letterhead-text">${e(doc.tenant.branding.letterhead.trim())}</div>`
    : '';
  return `<header class="letterhead">${logoImg}<div><div class="agency-name">${e(doc.tenant.name)}</div>${extra}</div></header>`;
}

/** Builds the printable POA. Pure: the same document always gives the same strings. */
export function renderPoaHtml(doc: PoaDocument): PoaHtml {
  const primaryColor = safePrimaryColor(doc.tenant.branding.primaryColor);
  const paperSize: PaperSize = doc.tenant.branding.paperSize === 'Letter' ? 'Letter' : 'A4';
  const title = `Plan of Action ${doc.caseInfo.reference} - ${doc.client.name}`;
  const sections = doc.version.sections;
  const watermark = doc.mode === 'draft' ? '<div class="watermark" aria-hidden="true">DRAFT</div>' : '';
  const body = [
    watermark,
    letterhead(doc),
    `<h1>Plan of Action</h1><p class="subtitle">${e(doc.caseInfo.title)}</p>`,
    caseFacts(doc),
    summarySection(sections),
    rootCausesSection(sections),
    correctiveActionsSection(sections),
    preventiveMeasuresSection(sections),
    supportingDocumentsSection(sections),
    approvalSection(doc),
  ].join('\n');
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${e(title)}</title>` +
    `${FONT_STYLESHEET_LINK}<style>${documentStyles(primaryColor)}${pageStyles(poaPageBoxes(doc), primaryColor)}</style></head>` +
    `<body class="${doc.mode}">\n${body}\n</body></html>`;
  return {
    html,
    title,
    author: doc.tenant.name,
    subject: `Plan of Action for ${doc.caseInfo.violationLabel} (${doc.caseInfo.marketplace}), version ${doc.version.version}`,
    paperSize,
  };
}
