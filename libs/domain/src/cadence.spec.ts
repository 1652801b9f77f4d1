import { addCadence, parseCadence, readCadence, type Cadence } from './cadence';

describe('parseCadence: a measure frequency text to a structured cadence', () => {
  it.each<[string, Cadence]>([
    ['Daily', { every: 1, unit: 'day' }],
    ['every day before dispatch', { every: 1, unit: 'day' }],
    ['Weekly', { every: 1, unit: 'week' }],
    ['once a week', { every: 1, unit: 'week' }],
    ['Every Monday, weekly review', { every: 1, unit: 'week' }],
    ['every 2 weeks', { every: 2, unit: 'week' }],
    ['every other week', { every: 2, unit: 'week' }],
    ['Bi-weekly', { every: 2, unit: 'week' }],
    ['fortnightly', { every: 2, unit: 'week' }],
    ['twice a week', { every: 3, unit: 'day' }],
    ['twice a month', { every: 15, unit: 'day' }],
    ['4 times a month', { every: 7, unit: 'day' }],
    ['Monthly', { every: 1, unit: 'month' }],
    ['once per month', { every: 1, unit: 'month' }],
    ['every 2 months', { every: 2, unit: 'month' }],
    ['every 3 months', { every: 1, unit: 'quarter' }],
    ['Quarterly audit', { every: 1, unit: 'quarter' }],
    ['once a quarter', { every: 1, unit: 'quarter' }],
    ['every six months', { every: 2, unit: 'quarter' }],
    ['semi-annually', { every: 2, unit: 'quarter' }],
    ['Annually', { every: 4, unit: 'quarter' }],
    ['every 90 days', { every: 90, unit: 'day' }],
    ['every 5 business days', { every: 5, unit: 'day' }],
    ['every purchase order', 'event'],
    ['On each new supplier onboarding', 'event'],
    ['before every new listing goes live', 'event'],
    ['Ongoing', 'event'],
    ['', 'event'],
  ])('%j', (text, expected) => {
    expect(parseCadence(text)).toEqual(expected);
  });
});

describe('readCadence: a preventive measure frequency to a follow-up cadence, or null when a person must set it', () => {
  it.each<[string, Cadence | null]>([
    ['daily', { every: 1, unit: 'day' }],
    ['every Monday', { every: 1, unit: 'week' }],
    ['Fridays before the weekly shipment', { every: 1, unit: 'week' }],
    ['weekly', { every: 1, unit: 'week' }],
    ['twice a month', { every: 15, unit: 'day' }],
    ['monthly', { every: 1, unit: 'month' }],
    ['each quarter', { every: 1, unit: 'quarter' }],
    ['every 2 weeks', { every: 2, unit: 'week' }],
    ['once a year', { every: 4, unit: 'quarter' }],
    ['before each new listing', 'event'],
    ['on every purchase order', 'event'],
    ['when a new supplier is onboarded', 'event'],
    ['regularly', null],
    ['ongoing', null],
    ['as needed', null],
    ['', null],
    ['   ', null],
  ])('%j', (text, expected) => {
    expect(readCadence(text)).toEqual(expected);
  });

  it('parseCadence still reads anything unusable as an event', () => {
    expect(parseCadence('regularly')).toBe('event');
  });
});

describe('addCadence', () => {
  const from = new Date('2026-01-31T09:00:00.000Z');
  it.each<[Cadence, string | null]>([
    [{ every: 1, unit: 'day' }, '2026-02-01T09:00:00.000Z'],
    [{ every: 2, unit: 'week' }, '2026-02-14T09:00:00.000Z'],
    [{ every: 1, unit: 'month' }, '2026-02-28T09:00:00.000Z'],
    [{ every: 1, unit: 'quarter' }, '2026-04-30T09:00:00.000Z'],
    ['event', null],
  ])('%j', (cadence, expected) => {
    expect(addCadence(from, cadence)?.toISOString() ?? null).toBe(expected);
  });
});
