export * from './tenant-context';
export * from './tenant-db';
export * from './sql';
export * from './rls-catalogue';
