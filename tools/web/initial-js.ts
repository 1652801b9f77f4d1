/**
 * The JavaScript a browser must load before the dashboard (index.html) or the portal (portal.html) first renders: the
 * entry script and every chunk it preloads, gzipped. Lazy pages are not counted.
 *   tsx tools/web/initial-js.ts [dist folder] [--max-kb 200]   exits 1 when a page is over the budget
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export function initialScripts(html: string): string[] {
  const sources = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ];
  return [...new Set(sources.map((m) => m[1]))];
}

export function initialJsGzipBytes(dist: string, page: string): { files: string[]; bytes: number } {
  const files = initialScripts(readFileSync(path.join(dist, page), 'utf8'));
  const bytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(dist, file.replace(/^\//, '')))).length, 0);
  return { files, bytes };
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const maxIndex = args.indexOf('--max-kb');
  const maxKb = maxIndex >= 0 ? Number(args[maxIndex + 1]) : 200;
  const dist = args.find((a, i) => !a.startsWith('--') && (maxIndex < 0 || i !== maxIndex + 1)) ?? 'dist/apps/web';
  let over = false;
  for (const page of ['index.html', 'portal.html']) {
    const { files, bytes } = initialJsGzipBytes(dist, page);
    const kb = bytes / 1024;
    over ||= kb > maxKb;
    console.log(`${page}: ${kb.toFixed(1)} KB gzipped initial JavaScript in ${files.length} file(s) (budget ${maxKb} KB)`);
  }
  process.exit(over ? 1 : 0);
}
