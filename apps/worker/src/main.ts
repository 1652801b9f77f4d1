import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit } from '@poa/config';
import { QUEUES } from '@poa/jobs';
import { startTracing } from '@poa/telemetry';
import { existsSync } from 'node:fs';
import { WorkerJsonLogger } from './observability/json-logger';
import { WorkerModule } from './worker.module';

// The headless shell's binary first: Debian's /usr/bin wrapper runs it without exec (so its pid is not the browser's).
const CHROMIUM_CANDIDATES = [
  '/usr/lib/chromium/chromium-headless-shell',
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
];

/** The worker is its own process: a Nest application context, no HTTP API (only a private health port). */
async function main() {
  const config = loadConfigOrExit();
  const unknownQueues = (config.WORKER_QUEUES ?? []).filter((q) => !(Object.values(QUEUES) as string[]).includes(q));
  if (unknownQueues.length) {
    process.stderr.write(`WORKER_QUEUES: unknown queue ${unknownQueues.join(', ')} (known: ${Object.values(QUEUES).join(', ')})\n`);
    process.exit(1);
  }
  startTracing('poa-desk-worker');
  const headlessShell = CHROMIUM_CANDIDATES.slice(0, 2).find((p) => existsSync(p));
  const executablePath =
    config.PDF_BROWSER_PATH ?? headlessShell ?? config.PUPPETEER_EXECUTABLE_PATH ?? CHROMIUM_CANDIDATES.find((p) => existsSync(p));
  if (!executablePath || !existsSync(executablePath)) {
    process.stderr.write('No Chromium found: set PDF_BROWSER_PATH or install it (apt-get install chromium-headless-shell).\n');
    process.exit(1);
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, executablePath), {
    abortOnError: false,
    logger: new WorkerJsonLogger(config.LOG_LEVEL),
  });
  // SIGTERM/SIGINT: stop relaying, let BullMQ finish the jobs in hand, close Chromium, then exit.
  app.enableShutdownHooks();
  process.stdout.write(`${JSON.stringify({ level: 30, msg: 'POA Desk worker started', concurrency: config.WORKER_CONCURRENCY })}\n`);
}

main().catch((error) => {
  process.stderr.write(`Worker failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
