import { deadlineLabel, deadlineState, endOfDay, formatDuration } from './deadline';

const now = new Date('2026-03-10T12:00:00Z');
const inHours = (h: number) => new Date(now.getTime() + h * 3_600_000);

describe('deadlines', () => {
  it('is overdue once the due time has passed', () => {
    expect(deadlineState(inHours(-0.01), now)).toBe('overdue');
  });

  it('is urgent within 24 hours, due soon within 72 hours, and fine after', () => {
    expect(deadlineState(inHours(23.9), now)).toBe('urgent');
    expect(deadlineState(inHours(24), now)).toBe('urgent');
    expect(deadlineState(inHours(24.1), now)).toBe('soon');
    expect(deadlineState(inHours(72), now)).toBe('soon');
    expect(deadlineState(inHours(72.1), now)).toBe('ok');
  });

  it('labels the time left or the time overdue', () => {
    expect(deadlineLabel(inHours(50), now)).toBe('Due in 2d 2h');
    expect(deadlineLabel(inHours(-3.5), now)).toBe('Overdue 3h 30m');
    expect(formatDuration(125_000, { seconds: true })).toBe('2m 5s');
  });

  it('ends the day at local midnight', () => {
    const end = endOfDay(now);
    expect(end.getHours()).toBe(23);
    expect(end.getTime()).toBeGreaterThan(now.getTime());
    expect(end.getTime() - now.getTime()).toBeLessThan(24 * 3_600_000);
  });
});
