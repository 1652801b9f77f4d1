import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ensurePdfTools } from '@poa/services';

const run = promisify(execFile);

export interface PdfInspection {
  text: string;
  pageTexts: string[];
  info: Record<string, string>;
  fonts: string;
}

/** Reads a PDF with poppler (pdfinfo, pdftotext per page, pdffonts). */
export async function inspectPdf(pdf: Buffer): Promise<PdfInspection> {
  const tools = await ensurePdfTools({ log: () => undefined });
  const pdffonts = path.join(path.dirname(tools.pdfinfo), 'pdffonts');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'poa-pdf-'));
  const file = path.join(dir, 'doc.pdf');
  try {
    await writeFile(file, pdf);
    const infoText = (await run(tools.pdfinfo, [file])).stdout;
    const info = Object.fromEntries(
      infoText
        .split('\n')
        .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1].trim(), m[2].trim()]),
    );
    const pages = Number(info.Pages);
    const text = (await run(tools.pdftotext, ['-enc', 'UTF-8', file, '-'])).stdout;
    const pageTexts: string[] = [];
    for (let page = 1; page <= pages; page++) {
      pageTexts.push((await run(tools.pdftotext, ['-enc', 'UTF-8', '-raw', '-f', String(page), '-l', String(page), file, '-'])).stdout);
    }
    const fonts = (await run(pdffonts, [file])).stdout;
    return { text, pageTexts, info, fonts };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Text with all whitespace removed: line wrapping in the PDF must not break a comparison. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Pids of every process in the given process group (Chromium leads its own group). */
export async function processGroupMembers(pgid: number): Promise<number[]> {
  const { stdout } = await run('ps', ['-e', '-o', 'pid=,pgid=,stat=']);
  return stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length === 3 && Number(cols[1]) === pgid && !cols[2].startsWith('Z'))
    .map((cols) => Number(cols[0]));
}

/** Pids of the live children of a process. */
export async function childrenOf(pid: number): Promise<number[]> {
  const { stdout } = await run('ps', ['-e', '-o', 'pid=,ppid=,stat=']);
  return stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length === 3 && Number(cols[1]) === pid && !cols[2].startsWith('Z'))
    .map((cols) => Number(cols[0]));
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs = 5_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}
