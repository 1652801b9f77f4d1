import { tint } from './branding';
import { FONT_FAMILY_STACK, MONO_FONT_FAMILY_STACK } from '../fonts/font-origin';

export function documentStyles(primaryColor: string): string {
  return `
:root { --brand: ${primaryColor}; --brand-soft: ${tint(primaryColor, 0.88)}; --brand-line: ${tint(primaryColor, 0.6)}; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${FONT_FAMILY_STACK}; font-size: 9.5pt; line-height: 1.45; color: #1b1b1b; }
.letterhead { display: flex; align-items: center; gap: 14px; border-bottom: 3px solid var(--brand); padding-bottom: 8px; }
.letterhead .logo { max-height: 46px; max-width: 170px; object-fit: contain; }
.agency-name { font-size: 14pt; font-weight: 700; color: var(--brand); }
.letterhead-text { white-space: pre-line; font-size: 8pt; color: #555; }
h1 { font-size: 16pt; margin: 14px 0 2px; }
.subtitle { color: #555; margin: 0 0 8px; }
table { width: 100%; border-collapse: collapse; }
table.facts th, table.proof th { text-align: left; width: 26%; background: var(--brand-soft); font-weight: 600; vertical-align: top; }
table th, table td { padding: 3px 8px; border-bottom: 1px solid #e2e2e2; vertical-align: top; overflow-wrap: anywhere; }
section { margin-top: 12px; }
h3.issue { font-size: 10pt; margin: 8px 0 4px; break-after: avoid; }
h2 { font-size: 11.5pt; color: var(--brand); border-bottom: 1px solid var(--brand-line); padding-bottom: 2px; margin: 0 0 6px; break-after: avoid; }
ol.items { margin: 0; padding-left: 20px; }
ol.items > li { margin-bottom: 6px; break-inside: avoid; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
.meta { margin-top: 2px; font-size: 8.5pt; color: #444; }
.meta span + span::before { content: "·"; margin: 0 6px; color: #999; }
.meta b { font-weight: 600; }
.empty { color: #777; font-style: italic; }
table.docs thead th { background: var(--brand-soft); text-align: left; font-weight: 600; }
table.docs td.num { width: 20px; color: #666; }
table.docs td.file { width: 34%; }
section.approval { break-inside: avoid; border: 1px solid var(--brand-line); border-radius: 4px; padding: 8px 10px; }
section.approval h2 { border-bottom: none; }
.statement { margin: 0 0 6px; }
.mono { font-family: ${MONO_FONT_FAMILY_STACK}; font-size: 8pt; word-break: break-all; }
.asins { font-family: ${MONO_FONT_FAMILY_STACK}; font-size: 8.5pt; }
.watermark { position: fixed; top: 50%; left: 50%; transform: translate(-50%, -50%) rotate(-35deg);
  font-size: 120pt; font-weight: 700; color: rgba(190, 20, 20, 0.11); z-index: 1000; pointer-events: none; }
`;
}
