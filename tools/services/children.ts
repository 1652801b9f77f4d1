import type { ChildProcess } from 'node:child_process';

/**
 * Servers we start are plain children in our process group, so Ctrl-C reaches them too.
 * This also stops them when our process exits without calling stop(). Returns the un-register function.
 */
export function stopOnExit(child: ChildProcess, signal: NodeJS.Signals): () => void {
  const onExit = () => {
    if (isRunning(child)) child.kill(signal);
  };
  process.on('exit', onExit);
  return () => process.off('exit', onExit);
}

/** Sends `signal` and waits for the child to exit; SIGKILL when it takes longer than graceMs. */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  if (!isRunning(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}
