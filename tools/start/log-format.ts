const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

interface PinoRecord {
  level?: number | string;
  time?: number | string;
  msg?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  err?: { message?: string; stack?: string };
}

/** Makes one line of server output readable: pino JSON becomes `HH:MM:SS LEVEL message`; anything else is kept as is. */
export function formatLogLine(line: string): string {
  const record = parsePino(line);
  if (!record) return line;
  const level =
    typeof record.level === 'number' ? (LEVELS[record.level] ?? String(record.level)) : String(record.level ?? 'INFO').toUpperCase();
  const parts = [clock(record.time), level.padEnd(5), record.msg ?? ''];
  if (record.req?.method && record.req.url) parts.push(`${record.req.method} ${record.req.url}`);
  if (record.res?.statusCode !== undefined) parts.push(`-> ${record.res.statusCode}`);
  if (typeof record.responseTime === 'number') parts.push(`(${record.responseTime} ms)`);
  const text = parts.filter(Boolean).join(' ');
  const error = record.err?.stack ?? record.err?.message;
  return error ? `${text}\n${error}` : text;
}

function parsePino(line: string): PinoRecord | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const record = parsed as PinoRecord;
    return 'msg' in record || 'level' in record ? record : undefined;
  } catch {
    return undefined;
  }
}

function clock(time: PinoRecord['time']): string {
  const date = time === undefined ? new Date() : new Date(time);
  if (Number.isNaN(date.getTime())) return '';
  return date.toTimeString().slice(0, 8);
}
