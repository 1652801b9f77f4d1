import { types } from 'pg';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const parseDate = require('postgres-date') as (text: string) => Date | number | null;

const TIMESTAMPTZ_OID = 1184;
const digit = (text: string, i: number) => text.charCodeAt(i) - 48;
const two = (text: string, i: number) => digit(text, i) * 10 + digit(text, i + 1);

/**
 * PostgreSQL's text form of a timestamptz (`2026-11-29 13:40:00.123456+00`, offsets `+05:30` or `-08`) parsed
 * without regular expressions, to the very Date pg's own parser (postgres-date) gives; anything else (BC, infinity,
 * years outside 1000-9999, offsets with seconds) goes to that parser. Lists turn dozens of these per row.
 */
export function parseTimestamptz(text: string): Date | number | null {
  const length = text.length;
  if (length < 22 || text[4] !== '-' || text[7] !== '-' || text[10] !== ' ' || text[13] !== ':' || text[16] !== ':') return parseDate(text);
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + two(text, 2);
  if (year < 1000) return parseDate(text);
  let i = 19;
  let ms = 0;
  if (text[i] === '.') {
    const start = i;
    i += 1;
    while (i < length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i += 1;
    ms = 1000 * parseFloat(text.slice(start, i));
  }
  const sign = text[i];
  if (sign !== '+' && sign !== '-') return parseDate(text);
  const rest = length - i;
  let offsetMinutes: number;
  if (rest === 3) offsetMinutes = two(text, i + 1) * 60;
  else if (rest === 6 && text[i + 3] === ':') offsetMinutes = two(text, i + 1) * 60 + two(text, i + 4);
  else return parseDate(text);
  const fields = [year, two(text, 5), two(text, 8), two(text, 11), two(text, 14), two(text, 17), offsetMinutes];
  if (fields.some((n) => !(n >= 0 && n <= 9999))) return parseDate(text);
  const utc = Date.UTC(year, fields[1] - 1, fields[2], fields[3], fields[4], fields[5], ms);
  return new Date(utc - (sign === '+' ? 1 : -1) * offsetMinutes * 60_000);
}

/** Installs parseTimestamptz as pg's parser for timestamptz (process-wide, like every pg type parser). */
export function useFastTimestampParser(): void {
  types.setTypeParser(TIMESTAMPTZ_OID, parseTimestamptz);
}
