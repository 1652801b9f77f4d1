import type { PdfRenderer, PdfRenderResult } from './renderer/pdf-renderer';
import { renderPoaHtml } from './template/render-poa-html';
import type { PoaDocument } from './template/types';

/** Template + render: the POA document in, the finished PDF out. */
export function renderPdf(renderer: PdfRenderer, doc: PoaDocument): Promise<PdfRenderResult> {
  return renderer.render(renderPoaHtml(doc));
}
