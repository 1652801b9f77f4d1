import os from 'node:os';
import { Client } from 'pg';
import { defaultLog, type Log } from './log';
import { isLoopbackHost, isPortOpen } from './ports';
import { startLocalPostgres } from './postgres-server';

export interface EnsurePostgresOptions {
  /** The user's DATABASE_ADMIN_URL: used as is when given. */
  url?: string;
  host?: string;
  port?: number;
  /** Where a server we start keeps its cluster (initialised once, reused later). */
  dataDir: string;
  /** Tests only: fsync=off for speed. Never for the product. */
  fsyncOff?: boolean;
  /** Start the PostgreSQL in this bin directory (initdb, postgres) instead of searching for one. */
  postgresBinDir?: string;
  log?: Log;
}

export interface PostgresHandle {
  adminUrl: string;
  /** True when we started the server (stop() then stops it). */
  started: boolean;
  stop(): Promise<void>;
}

const noop = async () => undefined;

/** A superuser URL for a PostgreSQL that answers: the given one, one already running, or one we start. */
export async function ensurePostgres(options: EnsurePostgresOptions): Promise<PostgresHandle> {
  const log = options.log ?? defaultLog;
  if (options.url) return useGivenUrl(options.url, log);

  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 5432;
  if (await isPortOpen(host, port)) {
    const adminUrl = await findSuperuserLogin(host, port);
    log(`PostgreSQL: found a server on ${host}:${port}, using ${adminUrl}`);
    return { adminUrl, started: false, stop: noop };
  }
  if (!isLoopbackHost(host)) {
    throw new Error(
      `PostgreSQL: nothing answers on ${host}:${port}, and we only start servers on this machine: start it or set DATABASE_ADMIN_URL`,
    );
  }
  const server = await startLocalPostgres({
    port,
    dataDir: options.dataDir,
    fsyncOff: options.fsyncOff,
    binDir: options.postgresBinDir,
    log,
  });
  return { adminUrl: server.adminUrl, started: true, stop: server.stop };
}

async function useGivenUrl(url: string, log: Log): Promise<PostgresHandle> {
  try {
    const isSuperuser = await querySuperuser(url);
    if (!isSuperuser) log('PostgreSQL: warning: DATABASE_ADMIN_URL is not a superuser; creating extensions pg_trgm/pgcrypto may fail');
  } catch (error) {
    throw new Error(`DATABASE_ADMIN_URL does not connect (${redact(url)}): ${(error as Error).message}`);
  }
  log(`PostgreSQL: using DATABASE_ADMIN_URL (${redact(url)})`);
  return { adminUrl: url, started: false, stop: noop };
}

/** Tries postgres, root, then the OS user name, without a password, over TCP. */
async function findSuperuserLogin(host: string, port: number): Promise<string> {
  const candidates = [...new Set(['postgres', 'root', os.userInfo().username])];
  const failures: string[] = [];
  for (const user of candidates) {
    const url = `postgres://${encodeURIComponent(user)}@${host}:${port}/postgres`;
    try {
      if (await querySuperuser(url)) return url;
      failures.push(`${user}: connects but is not a superuser`);
    } catch (error) {
      failures.push(`${user}: ${(error as Error).message}`);
    }
  }
  throw new Error(
    `PostgreSQL answers on ${host}:${port} but no superuser login works without a password ` +
      `(${failures.join('; ')}): set DATABASE_ADMIN_URL, e.g. postgres://postgres:secret@${host}:${port}/postgres`,
  );
}

async function querySuperuser(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const result = await client.query<{ rolsuper: boolean }>('SELECT rolsuper FROM pg_roles WHERE rolname = current_user');
    return result.rows[0]?.rolsuper === true;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(not a valid URL)';
  }
}
