import { existsSync } from 'node:fs';
import type { Log } from './log';
import { isRoot, runInherited, which } from './system';

let aptUpdate: Promise<void> | undefined;

/** True when we may install Debian/Ubuntu packages ourselves: root with apt-get. */
export function canAptInstall(): boolean {
  return process.platform === 'linux' && isRoot() && which('apt-get') !== undefined && existsSync('/etc/debian_version');
}

/** apt-get update (once per process) then apt-get install -y; output goes to the terminal. */
export async function aptInstall(packages: string[], reason: string, log: Log): Promise<void> {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdate) {
    log(`${reason}: running apt-get update`);
    aptUpdate = runInherited('apt-get', ['update'], env);
  }
  await aptUpdate;
  log(`${reason}: running apt-get install -y ${packages.join(' ')}`);
  await runInherited('apt-get', ['install', '-y', ...packages], env);
}
