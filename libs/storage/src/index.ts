export * from './file-storage';
// Types only: the AWS SDK is loaded when STORAGE_DRIVER=s3 asks for it (see create-file-storage.ts).
export type { S3Storage, S3StorageOptions } from './s3-storage';
export * from './create-file-storage';
