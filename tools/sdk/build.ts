/**
 * Builds libs/sdk as the npm package @poa/sdk into libs/sdk/dist: an ESM bundle (index.mjs) and a CommonJS one
 * (index.cjs) of src/, with openapi-fetch their one dependency, and the type declarations (index.d.ts...).
 *   npx tsx tools/sdk/build.ts                 build
 *   npx tsx tools/sdk/build.ts --pack <dir>    build, then `npm pack` the tarball into <dir> (prints its path)
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '../..');
export const SDK_DIR = path.join(ROOT, 'libs/sdk');
const DIST = path.join(SDK_DIR, 'dist');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

export async function buildSdk(dist = DIST): Promise<void> {
  rmSync(dist, { recursive: true, force: true });
  for (const [format, outfile] of [
    ['esm', 'index.mjs'],
    ['cjs', 'index.cjs'],
  ] as const) {
    await build({
      entryPoints: [path.join(SDK_DIR, 'src/index.ts')],
      outfile: path.join(dist, outfile),
      bundle: true,
      format,
      platform: 'neutral',
      target: 'es2022',
      external: ['openapi-fetch'],
      logLevel: 'warning',
    });
  }
  execFileSync(path.join(ROOT, 'node_modules/.bin/tsc'), ['-p', path.join(SDK_DIR, 'tsconfig.build.json'), '--outDir', dist], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  // A CRM installs the package alone: nothing in it may reach into this repository.
  const leaks = filesUnder(dist).filter((file) => /['"]@poa\/(?!sdk['"])|\.\.\/\.\.\/(libs|apps|tools)\//.test(readFileSync(file, 'utf8')));
  if (leaks.length) throw new Error(`the SDK build refers to monorepo paths: ${leaks.join(', ')}`);
}

/** Builds the package in a staging folder (the work tree stays as it is) and packs it; the tarball's path. */
export async function packSdk(destination: string): Promise<string> {
  const stage = mkdtempSync(path.join(os.tmpdir(), 'poa-sdk-pack-'));
  try {
    for (const file of ['package.json', 'README.md', 'examples/crm-sync.ts']) {
      mkdirSync(path.dirname(path.join(stage, file)), { recursive: true });
      copyFileSync(path.join(SDK_DIR, file), path.join(stage, file));
    }
    await buildSdk(path.join(stage, 'dist'));
    mkdirSync(destination, { recursive: true });
    const out = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], { cwd: stage, encoding: 'utf8' });
    const [{ filename }] = JSON.parse(out) as { filename: string }[];
    return path.join(destination, filename);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const packIndex = process.argv.indexOf('--pack');
  const run = packIndex > 0 ? packSdk(path.resolve(process.argv[packIndex + 1] ?? '.')).then((file) => console.log(file)) : buildSdk();
  run.catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
