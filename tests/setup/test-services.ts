import path from 'node:path';
import { ensureChromium, ensurePdfBrowser, ensurePdfTools, ensurePostgres, ensureRedis, type Log } from '@poa/services';

const REPO_ROOT = path.resolve(__dirname, '../..');

export interface TestServices {
  /** A superuser URL (DATABASE_ADMIN_URL, a server on 127.0.0.1:5432, or one started from .data/postgres). */
  adminUrl: string;
  /** The Redis server's URL, without a database index. */
  redisUrl: string;
  chromiumPath: string;
  /** What the worker renders PDFs with (chromium-headless-shell when available). */
  pdfBrowserPath: string;
  /** Stops the servers we started (none when they were already running). */
  stop(): Promise<void>;
}

/** Redis logical databases reserved for the test tiers, apart from the product's database 0. */
export const TEST_REDIS_DB = { integration: 1, e2e: 2 } as const;

export const testLog: Log = (message) => process.stderr.write(`[test] ${message}\n`);

/** PostgreSQL, Redis, Chromium and poppler's PDF tools: found, installed (root on Debian) or started. */
export async function ensureTestServices(log: Log = testLog): Promise<TestServices> {
  const dataDir = path.join(REPO_ROOT, '.data');
  const postgres = await ensurePostgres({ url: process.env.DATABASE_ADMIN_URL, dataDir: path.join(dataDir, 'postgres'), log });
  try {
    const redis = await ensureRedis({ url: process.env.REDIS_URL, dataDir: path.join(dataDir, 'redis'), log });
    try {
      const chromiumPath = await ensureChromium({ log });
      const pdfBrowserPath = await ensurePdfBrowser({ log });
      await ensurePdfTools({ log });
      return {
        adminUrl: postgres.adminUrl,
        redisUrl: redis.url,
        chromiumPath,
        pdfBrowserPath,
        stop: async () => {
          await redis.stop();
          await postgres.stop();
        },
      };
    } catch (error) {
      await redis.stop();
      throw error;
    }
  } catch (error) {
    await postgres.stop();
    throw error;
  }
}

/** The same Redis server with another logical database selected. */
export function withRedisDatabase(url: string, db: number): string {
  const parsed = new URL(url);
  parsed.pathname = `/${db}`;
  return parsed.toString();
}
