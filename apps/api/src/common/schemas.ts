import { z } from 'zod';
import { isCommonPassword } from './common-passwords';

export const uuidParam = z.uuid({ message: 'must be a uuid' });
export const idParamsSchema = z.strictObject({ id: uuidParam });
/** An id a CRM gives a record (its account or ticket id). */
export const externalId = z.string().trim().min(1).max(200);
// Bodies and queries are checked for U+0000 by a middleware; a path parameter is checked here.
export const externalIdParamsSchema = z.strictObject({
  externalId: externalId.refine((v) => !v.includes('\u0000'), 'must not contain the NUL character (U+0000)'),
});
/** Draft versions run 1..MAX_VERSION: a larger number would overflow the database's integer columns. */
export const MAX_VERSION = 1_000_000;
export const versionNumber = z.number().int().min(1).max(MAX_VERSION);
export const versionParam = z.coerce.number().int().min(1).max(MAX_VERSION);
export const versionParamsSchema = z.strictObject({ id: uuidParam, version: versionParam });
export const email = z
  .email({ message: 'must be an email address' })
  .max(254)
  .transform((e) => e.trim().toLowerCase());
export const password = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200)
  .refine((value) => !isCommonPassword(value), 'is one of the most common passwords: choose one that is harder to guess');
/**
 * Every date the API accepts lies in the years 0001-9999 (UTC). PostgreSQL has no year 0 and JavaScript writes years
 * past 9999 as +010000, so an instant outside would be stored but could not be read back as ISO text or sent to the
 * database again (a list cursor, a filter).
 */
const EARLIEST = Date.parse('0001-01-01T00:00:00.000Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');
const DATE_RANGE = 'must be between 0001-01-01 and 9999-12-31 (UTC)';
/** Real UTC offsets run from -12:00 to +14:00; PostgreSQL refuses anything past ±15:59. */
const MAX_OFFSET_MINUTES = 14 * 60;

function offsetMinutes(value: string): number {
  const match = /([+-])(\d{2}):?(\d{2})$/.exec(value);
  return match ? Number(match[2]) * 60 + Number(match[3]) : 0;
}

const inRange = (value: string) => {
  const time = Date.parse(value);
  return time >= EARLIEST && time <= LATEST;
};

export const isoDateTime = z.iso
  .datetime({ offset: true, abort: true })
  .refine((value) => offsetMinutes(value) <= MAX_OFFSET_MINUTES, { message: 'the UTC offset must be within ±14:00', abort: true })
  .refine(inRange, DATE_RANGE);
export const isoDate = z.iso.date({ message: 'must be a date YYYY-MM-DD', abort: true }).refine(inRange, DATE_RANGE);
