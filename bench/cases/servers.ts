import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@poa/services';
import { startChildServer, type ChildServer } from '../lib/child-server';

export interface ServerEnv {
  appUrl: string;
  /** The scratch database as the superuser: the raw baseline's connection (RLS does not apply to it). */
  adminDbUrl: string;
  ownerUrl: string;
  redisUrl: string;
  jwtSecret: string;
  poolSize: number;
}

/** Compiles the API as production does; tsc still emits when another engineer's file has a type error, so report and go on. */
export function buildApi(repoRoot: string, log: (m: string) => void): { ok: boolean; seconds: number; errors?: string } {
  const started = performance.now();
  try {
    execFileSync('npx', ['tsc', '-p', 'apps/api/tsconfig.app.json'], { cwd: repoRoot, stdio: 'pipe' });
    return { ok: true, seconds: Math.round((performance.now() - started) / 1000) };
  } catch (error) {
    const output = String((error as { stdout?: Buffer }).stdout ?? '').slice(0, 2000);
    if (!existsSync(path.join(repoRoot, 'dist/server/apps/api/src/main.js'))) throw new Error(`API build failed:\n${output}`);
    log(`warning: tsc reported errors, measuring what it emitted:\n${output}`);
    return { ok: false, seconds: Math.round((performance.now() - started) / 1000), errors: output };
  }
}

/** The real API, compiled, in production mode, as the app role. */
export async function startApi(repoRoot: string, env: ServerEnv, profileFile?: string): Promise<ChildServer> {
  const port = await freePort();
  const profiler = profileFile ? ['-r', path.join(__dirname, '../lib/cpu-profile.cjs')] : [];
  return startChildServer({
    name: 'API',
    command: process.execPath,
    args: [...profiler, '-r', './tools/runtime/register-paths.cjs', 'dist/server/apps/api/src/main.js'],
    cwd: repoRoot,
    port,
    healthPath: '/health/live',
    env: {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
      DATABASE_URL: env.appUrl,
      DATABASE_MIGRATION_URL: env.ownerUrl,
      DATABASE_POOL_SIZE: String(env.poolSize),
      REDIS_URL: env.redisUrl,
      JWT_SECRET: env.jwtSecret,
      LOGIN_RATE_LIMIT_PER_IP: '1000000',
      SIGNUP_RATE_LIMIT_PER_IP: '1000000',
      LOGIN_RATE_LIMIT_PER_EMAIL: '1000000',
      // Counted on every request as in production, never reached: the big-tenant search sends everything as one user.
      RATE_LIMIT_PER_MINUTE: '100000000',
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'poa-bench-api-')),
      WEB_DIST_DIR: path.join(os.tmpdir(), 'poa-bench-no-web'),
      ...(profileFile ? { CPU_PROFILE_FILE: profileFile } : {}),
    },
  });
}

/** bench/cases/baseline-server.ts: node:http + pg, the same SQL; `raw`: without RLS, explicit tenant predicates. */
export async function startBaseline(repoRoot: string, env: ServerEnv, mode: 'rls' | 'raw' = 'rls'): Promise<ChildServer> {
  const port = await freePort();
  return startChildServer({
    name: `baseline (${mode})`,
    command: process.execPath,
    args: ['--import', 'tsx', 'bench/cases/baseline-server.ts'],
    cwd: repoRoot,
    port,
    healthPath: '/health',
    env: {
      PORT: String(port),
      DATABASE_URL: mode === 'raw' ? env.adminDbUrl : env.appUrl,
      BASELINE_MODE: mode,
      JWT_SECRET: env.jwtSecret,
      DATABASE_POOL_SIZE: String(env.poolSize),
      NODE_ENV: 'production',
    },
  });
}
