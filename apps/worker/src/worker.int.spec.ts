import type { TenantDb } from '@poa/db';
import { ensurePdfTools } from '@poa/services';
import { createFileStorage } from '@poa/storage';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUEUES } from '@poa/jobs';
import { dispatchedRows, isolateSweep, outboxRows, renderStatus as renderOf, seedApprovedCase, waitFor } from '../test/fixtures';
import { startTestWorker, type TestWorker } from '../test/test-worker';

describe('worker: outbox relay and PDF rendering against real PostgreSQL, Redis and Chromium', () => {
  let testWorker: TestWorker;
  let db: TenantDb;
  let dataDir: string;

  const renderStatus = (tenantId: string, versionId: string) => renderOf(db, tenantId, versionId);

  beforeAll(async () => {
    // Its own database: these tests stop and wipe their Redis and re-queue outbox rows (see startTestWorker).
    testWorker = await startTestWorker({}, { privateDatabase: true });
    ({ db, dataDir } = testWorker);
  }, 60_000);

  afterAll(() => testWorker?.close());

  it('renders an approved POA once, with its text, its proof of approval and its metadata', async () => {
    const seeded = await seedApprovedCase(db, { approverName: 'Clara Q. Client' });
    const ready = await waitFor(
      async () => {
        const r = await renderStatus(seeded.tenantId, seeded.versionId);
        return r?.status === 'ready' ? r : null;
      },
      30_000,
      'the PDF',
    );
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
    await db.transaction((tx) => tx.query(`UPDATE outbox SET dispatched_at = NULL WHERE tenant_id = $1`, [seeded.tenantId]), {
      tenantId: seeded.tenantId,
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect((await renderStatus(seeded.tenantId, seeded.versionId)).attempts).toBe(1);
  }, 60_000);

  it('keeps the job while Redis is down and renders it once Redis is back', async () => {
    await testWorker.stopRedis();
    const seeded = await seedApprovedCase(db);
    await new Promise((r) => setTimeout(r, 1000));
    expect((await renderStatus(seeded.tenantId, seeded.versionId)).status).toBe('queued');
    await testWorker.startRedis();
    const started = Date.now();
    await waitFor(
      async () => (await renderStatus(seeded.tenantId, seeded.versionId))?.status === 'ready',
      30_000,
      'the PDF after Redis came back',
    );
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);

  it('renders the PDF of an approval whose job Redis lost before the worker took it: the sweep queues it again', async () => {
    // Paused, so the relayed job waits in Redis; then Redis restarts and, keeping nothing on disk, loses it.
    await testWorker.queue(QUEUES.pdfRender).pause();
    const seeded = await seedApprovedCase(db);
    const [row] = await dispatchedRows(db, seeded.tenantId);
    expect(await testWorker.queue(QUEUES.pdfRender).getJobState(row.job_id)).toBe('waiting');
    await testWorker.stopRedis();
    await testWorker.startRedis();
    expect(await testWorker.queue(QUEUES.pdfRender).getJobState(row.job_id)).toBe('unknown');
    await new Promise((r) => setTimeout(r, 1000));
    expect((await renderStatus(seeded.tenantId, seeded.versionId)).status).toBe('queued');

    // A minute later the sweep finds the row dispatched but its job unknown to Redis, and hands it back to the relay.
    await isolateSweep(db, [seeded.tenantId], 2 * 60_000);
    // (The sweep refuses to run until its Redis connection is back, as on its timer.)
    const swept = await waitFor(() => testWorker.sweeper.sweepOnce().catch(() => null), 10_000, 'a sweep with Redis back');
    expect(swept).toEqual({ checked: 1, done: 0, requeued: 1, expired: 0 });
    await waitFor(
      async () => (await renderStatus(seeded.tenantId, seeded.versionId))?.status === 'ready',
      30_000,
      'the PDF after the sweep',
    );
    expect((await renderStatus(seeded.tenantId, seeded.versionId)).attempts).toBe(1);
    await waitFor(
      async () => (await testWorker.queue(QUEUES.pdfRender).getJobState(row.job_id)) === 'completed',
      10_000,
      'the job to complete',
    );
    expect((await outboxRows(db, seeded.tenantId))[0]).toMatchObject({ job_id: row.job_id, done_at: null });
  }, 60_000);
});
