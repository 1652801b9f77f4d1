import { spawn, type ChildProcess } from 'node:child_process';
import { REPO_ROOT } from './paths';

export interface CommandOptions {
  env?: NodeJS.ProcessEnv;
  /** Capture stdout (still echoing nothing) instead of showing it. stderr always reaches the terminal. */
  captureStdout?: boolean;
}

/** Environment for Nx: no daemon, no cloud, no interactive UI. */
export const NX_ENV = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' } as const;

export const BUILD_COMMAND = ['nx', 'run-many', '-t', 'build', '--projects=api,worker,web', '--outputStyle=static'];

const running = new Set<ChildProcess>();

/** Stops the commands still running (e.g. a build interrupted by Ctrl-C). */
export function killRunningCommands(signal: NodeJS.Signals = 'SIGTERM'): void {
  for (const child of running) child.kill(signal);
}

/** Runs a command in the repository root; resolves with its stdout when captured, rejects on a non-zero exit. */
export function runCommand(command: string, args: string[], options: CommandOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: REPO_ROOT,
      env: options.env ?? process.env,
      stdio: ['ignore', options.captureStdout ? 'pipe' : 'inherit', 'inherit'],
    });
    running.add(child);
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.once('error', (error) => {
      running.delete(child);
      reject(new Error(`${command} could not be run: ${error.message}`));
    });
    child.once('close', (code, signal) => {
      running.delete(child);
      if (code === 0) resolve(stdout);
      else
        reject(
          new Error(`\`${[command, ...args].join(' ')}\` failed (${signal ?? `exit code ${code}`})${stdout ? `:\n${stdout.trim()}` : ''}`),
        );
    });
  });
}

/** Builds the API, the worker and the web app with Nx (dist/server, dist/apps/web). */
export async function buildProducts(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  await runCommand('npx', BUILD_COMMAND, { env: { ...env, ...NX_ENV } });
}

/** Runs a command with the terminal attached and resolves with its exit code (null when killed by a signal). */
export function runForExitCode(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
    running.add(child);
    child.once('error', (error) => {
      running.delete(child);
      process.stderr.write(`${command} could not be run: ${error.message}\n`);
      resolve(127);
    });
    child.once('close', (code) => {
      running.delete(child);
      resolve(code);
    });
  });
}
