import { FONT_FAMILY_STACK } from '../fonts/font-origin';
import type { PoaDocument } from './types';

/** The page margins; the header and footer live in them. */
export const PAGE_MARGIN = { top: '20mm', right: '16mm', bottom: '18mm', left: '16mm' } as const;

// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const CSS_STRING_UNSAFE = /[\\"'<>&\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * Quotes text as a CSS string. Quotes, backslashes, control characters and `<>&` become 6-digit
 * hex escapes, so user text can end neither the string, nor the rule, nor the <style> element.
 */
export function cssString(value: string): string {
  return `"${value.replace(CSS_STRING_UNSAFE, (ch) => `\\${(ch.codePointAt(0) as number).toString(16).padStart(6, '0')}`)}"`;
}

/*
 * Header and footer are CSS page-margin boxes of the document itself (one layout for the whole
 * PDF) rather than Chromium's headerTemplate/footerTemplate, which lays out two extra documents
 * per page and roughly doubled the print time, and could only use system fonts. They sit where
 * Chromium's templates put them: 0.4 cm (plus the line's leading) from the page edge, between the
 * side margins, in the bundled text font.
 */
const BAR = `font-family: ${FONT_FAMILY_STACK}; font-size: 7.5pt; color: #666;`;

/** The text of the page-margin boxes (the page number sits bottom right on every variant). */
export interface PageBoxes {
  topLeft: string;
  topRight: string;
  bottomLeft: string;
  draft: boolean;
}

/** The agency's POA: reference top left, agency top right, reference and version bottom left. */
export function poaPageBoxes(doc: PoaDocument): PageBoxes {
  const reference = doc.caseInfo.reference;
  return {
    topLeft: `Plan of Action \u00b7 ${reference}`,
    topRight: doc.tenant.name,
    bottomLeft: `${reference} \u00b7 version ${doc.version.version}`,
    draft: doc.mode === 'draft',
  };
}

export function pageStyles(boxes: PageBoxes, primaryColor: string): string {
  const header = `${BAR} vertical-align: bottom; margin: 5.3mm 0 10.9mm; padding-bottom: 2px; border-bottom: 0.5pt solid ${primaryColor};`;
  const footer = `${BAR} vertical-align: bottom; margin-bottom: 5.2mm;`;
  const draft = boxes.draft ? `@top-center { content: "DRAFT"; ${header} color: #be1414; font-weight: 700; }` : '';
  return `
@page {
  @top-left { content: ${cssString(boxes.topLeft)}; ${header} text-align: left; }
  ${draft}
  @top-right { content: ${cssString(boxes.topRight)}; ${header} text-align: right; }
  @bottom-left { content: ${cssString(boxes.bottomLeft)}; ${footer} text-align: left; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); ${footer} text-align: right; }
}
`;
}
