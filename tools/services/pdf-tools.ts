import { aptInstall, canAptInstall } from './apt';
import { defaultLog, type Log } from './log';
import { which } from './system';

export interface PdfTools {
  pdftotext: string;
  pdfinfo: string;
}

const EXTRA_DIRS = ['/usr/bin', '/usr/local/bin', '/opt/homebrew/bin'];

/** Paths of poppler's pdftotext and pdfinfo (used by tests to read rendered PDFs), installed with apt as root on Debian when missing. */
export async function ensurePdfTools(options: { log?: Log } = {}): Promise<PdfTools> {
  const log = options.log ?? defaultLog;
  let tools = findPdfTools();
  if (!tools && canAptInstall()) {
    await aptInstall(['poppler-utils'], 'PDF tools: pdftotext/pdfinfo not found', log);
    tools = findPdfTools();
  }
  if (!tools) {
    throw new Error(
      'PDF tools: pdftotext and pdfinfo are not installed: install poppler (apt-get install poppler-utils / brew install poppler)',
    );
  }
  log(`PDF tools: using ${tools.pdftotext} and ${tools.pdfinfo}`);
  return tools;
}

function findPdfTools(): PdfTools | undefined {
  const pdftotext = which('pdftotext', EXTRA_DIRS);
  const pdfinfo = which('pdfinfo', EXTRA_DIRS);
  return pdftotext && pdfinfo ? { pdftotext, pdfinfo } : undefined;
}
