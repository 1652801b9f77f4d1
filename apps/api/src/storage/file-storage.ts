// The storage lives in libs/storage so the worker shares it.
export * from '@poa/storage';
