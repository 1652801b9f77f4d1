/**
 * Backup and restore as the README documents it: pg_dump (custom format) of a seeded database in use, pg_restore
 * into a new database, the files folder copied beside it; the product started on the copy lets the same owner log
 * in and download the same PDF, byte for byte, and sees the demo data.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { bootstrapDatabase, dropDatabase } from '@poa/services';
import { createScratchDatabase, e2eEnv } from '@poa/test-setup';
import { Http, signupAgency } from '../../../apps/api/test/harness';
import {
  createCase,
  createClient,
  createContact,
  draftBody,
  expectStatus,
  transition,
} from '../../../apps/api/src/cases/case-test-helpers';
import { nodeArgs, SERVER_ENTRIES } from '../../../tools/start/paths';
import { parseSeedLogins } from '../../../tools/start/seed-output';
import { startDeployment, waitFor, type Deployment } from './deployment';

const tier = e2eEnv();

/** pg_dump/pg_restore of a version at least the server's (Debian's wrapper picks the newest installed). */
function postgresTool(name: 'pg_dump' | 'pg_restore', serverMajor: number): string | undefined {
  const candidates = [
    ...[19, 18, 17, 16, 15, 14].filter((v) => v >= serverMajor).map((v) => `/usr/lib/postgresql/${v}/bin/${name}`),
    `/opt/homebrew/bin/${name}`,
    `/usr/local/bin/${name}`,
  ];
  return candidates.find((file) => existsSync(file)) ?? (spawnSync(name, ['--version']).status === 0 ? name : undefined);
}

async function query<T>(url: string, text: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

const withDatabase = (url: string, name: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
};

describe('backup and restore', () => {
  const cleanups: (() => Promise<unknown> | void)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
  });

  it('pg_dump of a seeded database restores into a new one, on which the product starts and the PDF downloads', async () => {
    const [{ server_version_num }] = await query<{ server_version_num: string }>(tier.adminUrl, 'SHOW server_version_num');
    const major = Math.floor(Number(server_version_num) / 10000);
    const pgDump = postgresTool('pg_dump', major);
    const pgRestore = postgresTool('pg_restore', major);
    if (!pgDump || !pgRestore) throw new Error(`no pg_dump/pg_restore of PostgreSQL ${major} or newer is installed`);

    // The original: migrated, seeded with the demo data, one approved case with its PDF.
    const original = await createScratchDatabase(tier.adminUrl, 'poa_backup');
    cleanups.push(original.drop);
    const source: Deployment = await startDeployment({ name: 'backup', apis: 1, workers: 1, database: original });
    cleanups.push(() => source.stop());
    const seeded = spawnSync(process.execPath, nodeArgs(SERVER_ENTRIES.cli, 'seed'), {
      env: { ...process.env, ...source.env },
      encoding: 'utf8',
    });
    expect(seeded.status).toBe(0);
    const [demo] = parseSeedLogins(seeded.stdout);
    const http = new Http(source.apiUrls[0]);
    const owner = await signupAgency(http, 'Backup Agency');
    const client = await createClient(http, owner.token, { name: 'Backup Seller' });
    const contact = await createContact(http, owner.token, client.id, 'Backup Contact');
    const kase = await createCase(http, owner.token, client.id);
    for (const action of ['start_drafting', 'submit_for_review', 'approve_internal']) {
      if (action === 'submit_for_review') expectStatus(await http.post(`/api/v1/cases/${kase.id}/drafts`, draftBody(0), owner.token), 201);
      expectStatus(await transition(http, owner.token, kase.id, { action }), 200);
    }
    expectStatus(
      await transition(http, owner.token, kase.id, { action: 'client_approve', contactId: contact.id, fullName: 'Backup Signer' }),
      200,
    );
    const download = async (baseUrl: string, token: string) => {
      const res = await fetch(`${baseUrl}/api/v1/cases/${kase.id}/pdf`, { headers: { authorization: `Bearer ${token}` } });
      const body = Buffer.from(await res.arrayBuffer());
      return res.status === 200 ? body : undefined;
    };
    const pdf = await waitFor(() => download(source.apiUrls[0], owner.token), 60_000, 'the PDF');

    // The backup: the database while the product runs, and the files folder.
    const backupDir = mkdtempSync(path.join(os.tmpdir(), 'poa-backup-'));
    cleanups.push(() => rmSync(backupDir, { recursive: true, force: true }));
    const dumpFile = path.join(backupDir, 'poa.dump');
    const dumped = spawnSync(pgDump, ['--format=custom', `--file=${dumpFile}`, withDatabase(tier.adminUrl, original.name)], {
      encoding: 'utf8',
    });
    expect(dumped.stderr).toBe('');
    expect(dumped.status).toBe(0);
    cpSync(path.join(source.dataDir, 'files'), path.join(backupDir, 'files'), { recursive: true });
    await source.stop();

    // The restore: a new database owned by the owner role, pg_restore as a superuser, then the usual bootstrap
    // (idempotent: roles, privileges, extensions), the files into a new DATA_DIR.
    const restoredName = `${original.name}_restored`;
    await query(tier.adminUrl, `CREATE DATABASE ${restoredName} OWNER poa_owner`);
    cleanups.push(() => dropDatabase(tier.adminUrl, restoredName));
    const restored = spawnSync(pgRestore, ['--exit-on-error', `--dbname=${withDatabase(tier.adminUrl, restoredName)}`, dumpFile], {
      encoding: 'utf8',
    });
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    const urls = await bootstrapDatabase(tier.adminUrl, { database: restoredName, ownerPassword: 'poa_owner', appPassword: 'poa_app' });
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'poa-restored-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    cpSync(path.join(backupDir, 'files'), path.join(dataDir, 'files'), { recursive: true });

    // The product on the copy (migrations find nothing to do), with the same JWT secret: the owner's token still
    // works and gets the same PDF, byte for byte; a seeded staff member logs in with their password.
    const copy = await startDeployment({ name: 'restored', apis: 1, workers: 0, database: urls, dataDir });
    cleanups.push(() => copy.stop());
    const restoredHttp = new Http(copy.apiUrls[0]);
    const restoredPdf = await download(copy.apiUrls[0], owner.token);
    expect(restoredPdf).toBeDefined();
    expect(createHash('sha256').update(restoredPdf!).digest('hex')).toBe(createHash('sha256').update(pdf).digest('hex'));
    const cases = await restoredHttp.get('/api/v1/cases', owner.token);
    expect(cases.body.data.map((c: { id: string }) => c.id)).toEqual([kase.id]);
    const login = await restoredHttp.post('/api/v1/auth/login', { email: demo.email, password: demo.password });
    expectStatus(login, 200);
    expect((await restoredHttp.get('/api/v1/cases', login.body.accessToken)).body.data.length).toBeGreaterThan(0);
    // Every row came along, the seeded agencies included.
    const counts = await query<{ tenants: number; cases: number }>(
      withDatabase(tier.adminUrl, restoredName),
      'SELECT (SELECT count(*)::int FROM tenants) AS tenants, (SELECT count(*)::int FROM cases) AS cases',
    );
    const before = await query<{ tenants: number; cases: number }>(
      withDatabase(tier.adminUrl, original.name),
      'SELECT (SELECT count(*)::int FROM tenants) AS tenants, (SELECT count(*)::int FROM cases) AS cases',
    );
    expect(counts).toEqual(before);
    expect(counts[0].tenants).toBeGreaterThan(1);
  }, 240_000);
});
