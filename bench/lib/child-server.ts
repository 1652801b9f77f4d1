import { spawn, type ChildProcess } from 'node:child_process';
import { waitForHttp } from './http-get';

export interface ChildServer {
  baseUrl: string;
  pid: number;
  /** Last lines of its stderr/stdout, for error reports. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts a server process (its own process group), waits for healthPath to answer, and stops exactly that group. */
export async function startChildServer(opts: {
  name: string;
  command: string;
  args: string[];
  env: Record<string, string>;
  port: number;
  healthPath: string;
  cwd: string;
  startTimeoutMs?: number;
}): Promise<ChildServer> {
  const child: ChildProcess = spawn(opts.command, opts.args, {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const stop = async () => {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      if (!exited && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, 5000);
    await exitedPromise;
    clearTimeout(timer);
  };
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  try {
    await waitForHttp(baseUrl, opts.healthPath, opts.startTimeoutMs ?? 60_000, () => !exited);
  } catch (error) {
    await stop();
    throw new Error(`${opts.name} did not start: ${(error as Error).message}\n${tail}`);
  }
  return { baseUrl, pid: child.pid!, output: () => tail, stop };
}
