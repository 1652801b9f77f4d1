import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeExit, startServerProcess } from './server-process';

const ENTRY = 'tools/start/fixtures/fake-server.js';

describe('startServerProcess', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'poa-server-process-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('follows the output of a program that exits, keeps its tail and log file, and reports how it exited', async () => {
    const lines: string[] = [];
    const logFile = path.join(dir, 'logs', 'exit.log');
    const server = startServerProcess({
      name: 'fake',
      entry: ENTRY,
      env: { ...process.env, FAKE_MODE: 'exit' },
      logFile,
      onLine: (l) => lines.push(l),
    });
    const status = await server.exited;
    expect(describeExit(status)).toBe('exited with code 3');
    expect(server.isRunning()).toBe(false);
    expect(lines).toEqual(expect.arrayContaining(['a line on stderr', 'last words without a newline']));
    expect(server.tail()).toContain('fake exit started');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readFileSync(logFile, 'utf8')).toContain('last words without a newline');
  });

  it('stop() sends SIGTERM and waits for the program to exit', async () => {
    const lines: string[] = [];
    const server = startServerProcess({
      name: 'fake',
      entry: ENTRY,
      env: { ...process.env, FAKE_MODE: 'serve' },
      onLine: (l) => lines.push(l),
    });
    await waitFor(() => lines.some((l) => l.includes('fake serve started')));
    await server.stop();
    expect(describeExit(await server.exited)).toBe('exited with code 0');
    expect(lines).toContain('stopping on SIGTERM');
  });

  it('stop() kills a program that ignores SIGTERM once the grace period is over', async () => {
    const lines: string[] = [];
    const server = startServerProcess({
      name: 'fake',
      entry: ENTRY,
      env: { ...process.env, FAKE_MODE: 'stubborn' },
      onLine: (l) => lines.push(l),
    });
    await waitFor(() => lines.some((l) => l.includes('fake stubborn started')));
    await server.stop(300);
    expect(describeExit(await server.exited)).toBe('was killed by SIGKILL');
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
