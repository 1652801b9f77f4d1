import { sql, type TenantDb } from '@poa/db';
import { ensurePdfTools } from '@poa/services';
import { createFileStorage } from '@poa/storage';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedApprovedCase, waitFor } from '../test/fixtures';
import { startTestWorker, type TestWorker } from '../test/test-worker';

describe('worker: outbox relay and PDF rendering against real PostgreSQL, Redis and Chromium', () => {
  let testWorker: TestWorker;
  let db: TenantDb;
  let dataDir: string;

  const renderStatus = async (tenantId: string, versionId: string) =>
    (await db.read<{ status: string; storage_key: string | null; page_count: number | null; attempts: number }>(sql`SELECT status, storage_key, page_count, attempts FROM pdf_renders WHERE draft_version_id = ${versionId}`, { tenantId }))[0];

  beforeAll(async () => {
    testWorker = await startTestWorker();
    ({ db, dataDir } = testWorker);
  }, 60_000);

  afterAll(() => testWorker?.close());

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
    await testWorker.stopRedis();
    const seeded = await seedApprovedCase(db);
    await new Promise((r) => setTimeout(r, 1000));
    expect((await renderStatus(seeded.tenantId, seeded.versionId)).status).toBe('queued');
    await testWorker.startRedis();
    const started = Date.now();
    await waitFor(async () => (await renderStatus(seeded.tenantId, seeded.versionId))?.status === 'ready', 30_000, 'the PDF after Redis came back');
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);
});
