import { createHash } from 'node:crypto';
import type { Connection, Submittable } from 'pg';
// pg's own row parser (type parsers by OID) and parameter serialiser: the same ones client.query uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Result = require('pg/lib/result') as new () => PgResult;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prepareValue } = require('pg/lib/utils') as { prepareValue(value: unknown): string | Buffer | null };

interface PgResult {
  rows: unknown[];
  addFields(fields: unknown[]): void;
  parseRow(fields: unknown[]): unknown;
}

/** pg keeps the named statements it has parsed per connection here; we share the map under our own prefix. */
type StatementCache = Record<string, string | undefined>;
type PgConnection = Connection & { parsedStatements: StatementCache; stream: NodeJS.WritableStream & { cork?(): void; uncork?(): void } };

/** Sets the tenant and makes the transaction read-only; transaction-local, so it ends with the read. */
const SETUP = {
  name: 'poa_tenant_read_setup',
  text: `SELECT set_config('transaction_read_only', 'on', true), set_config('app.tenant_id', $1, true)`,
};

/** The same, plus the case search pattern the case_search policy reads (see the CaseSearchUnderRls migration). */
const SETUP_WITH_CASE_SEARCH = {
  name: 'poa_tenant_read_setup_search',
  text: `SELECT set_config('transaction_read_only', 'on', true), set_config('app.tenant_id', $1, true), set_config('app.case_search', $2, true)`,
};

/** A connection keeps at most this many of our statements prepared; beyond it statements go unnamed (planned each time). */
const MAX_PREPARED_PER_CONNECTION = 200;

const names = new Map<string, string>();

/** The statement's name on every connection: derived from its text (memoised; texts are constants). */
export function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `poa_r_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
    if (names.size < 10_000) names.set(text, name);
  }
  return name;
}

/**
 * One tenant-scoped read in ONE round trip with cached plans: the extended-protocol messages for the tenant
 * setting and for the statement go out together, closed by a single Sync. Everything before a Sync runs as one
 * implicit transaction, so `set_config(..., true)` covers the statement and ends with it, and no BEGIN/COMMIT is
 * needed. Both statements are named prepared statements on the connection, so PostgreSQL plans them (row-level
 * security policy included) once per connection instead of on every request.
 *
 * node-postgres sends one Sync per query and waits for each, hence this Submittable (the same extension point
 * pg-cursor uses). The row parsing is pg's own.
 */
export class PipelinedTenantRead<T> implements Submittable {
  private phase = 0;
  private readonly result = new Result();
  private parseError: unknown;
  private error: unknown;
  private parsedNow: string[] = [];
  readonly done: Promise<T[]>;
  private settle!: { resolve(rows: T[]): void; reject(error: unknown): void };

  constructor(
    private readonly tenantId: string,
    private readonly text: string,
    private readonly values: readonly unknown[],
    /** Prepare (and cache the plan of) the statement: only for fixed texts, never for texts that embed values. */
    private readonly prepare: boolean,
    /** A LIKE pattern for app.case_search: cases outside it are invisible to the statement (and it may use the search index). */
    private readonly caseSearch?: string,
  ) {
    this.done = new Promise<T[]>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
  }

  /** Returns (never throws) an error for values that cannot be serialised: pg then hands it to handleError. */
  submit(connection: Connection): Error | void {
    const con = connection as PgConnection;
    // Serialise parameters before writing anything, so a bad value cannot leave half a message sequence on the wire.
    let values: (string | Buffer | null)[];
    try {
      values = this.values.map((value) => prepareValue(value));
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
    let name = '';
    if (this.prepare) {
      name = statementName(this.text);
      // Counted only when a statement is new to this connection (rare): the cache itself is the count.
      if (
        con.parsedStatements[name] === undefined &&
        Object.keys(con.parsedStatements).filter((key) => key.startsWith('poa_r_')).length >= MAX_PREPARED_PER_CONNECTION
      )
        name = '';
    }

    con.stream.cork?.();
    try {
      const setup = this.caseSearch === undefined ? SETUP : SETUP_WITH_CASE_SEARCH;
      this.parseIfNeeded(con, setup.name, setup.text);
      const setupValues = this.caseSearch === undefined ? [this.tenantId] : [this.tenantId, this.caseSearch];
      con.bind({ statement: setup.name, portal: '', values: setupValues }, false);
      con.execute({ portal: '' }, false);
      if (name) this.parseIfNeeded(con, name, this.text);
      else con.parse({ name: '', text: this.text, types: [] }, false);
      con.bind({ statement: name, portal: '', values: values as string[] }, false);
      con.describe({ type: 'P', name: '' }, false);
      con.execute({ portal: '' }, false);
      con.sync();
    } finally {
      con.stream.uncork?.();
    }
  }

  private parseIfNeeded(con: PgConnection, name: string, text: string): void {
    if (con.parsedStatements[name] !== undefined) return;
    // Close first: a Parse whose outcome we never learned (an error further on) may have created it; closing a
    // statement that does not exist is not an error.
    con.close({ type: 'S', name }, false);
    con.parse({ name, text, types: [] }, false);
    con.parsedStatements[name] = text;
    this.parsedNow.push(name);
  }

  handleRowDescription(msg: { fields: unknown[] }): void {
    this.result.addFields(msg.fields);
  }

  handleDataRow(msg: { fields: unknown[] }): void {
    if (this.phase === 0 || this.parseError) return; // the setup's own row
    try {
      this.result.rows.push(this.result.parseRow(msg.fields));
    } catch (error) {
      this.parseError = error;
    }
  }

  handleCommandComplete(): void {
    this.phase += 1;
  }

  handleEmptyQuery(): void {
    this.phase += 1;
  }

  handlePortalSuspended(): void {
    // Not reachable: we execute with no row limit.
  }

  handleError(error: unknown, connection: Connection): void {
    // The server skipped the rest up to Sync, so we cannot tell which of this round's Parses took effect: forget them
    // (the Close before the next Parse makes that safe).
    const cache = (connection as PgConnection).parsedStatements;
    for (const name of this.parsedNow) delete cache[name];
    this.error = error;
    this.settle.reject(error);
  }

  handleReadyForQuery(): void {
    if (this.error) return;
    if (this.parseError) this.settle.reject(this.parseError);
    else this.settle.resolve(this.result.rows as T[]);
  }

  handleCopyInResponse(): void {}

  handleCopyData(): void {}
}
