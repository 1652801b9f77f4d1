import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { ensureRedis, freePort, isPortOpen } from './index';

async function pingOnce(url: string): Promise<string> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    return await client.ping();
  } finally {
    client.disconnect();
  }
}

describe('ensureRedis', () => {
  it('starts redis-server on a free port when nothing answers there, and stop() closes it', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'poa-services-redis-'));
    const lines: string[] = [];
    const redis = await ensureRedis({ port, dataDir, log: (line) => lines.push(line) });
    try {
      expect(redis.started).toBe(true);
      expect(redis.url).toBe(`redis://127.0.0.1:${port}`);
      expect(lines.join('\n')).toContain(`nothing answers on 127.0.0.1:${port}, starting`);
      expect(await pingOnce(redis.url)).toBe('PONG');
    } finally {
      await redis.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
    expect(await isPortOpen('127.0.0.1', port)).toBe(false);
  });

  it('uses the Redis already answering on 6379 without starting one', async () => {
    const redis = await ensureRedis({ log: () => undefined });
    expect(redis.started).toBe(false);
    expect(redis.url).toBe('redis://127.0.0.1:6379');
    await redis.stop();
    expect(await pingOnce(redis.url)).toBe('PONG');
  });

  it('names REDIS_URL when the given URL does not answer', async () => {
    const port = await freePort();
    await expect(ensureRedis({ url: `redis://127.0.0.1:${port}`, log: () => undefined })).rejects.toThrow(/REDIS_URL does not answer PING/);
  });
});
