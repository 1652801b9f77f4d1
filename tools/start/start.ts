/**
 * `bash scripts/start`: PostgreSQL, Redis and Chromium (found or started), build, migrate, seed, then the API and
 * the worker as children with prefixed output. Ctrl-C / SIGTERM stop the children, then the services we started.
 */
import path from 'node:path';
import { ensureChromium, ensurePdfBrowser, ensureRedis, freePort, isPortOpen } from '@poa/services';
import { renderBanner } from './banner';
import { buildProducts, killRunningCommands } from './commands';
import { prepareProductDatabase } from './database';
import { persistentSecret } from './dev-secret';
import { waitForHttpOk } from './health';
import { prefixedPrinter, say } from './output';
import { REPO_ROOT, SERVER_ENTRIES } from './paths';
import { migrate, seed } from './product-cli';
import { browsableUrl, serverEnv } from './server-env';
import { describeExit, startServerProcess, type ServerProcess } from './server-process';

const DATA_DIR = path.join(REPO_ROOT, '.data');
const READY_TIMEOUT_MS = 90_000;

const cleanups: Array<() => Promise<void>> = [];
const servers: ServerProcess[] = [];
let shuttingDown = false;

async function shutdown(exitCode: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    killRunningCommands();
    // Children first (they still need PostgreSQL and Redis to finish cleanly), then the services we started.
    await Promise.all(servers.map((server) => server.stop()));
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: Error) => say(`while stopping: ${error.message}`));
    say(exitCode === 0 ? 'stopped' : 'stopped after a failure');
  }
  process.exit(exitCode);
}

function onSignal(signal: NodeJS.Signals): void {
  if (shuttingDown) return;
  say(`${signal}: stopping everything we started...`);
  void shutdown(0);
}

async function main(): Promise<void> {
  const skipBuild = process.argv.includes('--skip-build');
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const host = process.env.HOST ?? '127.0.0.1';
  const port = Number(process.env.PORT ?? 3000);
  const probeHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  if (await isPortOpen(probeHost, port)) {
    throw new Error(`port ${port} on ${host} is already in use (is POA Desk already running?): stop that process or set PORT`);
  }

  const database = await prepareProductDatabase(DATA_DIR, say);
  cleanups.push(database.stop);
  const redis = await ensureRedis({ url: process.env.REDIS_URL, dataDir: path.join(DATA_DIR, 'redis'), log: say });
  cleanups.push(redis.stop);
  const chromiumPath = await ensureChromium({ log: say });
  const pdfBrowserPath = await ensurePdfBrowser({ log: say });

  if (skipBuild) say('--skip-build: using the existing dist/');
  else {
    say('building api, worker and web (nx)...');
    await buildProducts();
  }

  const publicUrl = process.env.PUBLIC_URL ?? browsableUrl(host, port);
  const nodeEnv = process.env.NODE_ENV ?? 'development';
  // On unless asked otherwise, except in production (where the API and worker would refuse to start with it).
  const devMailbox = (process.env.DEV_MAILBOX ?? String(nodeEnv !== 'production')) === 'true';
  const env = {
    ...process.env,
    ...serverEnv({
      appUrl: database.appUrl,
      ownerUrl: database.ownerUrl,
      redisUrl: redis.url,
      chromiumPath,
      host,
      port,
      publicUrl,
      dataDir: process.env.DATA_DIR ?? path.join(DATA_DIR, 'files'),
      jwtSecret: process.env.JWT_SECRET ?? persistentSecret(DATA_DIR, 'jwt-secret'),
      workerHealthPort: Number(process.env.WORKER_HEALTH_PORT ?? (await freePort())),
      nodeEnv,
      webhookAllowLoopback: (process.env.WEBHOOK_ALLOW_LOOPBACK ?? 'true') === 'true',
      devMailbox,
    }),
    PDF_BROWSER_PATH: pdfBrowserPath,
  };

  say('migrating...');
  await migrate(env);
  say('seeding demo data...');
  const logins = await seed(env);

  servers.push(startServerProcess({ name: 'api', entry: SERVER_ENTRIES.api, env, onLine: prefixedPrinter('api', 'cyan') }));
  servers.push(startServerProcess({ name: 'worker', entry: SERVER_ENTRIES.worker, env, onLine: prefixedPrinter('worker', 'magenta') }));
  for (const server of servers) void server.exited.then((status) => onChildExit(server, describeExit(status)));

  const localUrl = browsableUrl(probeHost, port);
  await waitForHttpOk(`${localUrl}/health/ready`, {
    timeoutMs: READY_TIMEOUT_MS,
    abortReason: () => servers.find((server) => !server.isRunning())?.name.concat(' stopped'),
  });
  process.stdout.write(`\n${renderBanner({ url: publicUrl, logins, dataDir: DATA_DIR, devMailbox })}\n\n`);
}

function onChildExit(server: ServerProcess, how: string): void {
  if (shuttingDown) return;
  process.stderr.write(`\nstart  | the ${server.name} ${how}. Its last lines:\n${server.tail()}\n\nstart  | stopping everything.\n`);
  void shutdown(1);
}

main().catch((error: Error) => {
  if (shuttingDown) return;
  process.stderr.write(`\nstart  | failed: ${error.message}\n`);
  void shutdown(1);
});
