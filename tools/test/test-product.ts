/**
 * Starting the built product (dist/) for tests: the environment every test deployment adds to the start command's,
 * waiting for its processes to be ready (or for one of them to die), and removing its Redis keys afterwards. Used by
 * the e2e tier (tiers/e2e.ts) and by the fault tests' own deployments (tests/e2e/faults/deployment.ts).
 */
import { Redis } from 'ioredis';
import { waitForHttpOk } from '../start/health';
import { serverEnv, type ServerEnvInput } from '../start/server-env';
import type { ServerProcess } from '../start/server-process';

export const READY_TIMEOUT_MS = 90_000;

/** The start command's environment plus what test deployments share: their own queue prefix, the PDF browser, no rate limits. */
export function testProductEnv(input: ServerEnvInput, extra: { queuePrefix: string; pdfBrowserPath: string }): Record<string, string> {
  return {
    ...serverEnv(input),
    // Jobs of this deployment live under their own key prefix: no other run (or a developer's worker) takes them.
    QUEUE_PREFIX: extra.queuePrefix,
    PDF_BROWSER_PATH: extra.pdfBrowserPath,
    // Suites poll for PDFs and deliveries; the per-principal limit itself is covered by the integration tier.
    RATE_LIMIT_PER_MINUTE: '100000',
    // Every suite signs up its own agencies from 127.0.0.1.
    SIGNUP_RATE_LIMIT_PER_IP: '100000',
  };
}

/** For waitForHttpOk's abortReason: the first of these processes that stopped, with its last lines. */
export function firstStopped(servers: ServerProcess[]): () => string | undefined {
  return () => {
    const stopped = servers.find((server) => !server.isRunning());
    return stopped ? `the ${stopped.name} stopped; its last lines:\n${stopped.tail()}\n` : undefined;
  };
}

/** Waits until the API answers /health/ready, or fails at once when one of `watch` stops. */
export function waitForApiReady(baseUrl: string, watch: ServerProcess[]): Promise<void> {
  return waitForHttpOk(`${baseUrl}/health/ready`, { timeoutMs: READY_TIMEOUT_MS, abortReason: firstStopped(watch) });
}

/** Waits until the worker answers on its health port, or fails at once when one of `watch` stops. */
export function waitForWorkerReady(healthPort: number | string, watch: ServerProcess[]): Promise<void> {
  return waitForHttpOk(`http://127.0.0.1:${healthPort}/health`, { timeoutMs: READY_TIMEOUT_MS, abortReason: firstStopped(watch) });
}

/** Removes the keys matching `pattern` (a deployment's queue prefix): jobs left by an interrupted run never reach the next. */
export async function deleteRedisKeys(url: string, pattern: string): Promise<void> {
  const client = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await client.connect();
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      if (keys.length) await client.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}
