import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@poa/config';
import { createDataSource, runMigrations, TenantDb } from '@poa/db';
import { ensureRedis, freePort } from '@poa/services';
import type { QueueName } from '@poa/jobs';
import { createScratchDatabase, integrationEnv } from '@poa/test-setup';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutboxSweeper } from '../src/outbox/outbox-sweeper';
import { WorkerModule } from '../src/worker.module';

export interface TestWorker {
  worker: INestApplicationContext;
  /** The app role's TenantDb, for seeding and reading what the worker wrote. */
  db: TenantDb;
  /** The app role's URL of the worker's database (an API on the same data uses it). */
  appUrl: string;
  redisUrl: string;
  dataDir: string;
  /** The worker's outbox sweep; its timer is off in tests (see below): a test calls sweepOnce() itself. */
  sweeper: OutboxSweeper;
  /** A BullMQ queue on this worker's Redis and prefix, to look at or tamper with its jobs (closed by close()). */
  queue(name: QueueName): Queue;
  /** Stops and starts this worker's own Redis on the same port (outage tests). */
  stopRedis(): Promise<void>;
  startRedis(): Promise<void>;
  /** Closes the worker's Nest context and starts a new one on the same database and Redis (a worker restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real worker in-process, on the integration tier's database and a Redis of its own (so no other test's worker
 * takes its jobs, and a test may stop that Redis). `env` overrides the worker's configuration.
 *
 * `privateDatabase`: a migrated database of its own, for tests that stop or wipe their Redis or re-queue outbox rows.
 * On the shared database every test worker's relay takes any test's outbox rows, so such a test would lose another
 * test's jobs with its Redis, or see its own re-queued row relayed into another worker's Redis.
 */
export async function startTestWorker(env: Record<string, string> = {}, opts: { privateDatabase?: boolean } = {}): Promise<TestWorker> {
  const services = await integrationEnv();
  const privateDb = opts.privateDatabase ? await createScratchDatabase(services.adminUrl, 'poa_it_worker') : null;
  if (privateDb) await runMigrations(privateDb.ownerUrl);
  const appUrl = privateDb?.appUrl ?? services.appUrl;
  const dataDir = mkdtempSync(join(tmpdir(), 'poa-worker-'));
  const port = await freePort();
  let redis = await ensureRedis({ port, dataDir, log: () => undefined });
  const dataSource = await createDataSource({ url: appUrl, poolSize: 4 }).initialize();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: appUrl,
    REDIS_URL: redis.url,
    DATA_DIR: dataDir,
    WORKER_HEALTH_PORT: '0',
    OUTBOX_POLL_MS: '100',
    // Test workers share the tier's database, each with a Redis of its own: a sweep on a timer would take another
    // test's live jobs for lost ones. Sweep tests call sweepOnce() after isolateSweep() (fixtures).
    OUTBOX_SWEEP_MS: String(24 * 3600_000),
    ...env,
  });
  const startWorker = async () => {
    const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, services.chromiumPath), {
      logger: false,
      abortOnError: false,
    });
    await context.init();
    return context;
  };
  let worker = await startWorker();
  const queues = new Map<QueueName, { queue: Queue; connection: Redis }>();
  const closeQueues = async () => {
    for (const { queue, connection } of queues.values()) {
      await queue.close();
      connection.disconnect();
    }
    queues.clear();
  };
  return {
    get worker() {
      return worker;
    },
    db: new TenantDb(dataSource),
    appUrl,
    redisUrl: redis.url,
    dataDir,
    get sweeper() {
      return worker.get(OutboxSweeper);
    },
    queue: (name) => {
      let entry = queues.get(name);
      if (!entry) {
        const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
        entry = { queue: new Queue(name, { connection, prefix: config.QUEUE_PREFIX }), connection };
        queues.set(name, entry);
      }
      return entry.queue;
    },
    stopRedis: async () => {
      await closeQueues();
      await redis.stop();
    },
    startRedis: async () => {
      redis = await ensureRedis({ port, dataDir, log: () => undefined });
    },
    restart: async () => {
      await worker.close();
      worker = await startWorker();
    },
    close: async () => {
      await closeQueues();
      await worker.close();
      await dataSource.destroy();
      await redis.stop();
      await privateDb?.drop();
    },
  };
}
