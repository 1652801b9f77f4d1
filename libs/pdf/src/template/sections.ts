import { escapeHtml as e } from './escape';
import { formatDate, formatTimestamp } from './format';
import type { PoaApproval, PoaDocument, PoaGroupedItem, PoaSections } from './types';

const NOT_RECORDED = '<span class="empty">not recorded</span>';

function text(value: string): string {
  return `<div class="text">${e(value.trim())}</div>`;
}

function metaItem(label: string, value: string | null): string {
  return `<span><b>${label}:</b> ${value ? e(value) : NOT_RECORDED}</span>`;
}

function section(id: string, heading: string, body: string): string {
  return `<section class="${id}"><h2>${heading}</h2>${body}</section>`;
}

function emptyNote(message: string): string {
  return `<p class="empty">${message}</p>`;
}

export function caseFacts(doc: PoaDocument): string {
  const { caseInfo, client } = doc;
  const rows: [string, string][] = [
    ['Reference', e(caseInfo.reference)],
    ['Seller', e(client.name)],
  ];
  if (client.sellerId) rows.push(['Seller ID', `<span class="mono">${e(client.sellerId)}</span>`]);
  rows.push(
    ['Marketplace', e(caseInfo.marketplace)],
    ['Violation type', `${e(caseInfo.violationLabel)} <span class="meta">(${e(caseInfo.violationType)})</span>`],
    ['ASINs', caseInfo.asins.length ? `<span class="asins">${caseInfo.asins.map(e).join(', ')}</span>` : NOT_RECORDED],
    ['Version', `${e(String(doc.version.version))} (${e(formatDate(doc.version.createdAt) ?? '')})`],
  );
  const body = rows.map(([label, value]) => `<tr><th>${label}</th><td>${value}</td></tr>`).join('');
  return `<table class="facts">${body}</table>`;
}

export function summarySection(sections: PoaSections): string {
  return sections.summary.trim() ? section('summary', 'Summary', text(sections.summary)) : '';
}

/**
 * A numbered list; consecutive items with the same group are printed under its heading, and the numbering runs on
 * across groups, as in the Seller Central pack.
 */
function groupedList<T extends PoaGroupedItem>(items: readonly T[], item: (value: T) => string): string {
  const out: string[] = [];
  let group: string | null = null;
  let open = false;
  items.forEach((value, index) => {
    const heading = value.group?.trim() || null;
    if (!open || (heading && heading !== group)) {
      if (open) out.push('</ol>');
      if (heading) out.push(`<h3 class="issue">${e(heading)}</h3>`);
      out.push(index === 0 ? '<ol class="items">' : `<ol class="items" start="${index + 1}">`);
      open = true;
    }
    group = heading;
    out.push(`<li>${item(value)}</li>`);
  });
  if (open) out.push('</ol>');
  return out.join('');
}

export function rootCausesSection(sections: PoaSections): string {
  const list = groupedList(sections.rootCauses, (cause) => text(cause.text));
  return section('root-causes', 'Root cause(s)', list || emptyNote('None recorded.'));
}

export function correctiveActionsSection(sections: PoaSections): string {
  const list = groupedList(
    sections.correctiveActions,
    (action) => `${text(action.text)}<div class="meta">${metaItem('Completed', formatDate(action.completedAt))}</div>`,
  );
  return section('corrective-actions', 'Corrective actions taken', list || emptyNote('None recorded.'));
}

export function preventiveMeasuresSection(sections: PoaSections): string {
  const items = sections.preventiveMeasures
    .map((measure) => {
      const meta = [
        metaItem('Owner', measure.owner.trim() || null),
        metaItem('Start date', formatDate(measure.startDate)),
        metaItem('Frequency', measure.frequency.trim() || null),
      ].join('');
      return `<li>${text(measure.text)}<div class="meta">${meta}</div></li>`;
    })
    .join('');
  return section('preventive-measures', 'Preventive measures', items ? `<ol class="items">${items}</ol>` : emptyNote('None recorded.'));
}

export function supportingDocumentsSection(sections: PoaSections): string {
  if (!sections.supportingDocuments.length) return '';
  const rows = sections.supportingDocuments
    .map(
      (doc, index) =>
        `<tr><td class="num">${index + 1}</td><td class="file">${e(doc.fileName || doc.attachmentId)}</td><td>${text(doc.description)}</td></tr>`,
    )
    .join('');
  const table = `<table class="docs"><thead><tr><th></th><th>Document</th><th>What it proves</th></tr></thead><tbody>${rows}</tbody></table>`;
  return section('supporting-documents', 'Supporting documents', table);
}

function approvalRows(approval: PoaApproval): string {
  const rows: [string, string][] = [
    ['Approved by (typed name)', e(approval.fullName)],
    ['Client contact', `${e(approval.contactName)} &lt;${e(approval.contactEmail)}&gt;`],
    ['Approved at', e(formatTimestamp(approval.approvedAt) ?? approval.approvedAt)],
    ['IP address', approval.ip ? `<span class="mono">${e(approval.ip)}</span>` : NOT_RECORDED],
    ['User agent', approval.userAgent ? `<span class="mono">${e(approval.userAgent)}</span>` : NOT_RECORDED],
    ['Content SHA-256', `<span class="mono">${e(approval.contentSha256)}</span>`],
  ];
  if (approval.recordedByName) rows.push(['Recorded by', e(approval.recordedByName)]);
  return rows.map(([label, value]) => `<tr><th>${label}</th><td>${value}</td></tr>`).join('');
}

export function approvalSection(doc: PoaDocument): string {
  const { approval } = doc;
  if (!approval) {
    const note = doc.mode === 'draft' ? 'Not yet approved: this is a draft for review.' : 'No approval recorded.';
    return section('approval', 'Proof of approval', emptyNote(note));
  }
  const statement =
    `<p class="statement">${e(approval.fullName)} approved version ${e(String(doc.version.version))} of this ` +
    `Plan of Action electronically on behalf of ${e(doc.client.name)}. The SHA-256 fingerprint identifies the exact content approved.</p>`;
  return section('approval', 'Proof of approval', `${statement}<table class="proof">${approvalRows(approval)}</table>`);
}
