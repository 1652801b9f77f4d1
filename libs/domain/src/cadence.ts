/** How often a preventive measure is checked: every N days/weeks/months/quarters, or on an event (each order, each new supplier). */
export const CADENCE_UNITS = ['day', 'week', 'month', 'quarter'] as const;
export type CadenceUnit = (typeof CADENCE_UNITS)[number];
export type Cadence = { every: number; unit: CadenceUnit } | 'event';

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  other: 2,
};

const UNIT_OF: Record<string, CadenceUnit | 'year'> = {
  day: 'day',
  business: 'day',
  week: 'week',
  fortnight: 'week',
  month: 'month',
  quarter: 'quarter',
  year: 'year',
};

/** Words for one period ("weekly", "quarterly"...), as [every, unit]. */
const ADVERBS: [RegExp, number, CadenceUnit][] = [
  [/\b(daily|every\s*day|each\s*day|nightly)\b/, 1, 'day'],
  [/\b(bi-?weekly|fortnightly)\b/, 2, 'week'],
  [/\bweekly\b/, 1, 'week'],
  [/\b(bi-?monthly)\b/, 2, 'month'],
  [/\bmonthly\b/, 1, 'month'],
  [/\bquarterly\b/, 1, 'quarter'],
  [/\b(semi-?annual(ly)?|half-?yearly|bi-?annual(ly)?)\b/, 6, 'month'],
  [/\b(annual(ly)?|yearly)\b/, 12, 'month'],
];

const toNumber = (word: string): number | undefined => (/^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word]);

function normalise(every: number, unit: CadenceUnit | 'year'): Cadence {
  if (unit === 'year') return normalise(every * 12, 'month');
  if (unit === 'month' && every % 3 === 0) return { every: every / 3, unit: 'quarter' };
  return { every, unit };
}

/**
 * The cadence a measure's free-text frequency describes ("Weekly", "every 2 weeks", "once a quarter", "twice a month",
 * "on every purchase order"). Text naming no period (an event, or nothing usable) is `"event"`: checked when it happens.
 */
export function parseCadence(frequency: string): Cadence {
  return readCadence(frequency) ?? 'event';
}

/** Words that tie a check to something happening rather than to the calendar ("before each new listing"). */
const EVENT_CUE = /\b(each|every|per|before|after|on|upon|when|whenever|with|at)\b/;
/** Days of the week: "every Monday" is weekly. */
const WEEKDAY = /\b(mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?)\b/;

/**
 * Like `parseCadence`, but tells an event ("before each new listing", "on every purchase order") from text that
 * names no usable period or event at all ("regularly", "ongoing", ""): that is `null`, for a person to set.
 */
export function readCadence(frequency: string): Cadence | null {
  const text = frequency
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, ' ')
    .trim();
  if (!text) return null;
  const period = readPeriod(text);
  if (period) return period;
  if (WEEKDAY.test(text)) return { every: 1, unit: 'week' };
  return EVENT_CUE.test(text) ? 'event' : null;
}

function readPeriod(text: string): Cadence | null {
  // "N times a week/month": the period divided by N, in days or weeks.
  const times = text.match(/\b(\d+|once|twice|two|three|four|five|six)\s*(times\s*)?(a|per|each|every)\s*(day|week|month|quarter|year)\b/);
  if (times) {
    const count = times[1] === 'once' ? 1 : times[1] === 'twice' ? 2 : toNumber(times[1]);
    const unit = UNIT_OF[times[4]];
    if (count && count >= 1) {
      if (count === 1) return normalise(1, unit);
      const days = { day: 1, week: 7, month: 30, quarter: 91, year: 365 }[unit] / count;
      if (days >= 7 && Number.isInteger(days / 7)) return { every: days / 7, unit: 'week' };
      return { every: Math.max(1, Math.floor(days)), unit: 'day' };
    }
  }

  // "every 2 weeks", "every other month", "every quarter", "each 90 days".
  const every = text.match(/\b(every|each|per)\s+(?:(\d+|[a-z]+)\s+)?(business\s+)?(day|week|fortnight|month|quarter|year)s?\b/);
  if (every) {
    const n = every[2] ? toNumber(every[2]) : 1;
    if (n) {
      const unit = UNIT_OF[every[4]];
      return normalise(every[4] === 'fortnight' ? n * 2 : n, unit);
    }
  }

  for (const [pattern, n, unit] of ADVERBS) if (pattern.test(text)) return normalise(n, unit);
  return null;
}

const DAY_MS = 24 * 3600_000;

/** `from` moved on by one period of the cadence (calendar months; a month-end is clamped); events have no next time. */
export function addCadence(from: Date, cadence: Cadence): Date | null {
  if (cadence === 'event') return null;
  switch (cadence.unit) {
    case 'day':
      return new Date(from.getTime() + cadence.every * DAY_MS);
    case 'week':
      return new Date(from.getTime() + cadence.every * 7 * DAY_MS);
    case 'month':
    case 'quarter':
      return addMonths(from, cadence.every * (cadence.unit === 'quarter' ? 3 : 1));
  }
}

function addMonths(from: Date, months: number): Date {
  const result = new Date(from.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

/** The cadence in the seller's words: "every week", "every 2 months", "when it happens". */
export function describeCadence(cadence: Cadence): string {
  if (cadence === 'event') return 'each time it happens';
  if (cadence.every === 1) return `every ${cadence.unit}`;
  return `every ${cadence.every} ${cadence.unit}s`;
}
