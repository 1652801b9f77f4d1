import { addBusinessDays, planCaseReminders } from './reminders';

describe('addBusinessDays', () => {
  it.each([
    ['2026-11-27T10:00:00.000Z', 5, '2026-12-04T10:00:00.000Z'], // Friday + 5 = next Friday
    ['2026-11-23T10:00:00.000Z', 5, '2026-11-30T10:00:00.000Z'], // Monday + 5 = next Monday
    ['2026-11-25T10:00:00.000Z', 3, '2026-11-30T10:00:00.000Z'], // Wednesday + 3 skips the weekend
    ['2026-11-28T10:00:00.000Z', 1, '2026-11-30T10:00:00.000Z'], // Saturday + 1 = Monday
    ['2026-11-28T10:00:00.000Z', 0, '2026-11-30T10:00:00.000Z'], // a weekend start moves to Monday
    ['2026-11-24T10:00:00.000Z', 0, '2026-11-24T10:00:00.000Z'],
  ])('%s + %i business days = %s', (from, days, expected) => {
    expect(addBusinessDays(new Date(from), days).toISOString()).toBe(expected);
  });
});

describe('planCaseReminders', () => {
  const dueAt = new Date('2026-12-01T17:00:00.000Z');
  const opts = { submittedAt: new Date('2026-11-27T10:00:00.000Z'), waitingOnAmazonDays: 5 };

  it('before submission: due soon a day before the due time, overdue at it, keyed by the due time', () => {
    expect(planCaseReminders({ status: 'drafting', dueAt, round: 1 }, opts)).toEqual([
      { kind: 'due_soon', occasion: 'due-2026-12-01T17:00:00.000Z', fireAt: new Date('2026-11-30T17:00:00.000Z') },
      { kind: 'overdue', occasion: 'due-2026-12-01T17:00:00.000Z', fireAt: dueAt },
    ]);
  });

  it('submitted: one escalation per round after the tenant’s business days', () => {
    expect(planCaseReminders({ status: 'submitted', dueAt, round: 2 }, opts)).toEqual([
      { kind: 'escalate', occasion: 'round-2', fireAt: new Date('2026-12-04T10:00:00.000Z') },
    ]);
    expect(planCaseReminders({ status: 'submitted', dueAt, round: 2 }, { ...opts, waitingOnAmazonDays: 2 })[0].fireAt).toEqual(
      new Date('2026-12-01T10:00:00.000Z'),
    );
  });

  it.each(['reinstated', 'denied', 'closed'] as const)('%s: nothing', (status) => {
    expect(planCaseReminders({ status, dueAt, round: 1 }, opts)).toEqual([]);
  });
});
