import { readFileSync } from 'node:fs';

/** Linux clock ticks per second for /proc/<pid>/stat (USER_HZ is 100 on every mainstream kernel build). */
const CLOCK_TICKS = 100;

/**
 * CPU time (user + system, ms) a process has used so far, from /proc. Per request it is a figure the machine's
 * other load barely moves, unlike req/s on a shared 2-core box. NaN where /proc is unavailable.
 */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return ((utime + stime) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}
