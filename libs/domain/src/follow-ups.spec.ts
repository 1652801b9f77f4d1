import { followUpStatus, safetyNetIntro, safetyNetLine } from './follow-ups';

describe('followUpStatus', () => {
  const now = new Date('2026-03-10T12:00:00.000Z');
  it.each<[string | null, string]>([
    [null, 'ok'],
    ['2026-03-10T12:00:00.000Z', 'overdue'],
    ['2026-03-01T00:00:00.000Z', 'overdue'],
    ['2026-03-12T00:00:00.000Z', 'due'],
    ['2026-03-13T12:00:00.000Z', 'due'],
    ['2026-03-13T12:00:00.001Z', 'ok'],
  ])('%s is %s', (next, status) => {
    expect(followUpStatus(next ? new Date(next) : null, now)).toBe(status);
  });
});

describe('the safety-net log in the seller’s voice', () => {
  it('says what is checked, how often and by whom', () => {
    expect(safetyNetIntro('Review supplier invoices against listings.', { every: 1, unit: 'week' }, 'Ops lead')).toBe(
      'We check: Review supplier invoices against listings, every week (responsible: Ops lead).',
    );
    expect(safetyNetIntro('Verify brand authorisation', 'event', '')).toBe('We check: Verify brand authorisation, each time it applies.');
  });
  it('logs each check with its day and result', () => {
    expect(safetyNetLine(new Date('2026-02-03T18:00:00Z'), 'done', '')).toBe('Checked on 2026-02-03: done.');
    expect(safetyNetLine(new Date('2026-02-03T18:00:00Z'), 'problem', 'Two invoices missing.')).toBe(
      'Checked on 2026-02-03: problem found. Two invoices missing.',
    );
  });
});
