import { join } from 'node:path';
import { type FileStorage, LocalDiskStorage } from './file-storage';
import type { S3Storage } from './s3-storage';

export interface StorageSettings {
  DATA_DIR: string;
  STORAGE_DRIVER: 'local' | 's3';
  S3_ENDPOINT?: string;
  S3_BUCKET?: string;
  S3_REGION?: string;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
}

/** The configured storage: the local disk under DATA_DIR, or an S3-compatible bucket. */
export function createFileStorage(settings: StorageSettings): FileStorage {
  if (settings.STORAGE_DRIVER === 's3') {
    const { S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY } = settings;
    // The config schema requires these with STORAGE_DRIVER=s3; this guards direct callers.
    if (!S3_BUCKET || !S3_ACCESS_KEY_ID || !S3_SECRET_ACCESS_KEY)
      throw new Error('STORAGE_DRIVER=s3 needs S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY');
    // Loaded on demand: the AWS SDK adds ~140 ms and its memory to every start that does not use it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { S3Storage: S3StorageClass } = require('./s3-storage') as { S3Storage: typeof S3Storage };
    return new S3StorageClass({
      bucket: S3_BUCKET,
      endpoint: settings.S3_ENDPOINT,
      region: settings.S3_REGION ?? 'us-east-1',
      credentials: { accessKeyId: S3_ACCESS_KEY_ID, secretAccessKey: S3_SECRET_ACCESS_KEY },
    });
  }
  return new LocalDiskStorage(join(settings.DATA_DIR, 'files'));
}
