export * from './file-storage';
export * from './s3-storage';
export * from './create-file-storage';
