/**
 * Type-checks the TypeScript snippets of the READMEs against the SDK (static tier). The ```ts blocks of one README
 * are read in order as one module, like a notebook: a later block may use what an earlier one declared, and the
 * imports are gathered at the top. Each README becomes tmp/doc-snippets/<name>.ts, checked with `tsc --noEmit`
 * (`@poa/sdk` resolves to libs/sdk/src, as everywhere in the repository).
 *   npx tsx tools/docs/check-snippets.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '../..');
/** The READMEs whose TypeScript a user is told to use. */
export const READMES = ['README.md', 'libs/sdk/README.md'];
const OUT_DIR = path.join(ROOT, 'tmp/doc-snippets');

export interface Snippet {
  /** 1-based line of the block's first code line in the README. */
  line: number;
  code: string;
}

export function extractSnippets(markdown: string): Snippet[] {
  const snippets: Snippet[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i])) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end])) end++;
    snippets.push({ line: start + 1, code: lines.slice(start, end).join('\n') });
    i = end;
  }
  return snippets;
}

/** One module of a README's snippets: the imports first, then each block, marked with its README line. */
export function snippetModule(readme: string, snippets: Snippet[]): string {
  const imports = new Set<string>();
  const bodies = snippets.map(({ line, code }) => {
    const body = code
      .split('\n')
      .filter((text) => {
        if (!/^import\s/.test(text)) return true;
        imports.add(text);
        return false;
      })
      .join('\n');
    return `// ${readme}:${line}\n${body}`;
  });
  return `${[...imports].join('\n')}\n\n${bodies.join('\n\n')}\n\nexport {};\n`;
}

function main() {
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  const files: string[] = [];
  for (const readme of READMES) {
    const snippets = extractSnippets(readFileSync(path.join(ROOT, readme), 'utf8'));
    if (snippets.length === 0) continue;
    const file = path.join(OUT_DIR, `${readme.replace(/[/.]/g, '_')}.mts`);
    writeFileSync(file, snippetModule(readme, snippets));
    files.push(path.relative(OUT_DIR, file));
    console.log(`${readme}: ${snippets.length} TypeScript snippets`);
  }
  writeFileSync(
    path.join(OUT_DIR, 'tsconfig.json'),
    JSON.stringify({
      extends: '../../tsconfig.base.json',
      compilerOptions: { rootDir: '../..', lib: ['ES2023', 'DOM'], types: ['node'], noEmit: true, noUnusedLocals: false },
      files,
    }),
  );
  try {
    execFileSync(path.join(ROOT, 'node_modules/.bin/tsc'), ['-p', path.join(OUT_DIR, 'tsconfig.json')], { cwd: ROOT, stdio: 'inherit' });
  } catch {
    console.error(`README snippets do not type-check against the SDK (lines are marked in ${path.relative(ROOT, OUT_DIR)}/*.mts)`);
    process.exit(1);
  }
  console.log('README snippets type-check against the SDK.');
}

if (require.main === module) main();
