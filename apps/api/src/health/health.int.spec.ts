import { ensureRedis, freePort } from '@poa/services';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApi, type TestApi } from '../../test/harness';

async function waitForStatus(api: TestApi, status: number, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await api.http.get('/health/ready');
    if (res.status === status || Date.now() > deadline) return res;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('health', () => {
  it('turns ready into a 503 naming Redis while it is down, and back to 200 without a restart', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'poa-health-'));
    let redis = await ensureRedis({ port, dataDir, log: () => undefined });
    const api = await startTestApi({ REDIS_URL: redis.url });
    try {
      expect((await api.http.get('/health/live')).status).toBe(200);
      const up = await waitForStatus(api, 200);
      expect(up.body).toMatchObject({ status: 'ok', down: [] });

      await redis.stop();
      const down = await waitForStatus(api, 503);
      expect(down.status).toBe(503);
      expect(down.body.down).toEqual(['redis']);
      expect(down.body.checks.postgres.status).toBe('up');

      redis = await ensureRedis({ port, dataDir, log: () => undefined });
      const back = await waitForStatus(api, 200);
      expect(back.status).toBe(200);
    } finally {
      await api.close();
      await redis.stop();
    }
  }, 60_000);
});
