export type {
  PaperSize,
  PoaApproval,
  PoaCaseInfo,
  PoaClient,
  PoaCorrectiveAction,
  PoaDocument,
  PoaPreventiveMeasure,
  PoaRenderInput,
  PoaSections,
  PoaSupportingDocument,
  PoaTenant,
  PoaVariant,
  PoaVersion,
  TenantBranding,
} from './template/types';
export { renderPoaHtml, type PoaHtml } from './template/render-poa-html';
export { escapeHtml } from './template/escape';
export { PAGE_MARGIN } from './template/header-footer';
export { DEFAULT_PRIMARY_COLOR, safeLogoDataUri, safePrimaryColor } from './template/branding';
export { FONT_ORIGIN, FONT_STYLESHEET_LINK, FONT_STYLESHEET_URL } from './fonts/font-origin';
export {
  PdfRenderer,
  type PdfRendererLog,
  type PdfRendererLogLevel,
  type PdfRendererOptions,
  type PdfRenderResult,
} from './renderer/pdf-renderer';
export { PdfBrowserGoneError, PdfRendererClosedError, PdfRenderTimeoutError } from './renderer/errors';
export { PDF_CREATOR } from './renderer/pdf-metadata';
export { renderDocumentHtml, renderPdf } from './render-pdf';
export { renderAmazonHtml, renderCertificateHtml } from './template/render-variants';
export { renderSafetyNetHtml, type SafetyNetDocument } from './template/safety-net';
