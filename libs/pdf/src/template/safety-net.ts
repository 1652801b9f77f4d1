import { FONT_STYLESHEET_LINK } from '../fonts/font-origin';
import { safePrimaryColor } from './branding';
import { escapeHtml as e } from './escape';
import { pageStyles } from './header-footer';
import type { PoaHtml } from './render-poa-html';
import { documentStyles } from './styles';

/** A client's safety-net log for a date range: each measure in the seller's words and its checks. */
export interface SafetyNetDocument {
  sellerName: string;
  primaryColor?: string | null;
  /** YYYY-MM-DD, both included. */
  from: string;
  to: string;
  measures: {
    /** "We check: ..., every week (responsible: ...)." */
    intro: string;
    caseReference: string;
    /** "Checked on 2026-03-02: done." */
    lines: string[];
    problems: number;
  }[];
}

const STYLES = `
.log-intro { margin: 6px 0 14px; }
.measure { break-inside: avoid-page; margin: 0 0 12px; padding: 8px 10px; border-left: 3px solid var(--brand); background: var(--brand-soft); }
.measure h2 { font-size: 10.5pt; margin: 0 0 4px; }
.measure .ref { color: #555; font-size: 8pt; }
.measure ul { margin: 4px 0 0; padding-left: 16px; }
.none { color: #555; font-style: italic; }
`;

/** The printable safety-net log. Pure: the same document always gives the same HTML (the API hashes it). */
export function renderSafetyNetHtml(doc: SafetyNetDocument): PoaHtml {
  const primaryColor = safePrimaryColor(doc.primaryColor ?? null);
  const title = `Safety-net log ${doc.sellerName} ${doc.from} to ${doc.to}`;
  const checks = doc.measures.reduce((n, m) => n + m.lines.length, 0);
  const measures = doc.measures.length
    ? doc.measures
        .map(
          (m) =>
            `<section class="measure"><h2>${e(m.intro)}</h2><div class="ref">Plan of Action ${e(m.caseReference)}</div>` +
            (m.lines.length
              ? `<ul>${m.lines.map((line) => `<li>${e(line)}</li>`).join('')}</ul>`
              : `<p class="none">No check recorded between ${e(doc.from)} and ${e(doc.to)}.</p>`) +
            `</section>`,
        )
        .join('\n')
    : `<p class="none">No preventive measure was in place between ${e(doc.from)} and ${e(doc.to)}.</p>`;
  const body =
    `<h1>How our safety nets ran</h1>` +
    `<p class="log-intro">${e(doc.sellerName)}, ${e(doc.from)} to ${e(doc.to)}. These are the preventive measures of our ` +
    `Plan of Action and every check we recorded in this period (${checks} check${checks === 1 ? '' : 's'}).</p>\n${measures}`;
  const boxes = {
    topLeft: `Safety-net log \u00b7 ${doc.sellerName}`,
    topRight: `${doc.from} to ${doc.to}`,
    bottomLeft: `${doc.sellerName} \u00b7 safety-net log`,
    draft: false,
  };
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${e(title)}</title>` +
    `${FONT_STYLESHEET_LINK}<style>${documentStyles(primaryColor)}${STYLES}${pageStyles(boxes, primaryColor)}</style></head>` +
    `<body class="final">\n${body}\n</body></html>`;
  return { html, title, author: doc.sellerName, subject: `Safety-net log ${doc.from} to ${doc.to}`, paperSize: 'A4' };
}
