import { PDFDocument, PDFName } from 'pdf-lib';
import { finalizePdf, PDF_CREATOR, PdfStructureError } from './pdf-metadata';

/** A PDF shaped like Chromium's: classic xref table, an Info dictionary with dates, N pages. */
async function chromiumLikePdf(pages: number, withInfo = true): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: withInfo });
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]).drawText(`page ${i + 1}`);
  if (withInfo) doc.setTitle('Chromium title');
  return doc.save({ useObjectStreams: false });
}

const META = {
  title: 'Plan of Action POA-1 - Acme (株式会社) 📦',
  author: 'Apex "Recovery" Ltd (UK) \\ back',
  subject: 'Plan of Action, version 2',
};

describe('finalizePdf (incremental update)', () => {
  it('sets title, author, subject, creator and producer that an independent parser reads back', async () => {
    const raw = await chromiumLikePdf(3);
    const { pdf, pageCount } = finalizePdf(raw, META);

    expect(pageCount).toBe(3);
    const reread = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(reread.getTitle()).toBe(META.title);
    expect(reread.getAuthor()).toBe(META.author);
    expect(reread.getSubject()).toBe(META.subject);
    expect(reread.getCreator()).toBe(PDF_CREATOR);
    expect(reread.getProducer()).toBe(`${PDF_CREATOR} (Chromium)`);
    expect(reread.getCreationDate()?.getTime()).toBe((await PDFDocument.load(raw, { updateMetadata: false })).getCreationDate()?.getTime());
    expect(reread.getPageCount()).toBe(3);
    expect(reread.catalog.getViewerPreferences()?.getDisplayDocTitle()).toBe(true);
    expect(reread.catalog.lookup(PDFName.of('Pages'))).toBeDefined();
  });

  it('leaves the original bytes untouched and only appends', async () => {
    const raw = await chromiumLikePdf(2);
    const { pdf } = finalizePdf(raw, META);
    expect(pdf.subarray(0, raw.length).equals(Buffer.from(raw))).toBe(true);
    const update = pdf.subarray(raw.length).toString('latin1');
    expect(update).toMatch(/\/Prev \d+>>\nstartxref\n\d+\n%%EOF\n$/);
    // The new xref entry points exactly at the new Info object.
    const entry = /xref\n(\d+) 1\n(\d{10}) (\d{5}) n \n/.exec(update); // the Info object comes first
    const infoAt = Number(entry?.[2]);
    expect(pdf.subarray(infoAt, infoAt + 20).toString('latin1')).toMatch(new RegExp(`^${entry?.[1]} ${Number(entry?.[3])} obj\\n`));
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(update)?.[1]);
    expect(pdf.subarray(startxref, startxref + 5).toString('latin1')).toBe('xref\n');
  });

  it('adds an Info dictionary when the PDF has none', async () => {
    const raw = await chromiumLikePdf(1, false);
    expect(Buffer.from(raw).toString('latin1')).not.toContain('/Info');
    const { pdf, pageCount } = finalizePdf(raw, META);
    expect(pageCount).toBe(1);
    expect((await PDFDocument.load(pdf, { updateMetadata: false })).getTitle()).toBe(META.title);
  });

  it('refuses what it cannot update instead of writing a broken file', () => {
    expect(() => finalizePdf(Buffer.from('%PDF-1.7\nnot really a pdf\n'), META)).toThrow(PdfStructureError);
  });
});
