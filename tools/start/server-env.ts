import path from 'node:path';
import { REPO_ROOT, WEB_DIST_DIR } from './paths';

export interface ServerEnvInput {
  appUrl: string;
  ownerUrl: string;
  redisUrl: string;
  chromiumPath: string;
  host: string;
  port: number;
  publicUrl: string;
  dataDir: string;
  jwtSecret: string;
  workerHealthPort: number;
  nodeEnv: string;
  webhookAllowLoopback: boolean;
  /** The development mailbox (DEV_MAILBOX): the product refuses to start with it in production. */
  devMailbox: boolean;
}

/** The environment the API, the worker and the CLI share (see the README's variables). */
export function serverEnv(input: ServerEnvInput): Record<string, string> {
  return {
    NODE_ENV: input.nodeEnv,
    HOST: input.host,
    PORT: String(input.port),
    PUBLIC_URL: input.publicUrl,
    DATABASE_URL: input.appUrl,
    DATABASE_MIGRATION_URL: input.ownerUrl,
    REDIS_URL: input.redisUrl,
    DATA_DIR: input.dataDir,
    WEB_DIST_DIR: path.join(REPO_ROOT, WEB_DIST_DIR),
    PUPPETEER_EXECUTABLE_PATH: input.chromiumPath,
    JWT_SECRET: input.jwtSecret,
    WEBHOOK_ALLOW_LOOPBACK: String(input.webhookAllowLoopback),
    DEV_MAILBOX: String(input.devMailbox),
    WORKER_HEALTH_PORT: String(input.workerHealthPort),
  };
}

/** The URL a browser on this machine uses for host:port (0.0.0.0 and :: are not browsable). */
export function browsableUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}
