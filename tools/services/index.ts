export { isPortOpen, freePort } from './ports';
export { ensurePostgres, type EnsurePostgresOptions, type PostgresHandle } from './postgres';
export { bootstrapDatabase, dropDatabase, type BootstrapOptions, type BootstrapResult } from './bootstrap';
export { ensureRedis, type EnsureRedisOptions, type RedisHandle } from './redis';
export { ensureChromium, ensurePdfBrowser } from './chromium';
export { ensurePdfTools, type PdfTools } from './pdf-tools';
export type { Log } from './log';
