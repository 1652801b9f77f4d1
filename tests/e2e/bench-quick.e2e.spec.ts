/**
 * bench/README.md's quick forms, run exactly as the README shows them (read from its `sh quick-forms` block, so the
 * README and this test cannot drift): each command must exit 0 and write its results file, into a temporary
 * BENCH_OUTPUT_DIR, never over the committed results. The benches that start the product use the build of this
 * test run (BENCH_SKIP_BUILD=1 in their line).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const README = path.join(ROOT, 'bench/README.md');

export interface QuickForm {
  line: string;
  env: Record<string, string>;
  command: string;
  args: string[];
  /** The bench's folder under bench/ (where its results go under BENCH_OUTPUT_DIR). */
  folder: string;
}

/** The commands of the README's `sh quick-forms` block: leading NAME=value words are its environment. */
export function quickForms(markdown: string): QuickForm[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => /^```sh quick-forms\s*$/.test(line));
  if (start < 0) throw new Error('bench/README.md has no ```sh quick-forms block');
  const forms: QuickForm[] = [];
  for (let i = start + 1; i < lines.length && !/^```\s*$/.test(lines[i]); i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const words = line.split(/\s+/);
    const env: Record<string, string> = {};
    while (/^[A-Z_][A-Z0-9_]*=/.test(words[0])) {
      const [name, ...value] = words.shift()!.split('=');
      env[name] = value.join('=');
    }
    const script = words.find((word) => /^bench\/[^/]+\/.+\.ts$/.test(word));
    if (!script) throw new Error(`quick form without a bench script: ${line}`);
    forms.push({ line, env, command: words[0], args: words.slice(1), folder: script.split('/')[1] });
  }
  return forms;
}

/** Every committed results file of the benches, with a hash of its content. */
function committedResults(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const folder of readdirSync(path.join(ROOT, 'bench'))) {
    const dir = path.join(ROOT, 'bench', folder);
    if (!statSync(dir).isDirectory()) continue;
    for (const file of readdirSync(dir).filter((name) => /results.*\.json$|^plans.*\.txt$/.test(name)))
      files[`${folder}/${file}`] = createHash('sha256')
        .update(readFileSync(path.join(dir, file)))
        .digest('hex');
  }
  return files;
}

function run(form: QuickForm, outputDir: string): Promise<{ code: number | null; output: string; seconds: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(form.command, form.args, {
      cwd: ROOT,
      env: { ...process.env, ...form.env, BENCH_OUTPUT_DIR: outputDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output, seconds: (Date.now() - started) / 1000 }));
  });
}

const forms = quickForms(readFileSync(README, 'utf8'));
const outputDir = mkdtempSync(path.join(os.tmpdir(), 'poa-bench-quick-'));
const before = committedResults();

describe("bench/README.md's quick forms", () => {
  it('lists every bench that `npm run bench` runs', () => {
    const entries = [...readFileSync(path.join(ROOT, 'bench/run-all.ts'), 'utf8').matchAll(/entry: '(bench\/[^']+)'/g)].map((m) => m[1]);
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(forms.map((form) => form.args.join(' '))).toContainEqual(expect.stringContaining(entry));
  });

  it.each(forms.map((form) => [form.line, form] as const))(
    '%s',
    async (_line, form) => {
      const dir = path.join(outputDir, form.folder);
      const earlier = existsSync(dir) ? readdirSync(dir) : [];
      const { code, output, seconds } = await run(form, outputDir);
      process.stderr.write(`[bench-quick] ${form.args.join(' ')}: exit ${code} in ${seconds.toFixed(1)} s\n`);
      if (code !== 0) throw new Error(`exit ${code}: ${form.line}\n${output.slice(-4000)}`);
      const written = readdirSync(dir).filter((file) => file.endsWith('.json') && !earlier.includes(file));
      expect(written).toHaveLength(1);
      expect(JSON.parse(readFileSync(path.join(dir, written[0]), 'utf8'))).toEqual(expect.any(Object));
    },
    600_000,
  );

  it('left the committed results alone', () => {
    expect(committedResults()).toEqual(before);
  });
});
