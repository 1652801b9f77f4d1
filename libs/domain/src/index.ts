export * from './violations';
export * from './marketplaces';
export * from './roles';
export * from './workflow';
export * from './notice-parser';
export * from './draft';
export * from './checker';
export * from './reference';
