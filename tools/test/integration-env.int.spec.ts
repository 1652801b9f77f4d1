import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { integrationEnv, integrationEnvFrom } from '@poa/test-setup';
import { createScratchDatabase } from '../../tests/setup/scratch-database';
import { ensureTestServices } from '../../tests/setup/test-services';

jest.setTimeout(60_000);

const VARIABLES = ['DATABASE_ADMIN_URL', 'TEST_DATABASE_URL', 'TEST_DATABASE_MIGRATION_URL', 'TEST_REDIS_URL', 'PUPPETEER_EXECUTABLE_PATH'];

async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  return (await query(adminUrl, 'SELECT 1 FROM pg_database WHERE datname = $1', [name])).length === 1;
}

describe('integrationEnvFrom', () => {
  const complete = Object.fromEntries(VARIABLES.map((name) => [name, `value of ${name}`]));

  it('maps the variables scripts/test passes', () => {
    expect(integrationEnvFrom(complete)).toEqual({
      adminUrl: 'value of DATABASE_ADMIN_URL',
      appUrl: 'value of TEST_DATABASE_URL',
      ownerUrl: 'value of TEST_DATABASE_MIGRATION_URL',
      redisUrl: 'value of TEST_REDIS_URL',
      chromiumPath: 'value of PUPPETEER_EXECUTABLE_PATH',
    });
  });

  it.each(VARIABLES)('gives undefined without %s', (missing) => {
    expect(integrationEnvFrom({ ...complete, [missing]: undefined })).toBeUndefined();
  });
});

describe('integrationEnv when jest runs without scripts/test', () => {
  const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
  beforeAll(() => VARIABLES.filter((name) => name !== 'DATABASE_ADMIN_URL').forEach((name) => delete process.env[name]));
  afterAll(() =>
    Object.entries(saved).forEach(([name, value]) => (value === undefined ? delete process.env[name] : (process.env[name] = value))),
  );

  it('prepares a migrated scratch database with least-privilege roles, Redis database 1 and Chromium, once per worker', async () => {
    const env = await integrationEnv();
    const database = new URL(env.appUrl).pathname.slice(1);
    expect(database).toMatch(/^poa_it_[0-9a-f]{10}$/);
    expect(new URL(env.ownerUrl).pathname).toBe(`/${database}`);

    const [app] = await query<{ user: string; rolsuper: boolean; rolbypassrls: boolean }>(
      env.appUrl,
      'SELECT current_user AS user, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user',
    );
    expect(app).toEqual({ user: 'poa_app', rolsuper: false, rolbypassrls: false });
    const migrationsTable = await query(env.ownerUrl, "SELECT 1 FROM information_schema.tables WHERE table_name = 'schema_migrations'");
    expect(migrationsTable).toHaveLength(1);

    expect(env.redisUrl).toMatch(/\/1$/);
    const redis = new Redis(env.redisUrl, { maxRetriesPerRequest: 1 });
    try {
      expect(await redis.ping()).toBe('PONG');
    } finally {
      redis.disconnect();
    }
    expect(existsSync(env.chromiumPath)).toBe(true);

    expect(await integrationEnv()).toEqual(env);
    expect(existsSync(path.join(os.tmpdir(), 'poa-integration-env', `${process.pid}.json`))).toBe(true);
  });
});

describe('drop-database-when-gone.cjs', () => {
  it('drops the scratch database and removes the cache file once the watched process has exited', async () => {
    const services = await ensureTestServices(() => undefined);
    const database = await createScratchDatabase(services.adminUrl, 'poa_it');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'poa-watcher-'));
    const cache = path.join(dir, 'cache.json');
    writeFileSync(cache, '{}');
    try {
      const shortLived = spawn(process.execPath, ['-e', 'setTimeout(() => undefined, 1500)'], { stdio: 'ignore' });
      const watcher = spawn(
        process.execPath,
        [
          path.resolve(__dirname, '../../tests/setup/drop-database-when-gone.cjs'),
          String(shortLived.pid),
          services.adminUrl,
          database.name,
          cache,
        ],
        { stdio: 'ignore' },
      );
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(await databaseExists(services.adminUrl, database.name)).toBe(true);
      const watcherExit = await new Promise<number | null>((resolve) => watcher.once('exit', resolve));
      expect(watcherExit).toBe(0);
      expect(await databaseExists(services.adminUrl, database.name)).toBe(false);
      expect(existsSync(cache)).toBe(false);
    } finally {
      await database.drop();
      await services.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
