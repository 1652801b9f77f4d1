const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type DeadlineState = 'overdue' | 'urgent' | 'soon' | 'ok';

/** Overdue once past; "urgent" (red) within 24 hours; "soon" (amber) within 72 hours. */
export function deadlineState(dueAt: string | Date, now: Date = new Date()): DeadlineState {
  const left = new Date(dueAt).getTime() - now.getTime();
  if (left < 0) return 'overdue';
  if (left <= DAY) return 'urgent';
  return left <= 3 * DAY ? 'soon' : 'ok';
}

/** "2d 4h", "3h 12m", "45m 10s"; the sign is left to the caller. */
export function formatDuration(ms: number, { seconds = false } = {}): string {
  const abs = Math.abs(ms);
  const d = Math.floor(abs / DAY);
  const h = Math.floor((abs % DAY) / HOUR);
  const m = Math.floor((abs % HOUR) / MINUTE);
  const s = Math.floor((abs % MINUTE) / 1000);
  if (d > 0) return `${d}d ${h}h${seconds ? ` ${m}m` : ''}`;
  if (h > 0) return `${h}h ${m}m`;
  return seconds ? `${m}m ${s}s` : `${m}m`;
}

/** What a deadline badge says: "Overdue 3h 5m", "Due in 5h 2m", "Due in 12d 4h". */
export function deadlineLabel(dueAt: string | Date, now: Date = new Date(), options?: { seconds?: boolean }): string {
  const left = new Date(dueAt).getTime() - now.getTime();
  return left < 0 ? `Overdue ${formatDuration(left, options)}` : `Due in ${formatDuration(left, options)}`;
}

/** The last millisecond of the local day: "due today" means due before this. */
export function endOfDay(now: Date = new Date()): Date {
  const end = new Date(now);
  end.setHours(23, 59, 59, 999);
  return end;
}
