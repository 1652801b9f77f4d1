import type { PdfRenderer, PdfRenderResult } from './renderer/pdf-renderer';
import { renderPoaHtml, type PoaHtml } from './template/render-poa-html';
import { renderAmazonHtml, renderCertificateHtml } from './template/render-variants';
import type { PoaDocument } from './template/types';

/** The printable document of the document's variant. */
export function renderDocumentHtml(doc: PoaDocument): PoaHtml {
  switch (doc.variant ?? 'standard') {
    case 'amazon':
      return renderAmazonHtml(doc);
    case 'certificate':
      return renderCertificateHtml(doc);
    case 'standard':
      return renderPoaHtml(doc);
  }
}

/** Template + render: the POA document in, the finished PDF out. */
export function renderPdf(renderer: PdfRenderer, doc: PoaDocument): Promise<PdfRenderResult> {
  return renderer.render(renderDocumentHtml(doc));
}
