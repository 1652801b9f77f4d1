import { escapeHtml as e } from './escape';
import type { PoaDocument } from './types';

/*
 * Chromium renders these in a separate document that cannot load web fonts or images by URL,
 * has a default font size near zero, and ignores the page stylesheet: everything is inline.
 */
const BAR_STYLE =
  'box-sizing:border-box;width:100%;margin:0 16mm;display:flex;justify-content:space-between;align-items:center;' +
  "font-family:'DejaVu Sans',sans-serif;font-size:7.5pt;color:#666;-webkit-print-color-adjust:exact;";

export function headerTemplate(doc: PoaDocument, primaryColor: string): string {
  const draft = doc.mode === 'draft'
    ? `<span style="color:#be1414;font-weight:700;">DRAFT</span>`
    : '';
  return (
    `<div style="${BAR_STYLE}border-bottom:0.5pt solid ${primaryColor};padding-bottom:2px;">` +
    `<span>Plan of Action &middot; ${e(doc.caseInfo.reference)}</span>${draft}` +
    `<span>${e(doc.tenant.name)}</span></div>`
  );
}

export function footerTemplate(doc: PoaDocument): string {
  return (
    `<div style="${BAR_STYLE}">` +
    `<span>${e(doc.caseInfo.reference)} &middot; version ${e(String(doc.version.version))}</span>` +
    `<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`
  );
}
