/** e2e tests: what `bash scripts/test` (tier e2e) passes about the running product. */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import path from 'node:path';

/** What a test needs to restart the worker: spawn(command, args, { cwd, env: { ...process.env, ...env } }). */
export interface WorkerCommand {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
}

export interface DemoLogin {
  email: string;
  password: string;
  role: string;
}

export interface E2eEnv {
  baseUrl: string;
  apiPid: number;
  workerPid: number;
  workerCommand: WorkerCommand;
  demoLogins: DemoLogin[];
  /** The app role on the e2e database. */
  databaseUrl: string;
  adminUrl: string;
  redisUrl: string;
  chromiumPath: string;
  /** test-artifacts/: screenshots and the like go here. */
  artifactsDir: string;
}

export function e2eEnv(env: NodeJS.ProcessEnv = process.env): E2eEnv {
  const need = (name: string): string => {
    const value = env[name];
    if (!value) throw new Error(`${name} is not set: run the e2e tests with \`bash scripts/test --tier e2e\``);
    return value;
  };
  return {
    baseUrl: need('E2E_BASE_URL'),
    apiPid: Number(need('E2E_API_PID')),
    workerPid: Number(need('E2E_WORKER_PID')),
    workerCommand: JSON.parse(need('E2E_WORKER_CMD')) as WorkerCommand,
    demoLogins: JSON.parse(env.E2E_DEMO_LOGINS ?? '[]') as DemoLogin[],
    databaseUrl: need('TEST_DATABASE_URL'),
    adminUrl: need('DATABASE_ADMIN_URL'),
    redisUrl: need('TEST_REDIS_URL'),
    chromiumPath: need('PUPPETEER_EXECUTABLE_PATH'),
    artifactsDir: need('E2E_ARTIFACTS_DIR'),
  };
}

/**
 * Starts another worker like the one scripts/test started (e.g. after a crash test killed it); its output is
 * appended to test-artifacts/logs/worker.log. The caller stops it (child.kill()) before the suite ends.
 */
export function startWorker(command: WorkerCommand, artifactsDir: string): ChildProcess {
  const log = openSync(path.join(artifactsDir, 'logs', 'worker.log'), 'a');
  try {
    return spawn(command.command, command.args, { cwd: command.cwd, env: { ...process.env, ...command.env }, stdio: ['ignore', log, log] });
  } finally {
    closeSync(log);
  }
}
