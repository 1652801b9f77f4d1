import { escapeLiteral } from 'pg';
// prepareValue turns Dates, arrays and objects into the text PostgreSQL parses (the same code pg uses for $n parameters).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prepareValue } = require('pg/lib/utils') as { prepareValue(value: unknown): unknown };

/** A statement whose values are already rendered as escaped literals, for the single round-trip read path. */
export interface InlineSql {
  readonly text: string;
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('sql: non-finite number');
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof RawSql) return value.text;
  return escapeLiteral(String(prepareValue(value)));
}

class RawSql {
  constructor(readonly text: string) {}
}

/**
 * Tagged template: every interpolated value becomes an escaped literal (pg's escapeLiteral), so a
 * statement can be sent with the simple query protocol, batched with the tenant setting in one round trip.
 */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): InlineSql {
  let text = strings[0];
  values.forEach((value, i) => {
    text += literal(value) + strings[i + 1];
  });
  return { text };
}

/** A fixed statement with `$n` parameters, run as a named prepared statement so its plan is cached per connection. */
export interface PreparedSql {
  readonly text: string;
  readonly values: readonly unknown[];
  readonly prepared: true;
}

/**
 * A prepared statement for `TenantDb.read`: `text` must be a constant, or assembled only from fixed fragments (a
 * few shapes, each a cached plan per connection); values go only in `values`, as `$1..$n` (see `sql.params`).
 */
sql.prepared = (text: string, values: readonly unknown[] = []): PreparedSql => ({ text, values, prepared: true });

/** Numbers the values of a statement assembled from fragments: `param(value)` keeps the value and returns its `$n`. */
sql.params = () => {
  const values: unknown[] = [];
  return { values, param: (value: unknown) => `$${values.push(value)}` };
};

/** Splices trusted SQL (a fragment built by `sql` or a fixed keyword) into a `sql` template. */
sql.raw = (fragment: InlineSql | string) => new RawSql(typeof fragment === 'string' ? fragment : fragment.text);

/** Joins fragments with a separator (e.g. ' AND '). */
sql.join = (fragments: InlineSql[], separator: string): InlineSql => ({ text: fragments.map((f) => f.text).join(separator) });
