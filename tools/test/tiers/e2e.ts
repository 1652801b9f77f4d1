import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@poa/services';
import { buildProducts } from '../../start/commands';
import { REPO_ROOT, SERVER_ENTRIES } from '../../start/paths';
import { migrate, seed } from '../../start/product-cli';
import { startServerProcess } from '../../start/server-process';
import type { WorkerCommand } from '../../../tests/setup/e2e-env';
import { jestPatternArgs, type RunOptions } from '../args';
import type { Counts } from '../counts';
import { runJest } from '../run-jest';
import { createScratchDatabase } from '../../../tests/setup/scratch-database';
import type { Teardown } from '../teardown';
import { deleteRedisKeys, testProductEnv, waitForApiReady, waitForWorkerReady } from '../test-product';
import { ensureTestServices, TEST_REDIS_DB, testLog, withRedisDatabase } from '../../../tests/setup/test-services';

export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'test-artifacts');
export const LOGS_DIR = path.join(ARTIFACTS_DIR, 'logs');
export const E2E_LOG_FILES = [path.join(LOGS_DIR, 'api.log'), path.join(LOGS_DIR, 'worker.log')];

/**
 * Build, then a seeded scratch database poa_e2e_<random>, the API and the worker on free ports (logs in
 * test-artifacts/logs/), then the e2e suites against them. Everything is stopped and dropped afterwards.
 */
export async function runE2eTier(teardown: Teardown, options: RunOptions): Promise<Counts> {
  if (options.skipBuild) testLog('e2e: --skip-build: using the existing dist/');
  else {
    testLog('e2e: building api, worker and web');
    await buildProducts();
  }
  const services = await ensureTestServices();
  teardown.add('stop the services', services.stop);
  const database = await createScratchDatabase(services.adminUrl, 'poa_e2e');
  teardown.add(`drop ${database.name}`, database.drop);
  const redisUrl = withRedisDatabase(services.redisUrl, TEST_REDIS_DB.e2e);
  // Jobs of this run live under their own key prefix: a second test run (or a developer's worker) on the same
  // Redis never takes them, and the teardown removes exactly these keys.
  const queuePrefix = `poa-e2e-${database.name}`;
  teardown.add('remove the e2e queue keys', () => deleteRedisKeys(redisUrl, `${queuePrefix}:*`));
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'poa-e2e-data-'));
  teardown.add('remove the e2e data dir', () => rmSync(dataDir, { recursive: true, force: true }));

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const productEnv = testProductEnv(
    {
      appUrl: database.appUrl,
      ownerUrl: database.ownerUrl,
      redisUrl,
      chromiumPath: services.chromiumPath,
      host: '127.0.0.1',
      port,
      publicUrl: baseUrl,
      dataDir,
      jwtSecret: randomBytes(32).toString('hex'),
      workerHealthPort: await freePort(),
      nodeEnv: 'test',
      webhookAllowLoopback: true,
      // The portal suite reads a contact's log-in e-mail there, as the agency's owner.
      devMailbox: true,
    },
    { queuePrefix, pdfBrowserPath: services.pdfBrowserPath },
  );
  const env = { ...process.env, ...productEnv };
  testLog(`e2e: scratch database ${database.name}: migrating and seeding`);
  await migrate(env);
  const logins = await seed(env);

  mkdirSync(LOGS_DIR, { recursive: true });
  const logFiles = E2E_LOG_FILES;
  for (const file of logFiles) rmSync(file, { force: true });
  const api = startServerProcess({ name: 'api', entry: SERVER_ENTRIES.api, env, logFile: logFiles[0] });
  teardown.add('stop the api', () => api.stop());
  const worker = startServerProcess({ name: 'worker', entry: SERVER_ENTRIES.worker, env, logFile: logFiles[1] });
  teardown.add('stop the worker', () => worker.stop());

  await waitForApiReady(baseUrl, [api, worker]);
  await waitForWorkerReady(productEnv.WORKER_HEALTH_PORT, [api, worker]);
  testLog(`e2e: api on ${baseUrl} (pid ${api.pid}), worker pid ${worker.pid}`);

  const workerCommand: WorkerCommand = { command: process.execPath, args: worker.args, cwd: REPO_ROOT, env: productEnv };
  return runJest(
    'jest.e2e.config.js',
    {
      ...process.env,
      E2E_BASE_URL: baseUrl,
      E2E_API_PID: String(api.pid),
      E2E_WORKER_PID: String(worker.pid),
      E2E_WORKER_CMD: JSON.stringify(workerCommand),
      E2E_DEMO_LOGINS: JSON.stringify(logins),
      E2E_ARTIFACTS_DIR: ARTIFACTS_DIR,
      TEST_DATABASE_URL: database.appUrl,
      TEST_DATABASE_MIGRATION_URL: database.ownerUrl,
      DATABASE_ADMIN_URL: services.adminUrl,
      TEST_REDIS_URL: redisUrl,
      PUPPETEER_EXECUTABLE_PATH: services.chromiumPath,
    },
    jestPatternArgs(options),
  );
}
