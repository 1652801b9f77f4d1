import { existsSync, readFileSync } from 'node:fs';

/** The last `lines` lines of a file, or a note when it does not exist. */
export function tailFile(file: string, lines = 40): string {
  if (!existsSync(file)) return '(no log file)';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}
