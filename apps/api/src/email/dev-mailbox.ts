import type { AppConfig } from '@poa/config';
import { tenantMailDir } from '@poa/jobs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

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
  return value
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    )
    .trim();
}

function header(head: string, name: string): string {
  const match = new RegExp(`^${name}:(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(head);
  return match ? decodeHeader(match[1].replace(/\r?\n[ \t]/g, ' ')) : '';
}

/** One agency's .eml files (the worker writes them to the agency's folder), newest first, with the headers a person scans for. */
export async function listDevMail(config: Pick<AppConfig, 'DATA_DIR'>, tenantId: string): Promise<DevMailEntry[]> {
  const dir = tenantMailDir(config, tenantId);
  const files = (await readdir(dir).catch(() => [] as string[]))
    .filter((f) => FILE_NAME.test(f))
    .sort()
    .reverse();
  return Promise.all(
    files.map(async (file) => {
      const path = join(dir, file);
      const [content, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
      const head = content.split(/\r?\n\r?\n/, 1)[0];
      return {
        file,
        to: header(head, 'To'),
        subject: header(head, 'Subject'),
        date: new Date(header(head, 'Date') || info.mtime).toISOString(),
        size: info.size,
      };
    }),
  );
}

/** One .eml file of the agency's folder, or null (names are checked: no path outside that folder). */
export async function readDevMail(config: Pick<AppConfig, 'DATA_DIR'>, tenantId: string, file: string): Promise<Buffer | null> {
  if (!FILE_NAME.test(file)) return null;
  return readFile(join(tenantMailDir(config, tenantId), file)).catch(() => null);
}
