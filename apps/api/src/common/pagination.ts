import { z } from 'zod';
import { AppError } from '../core/errors';

export const listQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  // A text cursor holds a whole lower-cased name (up to 1,200 bytes of UTF-8) in base64.
  cursor: z.string().max(2000).optional(),
});

/**
 * Opaque cursor over a (sort value, id) pair: stable under concurrent inserts because it never counts rows. Each list
 * decodes with the codec of its sort key, which checks the value's type before it reaches SQL: a crafted cursor is a
 * 400 on `cursor`, never a database error.
 */
export interface CursorCodec<In, Out> {
  encode(sortValue: In, id: string): string;
  /** The sort value as the list's SQL takes it, and the row id; null when there is no cursor. */
  decode(cursor: string | undefined): { sortValue: Out; id: string } | null;
}

function cursorCodec<In, Out>(toJson: (value: In) => string, sortValue: z.ZodType<Out>): CursorCodec<In, Out> {
  const shape = z.tuple([sortValue, z.guid()]);
  return {
    encode: (value, id) => Buffer.from(JSON.stringify([toJson(value), id])).toString('base64url'),
    decode(cursor) {
      if (!cursor) return null;
      let json: unknown;
      try {
        json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      } catch {
        json = undefined;
      }
      const parsed = shape.safeParse(json);
      if (!parsed.success) throw AppError.validation([{ field: 'cursor', message: 'Invalid cursor' }]);
      return { sortValue: parsed.data[0], id: parsed.data[1] };
    },
  };
}

/** PostgreSQL's timestamptz range starts late in 4714 BC (taken from 4713 BC here); JavaScript's ends in 275760 AD. */
const EARLIEST_TIMESTAMP = Date.parse('-004712-01-01T00:00:00.000Z');
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * A timestamp as PostgreSQL reads it. An ISO string does not always do: PostgreSQL has no year 0 (it writes 1 BC) and
 * takes the sign of `+010000` for a UTC offset.
 */
function pgTimestamp(date: Date): string {
  const year = date.getUTCFullYear();
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${pad(date.getUTCMilliseconds(), 3)}+00`;
  return `${pad(year > 0 ? year : 1 - year, 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${time}${year > 0 ? '' : ' BC'}`;
}

const isoInstant = z
  .string()
  .max(40)
  .refine((value) => {
    const time = Date.parse(value);
    return time >= EARLIEST_TIMESTAMP && new Date(time).toISOString() === value;
  })
  .transform((value) => pgTimestamp(new Date(value)));

/** Lists sorted by a timestamp column (compared as `::timestamptz`). */
export const timeCursor = cursorCodec((value: Date | string) => new Date(value).toISOString(), isoInstant);

/** Lists sorted by text, e.g. lower(name); PostgreSQL text cannot hold U+0000. */
export const textCursor = cursorCodec(
  (value: string) => value,
  z
    .string()
    .max(1000)
    .refine((value) => !value.includes('\u0000')),
);

/** Lists sorted by a bigint sequence (pg hands bigint columns over as strings). */
export const seqCursor = cursorCodec((value: string | number) => String(value), z.string().regex(/^\d{1,18}$/));

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}

/** Given limit+1 rows, returns the page and the cursor of its last row when more exist. */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  map: (row: R) => T,
  cursorOf: (row: R) => string,
): { data: T[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  return { data: page.map(map), nextCursor: more ? cursorOf(page[page.length - 1]) : null };
}

export const iso = (value: Date | string | null | undefined): string | null =>
  value === null || value === undefined ? null : new Date(value).toISOString();
