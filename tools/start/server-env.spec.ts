import path from 'node:path';
import { REPO_ROOT } from './paths';
import { browsableUrl, serverEnv } from './server-env';

describe('serverEnv', () => {
  it('maps the inputs onto the variables the API, worker and CLI read', () => {
    const env = serverEnv({
      appUrl: 'postgres://poa_app:poa_app@127.0.0.1:5432/poa_desk',
      ownerUrl: 'postgres://poa_owner:poa_owner@127.0.0.1:5432/poa_desk',
      redisUrl: 'redis://127.0.0.1:6379',
      chromiumPath: '/usr/bin/chromium',
      host: '127.0.0.1',
      port: 3000,
      publicUrl: 'http://127.0.0.1:3000',
      dataDir: '/data',
      jwtSecret: 's'.repeat(40),
      workerHealthPort: 3101,
      nodeEnv: 'development',
      webhookAllowLoopback: true,
      devMailbox: true,
    });
    expect(env).toEqual({
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: '3000',
      PUBLIC_URL: 'http://127.0.0.1:3000',
      DATABASE_URL: 'postgres://poa_app:poa_app@127.0.0.1:5432/poa_desk',
      DATABASE_MIGRATION_URL: 'postgres://poa_owner:poa_owner@127.0.0.1:5432/poa_desk',
      REDIS_URL: 'redis://127.0.0.1:6379',
      DATA_DIR: '/data',
      WEB_DIST_DIR: path.join(REPO_ROOT, 'dist/apps/web'),
      PUPPETEER_EXECUTABLE_PATH: '/usr/bin/chromium',
      JWT_SECRET: 's'.repeat(40),
      WEBHOOK_ALLOW_LOOPBACK: 'true',
      DEV_MAILBOX: 'true',
      WORKER_HEALTH_PORT: '3101',
    });
  });
});

describe('browsableUrl', () => {
  it('shows wildcard hosts as localhost and brackets IPv6 addresses', () => {
    expect(browsableUrl('0.0.0.0', 3000)).toBe('http://localhost:3000');
    expect(browsableUrl('::', 3000)).toBe('http://localhost:3000');
    expect(browsableUrl('::1', 8080)).toBe('http://[::1]:8080');
    expect(browsableUrl('127.0.0.1', 3000)).toBe('http://127.0.0.1:3000');
  });
});
