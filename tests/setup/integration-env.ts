/**
 * integrationEnv(): the database, Redis and Chromium an integration test uses. `bash scripts/test` prepares them
 * and passes them as environment variables; when jest runs directly they are prepared here, once per jest worker:
 * services found or started, a scratch database poa_it_<random> bootstrapped and migrated, and dropped after the
 * worker exits (by a small detached watcher).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { runMigrations } from '@poa/db';
import { createScratchDatabase } from './scratch-database';
import { ensureTestServices, TEST_REDIS_DB, withRedisDatabase } from './test-services';

export interface IntegrationEnv {
  /** Superuser: creates and drops databases. */
  adminUrl: string;
  /** The app role on the scratch database (no superuser, no BYPASSRLS): what the product connects as. */
  appUrl: string;
  /** The owner role on the scratch database: owns the tables, runs migrations. */
  ownerUrl: string;
  redisUrl: string;
  chromiumPath: string;
}

interface CachedEnv extends IntegrationEnv {
  database: string;
  /** When the worker process started: tells a cache file of an earlier process with the same pid apart. */
  processStartedAt: number;
}

let prepared: Promise<IntegrationEnv> | undefined;

export function integrationEnv(): Promise<IntegrationEnv> {
  const given = integrationEnvFrom(process.env);
  if (given) return Promise.resolve(given);
  prepared ??= prepareForThisWorker();
  return prepared;
}

/** The values scripts/test passes, or undefined when any is missing. */
export function integrationEnvFrom(env: NodeJS.ProcessEnv): IntegrationEnv | undefined {
  const { DATABASE_ADMIN_URL, TEST_DATABASE_URL, TEST_DATABASE_MIGRATION_URL, TEST_REDIS_URL, PUPPETEER_EXECUTABLE_PATH } = env;
  if (!DATABASE_ADMIN_URL || !TEST_DATABASE_URL || !TEST_DATABASE_MIGRATION_URL || !TEST_REDIS_URL || !PUPPETEER_EXECUTABLE_PATH)
    return undefined;
  return {
    adminUrl: DATABASE_ADMIN_URL,
    appUrl: TEST_DATABASE_URL,
    ownerUrl: TEST_DATABASE_MIGRATION_URL,
    redisUrl: TEST_REDIS_URL,
    chromiumPath: PUPPETEER_EXECUTABLE_PATH,
  };
}

/** Jest gives every test file fresh modules, so the per-worker cache is a file named after the worker's pid. */
function cacheFile(): string {
  return path.join(os.tmpdir(), 'poa-integration-env', `${process.pid}.json`);
}

function processStartedAt(): number {
  return Math.round(Date.now() - process.uptime() * 1000);
}

async function prepareForThisWorker(): Promise<IntegrationEnv> {
  const cached = await readCache();
  if (cached) return cached;
  const quiet = () => undefined;
  const services = await ensureTestServices(quiet);
  const database = await createScratchDatabase(services.adminUrl, 'poa_it');
  try {
    await runMigrations(database.ownerUrl);
  } catch (error) {
    await database.drop();
    throw error;
  }
  const env: CachedEnv = {
    adminUrl: services.adminUrl,
    appUrl: database.appUrl,
    ownerUrl: database.ownerUrl,
    redisUrl: withRedisDatabase(services.redisUrl, TEST_REDIS_DB.integration),
    chromiumPath: services.chromiumPath,
    database: database.name,
    processStartedAt: processStartedAt(),
  };
  mkdirSync(path.dirname(cacheFile()), { recursive: true });
  writeFileSync(cacheFile(), JSON.stringify(env));
  dropWhenThisProcessExits(env);
  return env;
}

async function readCache(): Promise<IntegrationEnv | undefined> {
  if (!existsSync(cacheFile())) return undefined;
  const cached = JSON.parse(readFileSync(cacheFile(), 'utf8')) as CachedEnv;
  if (Math.abs(cached.processStartedAt - processStartedAt()) > 2000) return undefined;
  const admin = new Client({ connectionString: cached.adminUrl });
  try {
    await admin.connect();
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [cached.database]);
    return found.rowCount === 1 ? cached : undefined;
  } catch {
    return undefined;
  } finally {
    await admin.end().catch(() => undefined);
  }
}

function dropWhenThisProcessExits(env: CachedEnv): void {
  const watcher = spawn(
    process.execPath,
    [path.join(__dirname, 'drop-database-when-gone.cjs'), String(process.pid), env.adminUrl, env.database, cacheFile()],
    { detached: true, stdio: 'ignore' },
  );
  watcher.unref();
}
