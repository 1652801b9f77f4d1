import type { AppConfig } from '@poa/config';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** Where the worker writes emails as .eml files when no SMTP server is configured (development and tests). */
export const mailDir = (config: Pick<AppConfig, 'DATA_DIR'>) => resolve(config.DATA_DIR, 'mail');

export interface DevMailEntry {
  file: string;
  to: string;
  subject: string;
  date: string;
  size: number;
}

const FILE_NAME = /^[\w.-]+\.eml$/;

/** RFC 2047 encoded-words (=?UTF-8?B?...?= / ?Q?) as nodemailer writes them for non-ASCII subjects. */
function decodeHeader(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  ).trim();
}

function header(head: string, name: string): string {
  const match = new RegExp(`^${name}:(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(head);
  return match ? decodeHeader(match[1].replace(/\r?\n[ \t]/g, ' ')) : '';
}

/** The .eml files, newest first, with the headers a person scans for. */
export async function listDevMail(config: Pick<AppConfig, 'DATA_DIR'>): Promise<DevMailEntry[]> {
  const dir = mailDir(config);
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => FILE_NAME.test(f)).sort().reverse();
  return Promise.all(
    files.map(async (file) => {
      const path = join(dir, file);
      const [content, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
      const head = content.split(/\r?\n\r?\n/, 1)[0];
      return { file, to: header(head, 'To'), subject: header(head, 'Subject'), date: new Date(header(head, 'Date') || info.mtime).toISOString(), size: info.size };
    }),
  );
}

/** One .eml file's bytes, or null (names are checked: no path outside the mail folder). */
export async function readDevMail(config: Pick<AppConfig, 'DATA_DIR'>, file: string): Promise<Buffer | null> {
  if (!FILE_NAME.test(file)) return null;
  return readFile(join(mailDir(config), file)).catch(() => null);
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The development-only page at /dev/mail: a table of the emails, each linked to its raw .eml. */
export function devMailHtml(entries: DevMailEntry[]): string {
  const rows = entries
    .map((e) => `<tr><td>${escapeHtml(e.date)}</td><td>${escapeHtml(e.to)}</td><td><a href="/api/v1/dev/mail/${encodeURIComponent(e.file)}">${escapeHtml(e.subject || '(no subject)')}</a></td></tr>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Development mailbox</title>
<style>body{font-family:system-ui,sans-serif;margin:1rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}</style></head>
<body><h1>Development mailbox</h1><p>Emails the worker wrote as .eml files (no SMTP_URL configured). Newest first.</p>
<table><thead><tr><th>Date</th><th>To</th><th>Subject</th></tr></thead><tbody>${rows || '<tr><td colspan="3">No emails yet.</td></tr>'}</tbody></table></body></html>`;
}
