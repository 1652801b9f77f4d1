import { formatLogLine } from './log-format';

describe('formatLogLine', () => {
  const time = new Date(2026, 10, 26, 9, 5, 7).getTime();

  it('turns a pino request line into time, level, message and the request', () => {
    const line = JSON.stringify({
      level: 30,
      time,
      msg: 'request completed',
      req: { method: 'GET', url: '/health/ready' },
      res: { statusCode: 200 },
      responseTime: 4,
    });
    expect(formatLogLine(line)).toBe('09:05:07 INFO  request completed GET /health/ready -> 200 (4 ms)');
  });

  it('appends the error stack of an error line', () => {
    const line = JSON.stringify({ level: 50, time, msg: 'job failed', err: { message: 'boom', stack: 'Error: boom\n    at x' } });
    expect(formatLogLine(line)).toBe('09:05:07 ERROR job failed\nError: boom\n    at x');
  });

  it('leaves plain text and unrelated JSON untouched', () => {
    expect(formatLogLine('Listening on 3000')).toBe('Listening on 3000');
    expect(formatLogLine('{"logins":[]}')).toBe('{"logins":[]}');
    expect(formatLogLine('{not json')).toBe('{not json');
  });
});
