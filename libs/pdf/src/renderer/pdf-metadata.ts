export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
}

export const PDF_CREATOR = 'POA Desk';

/** Thrown when Chromium's PDF is not laid out as expected (a classic cross-reference table). */
export class PdfStructureError extends Error {
  constructor(detail: string) {
    super(`Unexpected PDF structure from Chromium: ${detail}`);
    this.name = 'PdfStructureError';
  }
}

/**
 * Sets the document information Chromium cannot set, and counts the pages, without re-parsing or
 * re-writing the PDF: an incremental update (PDF 32000-1, 7.5.6) appends a new Info dictionary
 * (and a catalog asking viewers to show the title), a cross-reference section for them and a
 * trailer pointing back (/Prev) at Chromium's. Readers take the last definition of an object;
 * the original bytes stay as they are. Replaces a pdf-lib load + save (5-10 ms per render).
 */
export function finalizePdf(raw: Uint8Array, meta: PdfMetadata): { pdf: Buffer; pageCount: number } {
  const original = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  // latin1 maps byte i to char i: string offsets are byte offsets.
  const text = original.toString('latin1');
  const tail = text.slice(-1024);
  const startxrefMatch = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!startxrefMatch) throw new PdfStructureError('no startxref at the end');
  const xrefAt = Number(startxrefMatch[1]);
  const trailerAt = text.lastIndexOf('trailer', text.length - tail.length + startxrefMatch.index);
  if (trailerAt < xrefAt || !text.startsWith('xref', xrefAt)) throw new PdfStructureError('no classic xref table and trailer');
  const trailer = text.slice(trailerAt, text.length - tail.length + startxrefMatch.index);

  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1]);
  const root = /\/Root\s+(\d+)\s+(\d+)\s+R/.exec(trailer);
  if (!size || !root) throw new PdfStructureError('trailer without /Size or /Root');
  const infoRef = /\/Info\s+(\d+)\s+(\d+)\s+R/.exec(trailer);
  const id = /\/ID\s*\[[^\]]*\]/.exec(trailer)?.[0];

  const offsets = readXrefTable(text, xrefAt);
  const objectAt = (num: number): string => {
    const at = offsets.get(num);
    if (at === undefined) throw new PdfStructureError(`object ${num} not in the xref table`);
    const end = text.indexOf('endobj', at);
    if (end < 0) throw new PdfStructureError(`object ${num} has no endobj`);
    return text.slice(at, end);
  };

  const rootNum = Number(root[1]);
  const rootGen = Number(root[2]);
  const catalog = objectAt(rootNum);
  const pagesRef = /\/Pages\s+(\d+)\s+\d+\s+R/.exec(catalog);
  const pageCount = pagesRef ? Number(/\/Count\s+(\d+)/.exec(objectAt(Number(pagesRef[1])))?.[1]) : NaN;
  if (!Number.isInteger(pageCount) || pageCount < 1) throw new PdfStructureError('no page count in the page tree root');

  // Keep Chromium's dates (only the strings we set change).
  const oldInfo = infoRef ? objectAt(Number(infoRef[1])) : '';
  const dates = ['CreationDate', 'ModDate']
    .map((key) => new RegExp(`/${key}\\s*\\((D:[0-9+\\-Z']*)\\)`).exec(oldInfo))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => m[0]);
  const infoNum = infoRef ? Number(infoRef[1]) : size;
  const infoGen = infoRef ? Number(infoRef[2]) : 0;
  const newSize = infoRef ? size : size + 1;

  const objects: { num: number; gen: number; body: string }[] = [
    {
      num: infoNum,
      gen: infoGen,
      body:
        `<</Title ${pdfText(meta.title)}\n/Author ${pdfText(meta.author)}\n/Subject ${pdfText(meta.subject)}` +
        `\n/Creator ${pdfText(PDF_CREATOR)}\n/Producer ${pdfText(`${PDF_CREATOR} (Chromium)`)}${dates.map((d) => `\n${d}`).join('')}>>`,
    },
  ];
  // Viewers show the title, not the file name, in their title bar: the catalog gets DisplayDocTitle.
  const catalogDict = /^\d+\s+\d+\s+obj\s*(<<[^]*>>)\s*$/.exec(catalog)?.[1];
  if (catalogDict && !catalogDict.includes('/ViewerPreferences')) {
    objects.push({ num: rootNum, gen: rootGen, body: `${catalogDict.slice(0, -2)}\n/ViewerPreferences <</DisplayDocTitle true>>>>` });
  }

  // The update starts on a line of its own; Chromium's file ends with "%%EOF" and a newline.
  let update = text.endsWith('\n') ? '' : '\n';
  let xref = 'xref\n';
  for (const object of objects.sort((a, b) => a.num - b.num)) {
    xref += `${object.num} 1\n${String(original.length + update.length).padStart(10, '0')} ${String(object.gen).padStart(5, '0')} n \n`;
    update += `${object.num} ${object.gen} obj\n${object.body}\nendobj\n`;
  }
  const newXrefAt = original.length + update.length;
  update +=
    xref +
    `trailer\n<</Size ${newSize}\n/Root ${rootNum} ${rootGen} R\n/Info ${infoNum} ${infoGen} R${id ? `\n${id}` : ''}\n/Prev ${xrefAt}>>\n` +
    `startxref\n${newXrefAt}\n%%EOF\n`;
  return { pdf: Buffer.concat([original, Buffer.from(update, 'latin1')]), pageCount };
}

/** Object number -> byte offset, from a classic cross-reference table (every subsection). */
function readXrefTable(text: string, at: number): Map<number, number> {
  const offsets = new Map<number, number>();
  const subsection = /(\d+) (\d+)\s*\r?\n/y;
  let pos = at + 'xref'.length;
  while (/\s/.test(text[pos])) pos++;
  for (;;) {
    subsection.lastIndex = pos;
    const head = subsection.exec(text);
    if (!head) break;
    const first = Number(head[1]);
    const count = Number(head[2]);
    pos = subsection.lastIndex;
    for (let i = 0; i < count; i++, pos += 20) {
      const entry = text.slice(pos, pos + 20);
      if (!/^\d{10} \d{5} [nf]/.test(entry)) throw new PdfStructureError(`bad xref entry for object ${first + i}`);
      if (entry[17] === 'n') offsets.set(first + i, Number(entry.slice(0, 10)));
    }
  }
  return offsets;
}

/** A PDF text string as UTF-16BE with a byte order mark, in hex: any character, nothing to escape. */
function pdfText(value: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}
