import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@poa/config';
import { createDataSource, sql, TenantDb } from '@poa/db';
import { ensurePdfTools, ensureRedis, freePort } from '@poa/services';
import { createFileStorage } from '@poa/storage';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { integrationEnv } from '@poa/test-setup';
import { seedApprovedCase, waitFor } from '../test/fixtures';
import { WorkerModule } from './worker.module';

describe('worker: outbox relay and PDF rendering against real PostgreSQL, Redis and Chromium', () => {
  let env: Awaited<ReturnType<typeof integrationEnv>>;
  let redis: Awaited<ReturnType<typeof ensureRedis>>;
  let redisPort: number;
  let worker: INestApplicationContext;
  let db: TenantDb;
  let closeDb: () => Promise<void>;
  const dataDir = mkdtempSync(join(tmpdir(), 'poa-worker-'));

  const renderStatus = async (tenantId: string, versionId: string) =>
    (await db.read<{ status: string; storage_key: string | null; page_count: number | null; attempts: number }>(sql`SELECT status, storage_key, page_count, attempts FROM pdf_renders WHERE draft_version_id = ${versionId}`, { tenantId }))[0];

  beforeAll(async () => {
    env = await integrationEnv();
    // A Redis of our own, so the test can stop and start it without disturbing anything else.
    redisPort = await freePort();
    redis = await ensureRedis({ port: redisPort, dataDir, log: () => undefined });
    const dataSource = await createDataSource({ url: env.appUrl, poolSize: 4 }).initialize();
    db = new TenantDb(dataSource);
    closeDb = () => dataSource.destroy();
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: env.appUrl,
      REDIS_URL: redis.url,
      DATA_DIR: dataDir,
      WORKER_HEALTH_PORT: '0',
      OUTBOX_POLL_MS: '100',
    });
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, env.chromiumPath), { logger: false, abortOnError: false });
    await worker.init();
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await closeDb?.();
    await redis?.stop();
  });

  it('renders an approved POA once, with its text, its proof of approval and its metadata', async () => {
    const seeded = await seedApprovedCase(db, { approverName: 'Clara Q. Client' });
    const ready = await waitFor(async () => {
      const r = await renderStatus(seeded.tenantId, seeded.versionId);
      return r?.status === 'ready' ? r : null;
    }, 30_000, 'the PDF');
    expect(ready.page_count).toBeGreaterThanOrEqual(1);
    const pdf = await createFileStorage({ DATA_DIR: dataDir, STORAGE_DRIVER: 'local' }).get(ready.storage_key!);
    const file = join(dataDir, 'out.pdf');
    writeFileSync(file, pdf);
    const tools = await ensurePdfTools({ log: () => undefined });
    const text = execFileSync(tools.pdftotext, ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(seeded.reference);
    expect(text).toContain('invoices from Acme Wholesale could not be verified');
    expect(text).toContain('removed 120 units of B0TESTPDF1');
    expect(text).toContain('every new supplier is verified');
    expect(text).toContain('Clara Q. Client');
    const info = execFileSync(tools.pdfinfo, [file], { encoding: 'utf8' });
    expect(info).toMatch(new RegExp(`Title:.*${seeded.reference}`));

    // The same outbox message relayed again (e.g. after a crash between enqueue and marking) renders nothing new.
    await db.transaction((tx) => tx.query(`UPDATE outbox SET dispatched_at = NULL WHERE tenant_id = $1`, [seeded.tenantId]), { tenantId: seeded.tenantId });
    await new Promise((r) => setTimeout(r, 1500));
    expect((await renderStatus(seeded.tenantId, seeded.versionId)).attempts).toBe(1);
  }, 60_000);

  it('keeps the job while Redis is down and renders it once Redis is back', async () => {
    await redis.stop();
    const seeded = await seedApprovedCase(db);
    await new Promise((r) => setTimeout(r, 1000));
    expect((await renderStatus(seeded.tenantId, seeded.versionId)).status).toBe('queued');
    redis = await ensureRedis({ port: redisPort, dataDir, log: () => undefined });
    const started = Date.now();
    await waitFor(async () => (await renderStatus(seeded.tenantId, seeded.versionId))?.status === 'ready', 30_000, 'the PDF after Redis came back');
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);
});
