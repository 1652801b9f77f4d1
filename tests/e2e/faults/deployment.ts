/**
 * A deployment of its own for a fault test: N API and M worker processes of the built product (dist/) on one
 * database and one Redis key prefix, with their own data folder, so a test may kill, starve or restart anything
 * without touching the e2e tier's API and worker. Logs go to test-artifacts/logs/<name>-<process>.log.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from '@poa/services';
import { createScratchDatabase, e2eEnv, type ScratchDatabase } from '@poa/test-setup';
import { SERVER_ENTRIES } from '../../../tools/start/paths';
import { migrate } from '../../../tools/start/product-cli';
import { startServerProcess, type ServerProcess } from '../../../tools/start/server-process';
import { deleteRedisKeys, testProductEnv, waitForApiReady, waitForWorkerReady } from '../../../tools/test/test-product';

export interface DeploymentOptions {
  /** Short name for logs and keys. */
  name: string;
  apis: number;
  workers: number;
  /** A database already bootstrapped (and migrated when `migrated`); default: a new scratch database on the tier's server. */
  database?: Pick<ScratchDatabase, 'appUrl' | 'ownerUrl'> & { migrated?: boolean };
  /** Extra environment for every process (e.g. PDF_RENDER_TIMEOUT_MS). */
  env?: Record<string, string>;
  /** Use this folder as DATA_DIR instead of a new temporary one (removed afterwards only when we made it). */
  dataDir?: string;
}

export interface Deployment {
  apiUrls: string[];
  apis: ServerProcess[];
  workers: ServerProcess[];
  dataDir: string;
  appUrl: string;
  /** The environment the processes got. */
  env: Record<string, string>;
  /** Starts one more worker (or a replacement) with the same environment. */
  startWorker(): Promise<ServerProcess>;
  /** Runs SQL as the app role with the tenant bound, as the product does. */
  asTenant<T>(tenantId: string, text: string, params?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

export async function startDeployment(options: DeploymentOptions): Promise<Deployment> {
  const tier = e2eEnv();
  const cleanups: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
  };
  try {
    let database = options.database;
    if (!database) {
      const scratch = await createScratchDatabase(tier.adminUrl, `poa_fault`);
      cleanups.push(scratch.drop);
      database = scratch;
    }
    const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), `poa-${options.name}-`));
    if (!options.dataDir) cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const queuePrefix = `poa-fault-${options.name}-${randomBytes(4).toString('hex')}`;
    cleanups.push(() => deleteRedisKeys(tier.redisUrl, `${queuePrefix}:*`));

    const env = (port: number): Record<string, string> => ({
      ...testProductEnv(
        {
          appUrl: database.appUrl,
          ownerUrl: database.ownerUrl,
          redisUrl: tier.redisUrl,
          chromiumPath: tier.chromiumPath,
          host: '127.0.0.1',
          port,
          publicUrl: `http://127.0.0.1:${port}`,
          dataDir,
          jwtSecret: JWT_SECRET,
          workerHealthPort: 0,
          nodeEnv: 'test',
          webhookAllowLoopback: true,
          devMailbox: false,
        },
        {
          queuePrefix,
          pdfBrowserPath: process.env.PDF_BROWSER_PATH ?? tier.workerCommand.env.PDF_BROWSER_PATH ?? tier.chromiumPath,
        },
      ),
      LOG_LEVEL: 'warn',
      ...options.env,
    });
    const baseEnv = env(0);
    if (!database.migrated) await migrate({ ...process.env, ...baseEnv });

    const logFile = (process: string) => path.join(tier.artifactsDir, 'logs', `${options.name}-${process}.log`);
    const spawnProcess = (name: string, entry: string, processEnv: Record<string, string>) => {
      const server = startServerProcess({ name, entry, env: { ...process.env, ...processEnv }, logFile: logFile(name) });
      cleanups.push(() => server.stop(5_000));
      return server;
    };

    const apis: ServerProcess[] = [];
    const apiUrls: string[] = [];
    for (let i = 0; i < options.apis; i++) {
      const port = await freePort();
      apis.push(spawnProcess(`api${i + 1}`, SERVER_ENTRIES.api, env(port)));
      apiUrls.push(`http://127.0.0.1:${port}`);
    }
    const workers: ServerProcess[] = [];
    let workerCount = 0;
    const startWorker = async () => {
      const healthPort = await freePort();
      const worker = spawnProcess(`worker${++workerCount}`, SERVER_ENTRIES.worker, { ...baseEnv, WORKER_HEALTH_PORT: String(healthPort) });
      await waitForWorkerReady(healthPort, [worker]);
      return worker;
    };
    workers.push(...(await Promise.all(Array.from({ length: options.workers }, startWorker))));
    for (const url of apiUrls) await waitForApiReady(url, apis);

    return {
      apiUrls,
      apis,
      workers,
      dataDir,
      appUrl: database.appUrl,
      env: baseEnv,
      startWorker,
      asTenant: (tenantId, text, params = []) => queryAsTenant(database.appUrl, tenantId, text, params),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

const JWT_SECRET = randomBytes(32).toString('hex');

export async function queryAsTenant<T>(url: string, tenantId: string, text: string, params: unknown[]): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    const result = await client.query(text, params);
    await client.query('COMMIT');
    return result.rows as T[];
  } finally {
    await client.end();
  }
}

/** Polls until check() is truthy; throws naming `what` after timeoutMs. */
export async function waitFor<T>(check: () => Promise<T>, timeoutMs: number, what: string, intervalMs = 250): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
