import { ParseSpeeds, PDFDocument } from 'pdf-lib';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
}

export const PDF_CREATOR = 'POA Desk';

/** Sets the document information Chromium cannot set, and counts the pages. */
export async function finalizePdf(raw: Uint8Array, meta: PdfMetadata): Promise<{ pdf: Buffer; pageCount: number }> {
  const doc = await PDFDocument.load(raw, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setCreator(PDF_CREATOR);
  doc.setProducer(`${PDF_CREATOR} (Chromium, pdf-lib)`);
  const bytes = await doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
  return { pdf: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), pageCount: doc.getPageCount() };
}
