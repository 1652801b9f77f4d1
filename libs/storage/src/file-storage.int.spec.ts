import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileStorage } from './create-file-storage';
import { FileNotFoundError, type FileStorage } from './file-storage';
import { S3Storage } from './s3-storage';
import { startS3TestServer, type S3TestServer } from '@poa/test-setup';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** The same contract for every driver: what the API and the worker rely on. */
describe.each(['local', 's3'] as const)('file storage (%s)', (driver) => {
  let storage: FileStorage;
  let s3: S3TestServer | undefined;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'poa-storage-'));
    if (driver === 's3') s3 = await startS3TestServer();
    storage = createFileStorage({ DATA_DIR: dataDir, STORAGE_DRIVER: 'local', ...s3?.settings });
    expect(storage).toBeInstanceOf(driver === 's3' ? S3Storage : Object);
  });

  afterAll(async () => {
    if (storage instanceof S3Storage) storage.destroy();
    await s3?.close();
  });

  it('stores and returns the exact bytes of a binary file', async () => {
    const data = randomBytes(3 * 1024 * 1024 + 17);
    const key = `tenant-a/cases/c1/${randomBytes(6).toString('hex')}.pdf`;
    await storage.put(key, data);
    expect(await storage.exists(key)).toBe(true);
    expect(sha256(await storage.get(key))).toBe(sha256(data));
  });

  it('replaces a file written under the same key', async () => {
    const key = `tenant-a/cases/c1/replace-${randomBytes(4).toString('hex')}`;
    await storage.put(key, Buffer.from('first'));
    await storage.put(key, Buffer.from('second'));
    expect((await storage.get(key)).toString()).toBe('second');
  });

  it('reports an unknown key as missing: exists() false, get() FileNotFoundError', async () => {
    const key = `tenant-a/cases/c1/missing-${randomBytes(4).toString('hex')}`;
    expect(await storage.exists(key)).toBe(false);
    await expect(storage.get(key)).rejects.toBeInstanceOf(FileNotFoundError);
  });

  it('lists and deletes the files under one prefix only', async () => {
    const run = randomBytes(4).toString('hex');
    const [mine, other] = [`purge-${run}`, `purge-${run}x`];
    await storage.put(`${mine}/cases/c1/a.pdf`, Buffer.from('a'));
    await storage.put(`${mine}/exports/e1.tar.gz`, Buffer.from('b'));
    await storage.put(`${other}/cases/c1/a.pdf`, Buffer.from('c'));
    expect((await storage.list(mine)).sort()).toEqual([`${mine}/cases/c1/a.pdf`, `${mine}/exports/e1.tar.gz`]);
    expect(await storage.deletePrefix(mine)).toBe(2);
    expect(await storage.list(mine)).toEqual([]);
    expect(await storage.exists(`${mine}/cases/c1/a.pdf`)).toBe(false);
    expect(await storage.list(other)).toEqual([`${other}/cases/c1/a.pdf`]);
    expect(await storage.deletePrefix(mine)).toBe(0);
    await expect(storage.deletePrefix('..')).rejects.toThrow(/Unsafe storage key/);
  });

  it('refuses keys that could leave the tenant prefix', async () => {
    for (const key of ['../etc/passwd', 'tenant-a/../tenant-b/x', '/abs', 'a//b', 'a/./b']) {
      await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow(/Unsafe storage key/);
      await expect(storage.get(key)).rejects.toThrow(/Unsafe storage key/);
    }
  });
});

describe('S3 storage errors', () => {
  it('refused credentials are an error, never taken for a missing file', async () => {
    const s3 = await startS3TestServer();
    const storage = createFileStorage({ DATA_DIR: tmpdir(), ...s3.settings, S3_ACCESS_KEY_ID: 'NOT-A-KEY' }) as S3Storage;
    try {
      await expect(storage.exists('tenant-a/x')).rejects.toThrow();
      await expect(storage.get('tenant-a/x')).rejects.toThrow(/access key/i);
      await expect(storage.get('tenant-a/x')).rejects.not.toBeInstanceOf(FileNotFoundError);
    } finally {
      storage.destroy();
      await s3.close();
    }
  });
});
