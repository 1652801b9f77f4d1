import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { aptInstall, canAptInstall } from './apt';
import { stopChild, stopOnExit } from './children';
import { defaultLog, type Log } from './log';
import { isPortOpen } from './ports';
import { sleep, which } from './system';

export interface EnsureRedisOptions {
  /** The user's REDIS_URL: used as is when given. */
  url?: string;
  port?: number;
  /** Working directory of a server we start (it persists nothing). */
  dataDir?: string;
  log?: Log;
}

export interface RedisHandle {
  url: string;
  started: boolean;
  stop(): Promise<void>;
}

const EXTRA_DIRS = ['/usr/bin', '/usr/sbin', '/usr/local/bin', '/opt/homebrew/bin'];
const READY_TIMEOUT_MS = 15_000;
const noop = async () => undefined;

/** A Redis URL that answers PING: the given one, one already running on 127.0.0.1:port, or one we start. */
export async function ensureRedis(options: EnsureRedisOptions = {}): Promise<RedisHandle> {
  const log = options.log ?? defaultLog;
  if (options.url) {
    try {
      await ping(options.url);
    } catch (error) {
      throw new Error(`REDIS_URL does not answer PING (${options.url}): ${(error as Error).message}`);
    }
    log(`Redis: using REDIS_URL (${options.url})`);
    return { url: options.url, started: false, stop: noop };
  }

  const port = options.port ?? 6379;
  const url = `redis://127.0.0.1:${port}`;
  if (await isPortOpen('127.0.0.1', port)) {
    try {
      await ping(url);
    } catch (error) {
      throw new Error(
        `Redis: something answers on 127.0.0.1:${port} but not to PING (${(error as Error).message}): stop it or set REDIS_URL`,
      );
    }
    log(`Redis: found a server on 127.0.0.1:${port}`);
    return { url, started: false, stop: noop };
  }

  const binary = await findOrInstallRedisServer(port, log);
  const workDir = path.resolve(options.dataDir ?? process.cwd());
  mkdirSync(workDir, { recursive: true });
  log(`Redis: nothing answers on 127.0.0.1:${port}, starting ${binary} (no persistence, working dir ${workDir})`);
  const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', workDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collectTail(child);
  const releaseExitHook = stopOnExit(child, 'SIGTERM');
  try {
    await waitForPing(child, url, output);
  } catch (error) {
    child.kill('SIGKILL');
    releaseExitHook();
    throw error;
  }
  log(`Redis: ready on ${url}`);
  return {
    url,
    started: true,
    stop: async () => {
      releaseExitHook();
      await stopChild(child, 'SIGTERM', 10_000);
      log(`Redis: stopped the server on ${url}`);
    },
  };
}

async function findOrInstallRedisServer(port: number, log: Log): Promise<string> {
  const found = which('redis-server', EXTRA_DIRS);
  if (found) return found;
  if (canAptInstall()) {
    await aptInstall(['redis-server'], `Redis: nothing answers on 127.0.0.1:${port} and redis-server is not installed`, log);
    const installed = which('redis-server', EXTRA_DIRS);
    if (installed) return installed;
  }
  throw new Error(
    'Redis is not running and redis-server is not installed: install it (apt-get install redis-server / brew install redis) or set REDIS_URL',
  );
}

async function ping(url: string): Promise<void> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const answer = await client.ping();
    if (answer !== 'PONG') throw new Error(`PING answered ${answer}`);
  } finally {
    client.disconnect();
  }
}

async function waitForPing(child: ChildProcess, url: string, output: () => string): Promise<void> {
  let exited = child.exitCode !== null;
  child.once('exit', () => (exited = true));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError = '';
  while (Date.now() < deadline) {
    if (exited) throw new Error(`redis-server exited while starting:\n${output()}`);
    try {
      await ping(url);
      return;
    } catch (error) {
      lastError = (error as Error).message;
    }
    await sleep(50);
  }
  throw new Error(`redis-server did not answer PING within ${READY_TIMEOUT_MS / 1000} s (${lastError}):\n${output()}`);
}

/** Keeps the last lines the server printed (and drains its pipes so it never blocks on them). */
function collectTail(child: ChildProcess, maxLines = 20): () => string {
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').trimEnd().split('\n'));
    lines.splice(0, Math.max(0, lines.length - maxLines));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => lines.join('\n');
}
