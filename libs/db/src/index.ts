export * from './entities';
export * from './tenancy';
export * from './data-source';
export * from './naming';
export { TENANT_TABLES } from './migrations/tenant-tables';
export * from './table';
export { parseTimestamptz } from './timestamps';
