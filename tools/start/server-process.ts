import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { lineSplitter } from './line-splitter';
import { nodeArgs, REPO_ROOT } from './paths';

export interface ServerProcessOptions {
  /** Short name used as the output prefix (api, worker). */
  name: string;
  /** Compiled entry file relative to the repository root. */
  entry: string;
  env: NodeJS.ProcessEnv;
  /** Raw output is appended here when given. */
  logFile?: string;
  /** Receives every output line (e.g. to print it with a prefix). */
  onLine?: (line: string) => void;
  tailLines?: number;
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  name: string;
  pid: number;
  child: ChildProcess;
  /** The command that started it: process.execPath with these arguments, in the repository root. */
  args: string[];
  exited: Promise<ExitStatus>;
  isRunning(): boolean;
  /** Its last output lines. */
  tail(): string;
  /** SIGTERM, then SIGKILL after graceMs; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts a compiled server program (`node -r register-paths <entry>`) as our child and follows its output. */
export function startServerProcess(options: ServerProcessOptions): ServerProcess {
  const args = nodeArgs(options.entry);
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`${options.name}: could not start ${process.execPath} ${args.join(' ')}`);

  const maxLines = options.tailLines ?? 40;
  const lines: string[] = [];
  const log = openLog(options.logFile);
  const keep = (line: string) => {
    lines.push(line);
    if (lines.length > maxLines) lines.shift();
    log?.write(`${line}\n`);
    options.onLine?.(line);
  };
  const stdout = lineSplitter(keep);
  const stderr = lineSplitter(keep);
  child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));

  let running = true;
  const exited = new Promise<ExitStatus>((resolve) => {
    child.once('close', (code, signal) => {
      running = false;
      stdout.flush();
      stderr.flush();
      log?.end();
      resolve({ code, signal });
    });
  });

  return {
    name: options.name,
    pid: child.pid,
    child,
    args,
    exited,
    isRunning: () => running,
    tail: () => lines.join('\n'),
    stop: async (graceMs = 10_000) => {
      if (!running) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

function openLog(file: string | undefined): WriteStream | undefined {
  if (!file) return undefined;
  mkdirSync(path.dirname(file), { recursive: true });
  return createWriteStream(file, { flags: 'a' });
}

export function describeExit(status: ExitStatus): string {
  return status.signal ? `was killed by ${status.signal}` : `exited with code ${status.code}`;
}
