import { sql } from '@poa/db';
import { createFileStorage, FileNotFoundError, type S3Storage } from '@poa/storage';
import { startS3TestServer, type S3TestServer } from '@poa/test-setup';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { seedApprovedCase, waitFor } from '../../test/fixtures';
import { startTestWorker, type TestWorker } from '../../test/test-worker';

describe('worker with STORAGE_DRIVER=s3: the approved PDF goes to the bucket', () => {
  let s3: S3TestServer;
  let testWorker: TestWorker;

  beforeAll(async () => {
    s3 = await startS3TestServer();
    testWorker = await startTestWorker({ ...s3.settings }, { privateDatabase: true });
  }, 60_000);

  afterAll(async () => {
    await testWorker?.close();
    await s3?.close();
  });

  it('stores the rendered PDF in S3 under its key, with the recorded SHA-256, and nothing on the local disk', async () => {
    const seeded = await seedApprovedCase(testWorker.db);
    const ready = await waitFor(
      async () => {
        const [row] = await testWorker.db.read<{ status: string; storage_key: string | null; sha256: string | null }>(
          sql`SELECT status, storage_key, sha256 FROM pdf_renders WHERE draft_version_id = ${seeded.versionId}::uuid`,
          { tenantId: seeded.tenantId },
        );
        return row?.status === 'ready' ? row : null;
      },
      30_000,
      'the PDF',
    );

    const bucket = createFileStorage({ DATA_DIR: testWorker.dataDir, ...s3.settings }) as S3Storage;
    try {
      const pdf = await bucket.get(ready.storage_key!);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(createHash('sha256').update(pdf).digest('hex')).toBe(ready.sha256);
      expect(ready.storage_key!.startsWith(`${seeded.tenantId}/`)).toBe(true);
      const local = createFileStorage({ DATA_DIR: testWorker.dataDir, STORAGE_DRIVER: 'local' });
      await expect(local.get(ready.storage_key!)).rejects.toBeInstanceOf(FileNotFoundError);
      const filesDir = join(testWorker.dataDir, 'files');
      expect(existsSync(filesDir) ? readdirSync(filesDir) : []).toEqual([]);
    } finally {
      bucket.destroy();
    }
  }, 60_000);
});
