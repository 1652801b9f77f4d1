import { getMetadataArgsStorage } from 'typeorm';
import { snakeCase, type SnakeCase } from './naming';

/** The row PostgreSQL returns for an entity's columns: snake_case keys, the entity's own property types. */
export type RowOf<E> = { [K in keyof E & string as SnakeCase<K>]: E[K] };

type Entity<E> = abstract new (...args: never[]) => E;
type AnyClass = abstract new (...args: never[]) => unknown;

/**
 * A table as the entity describes it, narrowed to the columns a feature selects. `columns` is the select list
 * (`id, name, seller_id`), `as('c')` the same list qualified with a table alias, `Row` (type only: `typeof t.$row`)
 * the matching row type. Property names are checked against the entity's TypeORM metadata when the module loads, so
 * a column list can never name a column the entity lacks, and a row type always has the entity's property types.
 */
export interface TableColumns<Row> {
  readonly table: string;
  readonly names: readonly string[];
  readonly columns: string;
  as(alias: string): string;
  /** Type carrier only: `type ClientRow = typeof CLIENT.$row`. */
  readonly $row: Row;
}

interface ColumnInfo {
  property: string;
  column: string;
}

function entityColumns(entity: AnyClass): { table: string; columns: ColumnInfo[] } {
  const storage = getMetadataArgsStorage();
  const tableArgs = storage.tables.find((t) => t.target === entity);
  if (!tableArgs?.name) throw new Error(`${entity.name} is not a named TypeORM entity`);
  const ancestors: unknown[] = [];
  for (let c: unknown = entity; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) ancestors.push(c);
  const columns = storage.columns
    .filter((c) => ancestors.includes(c.target))
    .map((c) => ({ property: c.propertyName, column: c.options.name ?? snakeCase(c.propertyName) }));
  return { table: tableArgs.name, columns };
}

function describe<Row>(table: string, names: string[]): TableColumns<Row> {
  const columns = names.join(', ');
  return {
    table,
    names,
    columns,
    as: (alias) => names.map((n) => `${alias}.${n}`).join(', '),
    $row: undefined as unknown as Row,
  };
}

/** The named properties of an entity as a select list (in the order given). */
export function columnsOf<E, K extends keyof E & string>(
  entity: Entity<E>,
  properties: readonly K[],
): TableColumns<Pick<RowOf<E>, SnakeCase<K>>> {
  const { table, columns } = entityColumns(entity);
  const names = properties.map((p) => {
    const found = columns.find((c) => c.property === p);
    if (!found) throw new Error(`${entity.name}.${p} is not a column of ${table}`);
    return found.column;
  });
  return describe(table, names);
}
