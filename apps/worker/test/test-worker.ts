import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@poa/config';
import { createDataSource, TenantDb } from '@poa/db';
import { ensureRedis, freePort } from '@poa/services';
import { integrationEnv } from '@poa/test-setup';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkerModule } from '../src/worker.module';

export interface TestWorker {
  worker: INestApplicationContext;
  /** The app role's TenantDb, for seeding and reading what the worker wrote. */
  db: TenantDb;
  redisUrl: string;
  dataDir: string;
  /** Stops and starts this worker's own Redis on the same port (outage tests). */
  stopRedis(): Promise<void>;
  startRedis(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real worker in-process, on the integration tier's database and a Redis of its own (so no other test's worker
 * takes its jobs, and a test may stop that Redis). `env` overrides the worker's configuration.
 */
export async function startTestWorker(env: Record<string, string> = {}): Promise<TestWorker> {
  const services = await integrationEnv();
  const dataDir = mkdtempSync(join(tmpdir(), 'poa-worker-'));
  const port = await freePort();
  let redis = await ensureRedis({ port, dataDir, log: () => undefined });
  const dataSource = await createDataSource({ url: services.appUrl, poolSize: 4 }).initialize();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: services.appUrl,
    REDIS_URL: redis.url,
    DATA_DIR: dataDir,
    WORKER_HEALTH_PORT: '0',
    OUTBOX_POLL_MS: '100',
    ...env,
  });
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, services.chromiumPath), { logger: false, abortOnError: false });
  await worker.init();
  return {
    worker,
    db: new TenantDb(dataSource),
    redisUrl: redis.url,
    dataDir,
    stopRedis: () => redis.stop(),
    startRedis: async () => {
      redis = await ensureRedis({ port, dataDir, log: () => undefined });
    },
    close: async () => {
      await worker.close();
      await dataSource.destroy();
      await redis.stop();
    },
  };
}
