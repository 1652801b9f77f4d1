import { escapeLiteral, type Pool, type PoolClient } from 'pg';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { isUuid, MissingTenantContextError, TenantContext } from './tenant-context';
import { PipelinedTenantRead } from './pipelined-read';
import type { InlineSql, PreparedSql } from './sql';

/** What a transaction body gets: parameterised SQL and a TypeORM EntityManager on the same connection. */
export interface TenantTransaction {
  readonly tenantId: string;
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  readonly manager: EntityManager;
}

/** Settings other than the tenant that RLS policies read (narrow credential look-ups, the outbox relay). */
export type SessionSettings = Partial<
  Record<
    | 'app.login_email'
    | 'app.api_key_prefix'
    | 'app.outbox_relay'
    | 'app.reminder_scheduler'
    | 'app.follow_up_scheduler'
    | 'app.tenant_deletion'
    | 'app.tenant_purge',
    string
  >
>;

function settingsSql(tenantId: string | null, settings: SessionSettings): string {
  const parts = [`set_config('app.tenant_id', ${tenantId ? `'${tenantId}'` : `''`}, true)`];
  for (const [name, value] of Object.entries(settings)) {
    // Values are escaped with pg's own literal escaping; names come from the SessionSettings type.
    parts.push(`set_config('${name}', ${escapeLiteral(value ?? '')}, true)`);
  }
  return `SELECT ${parts.join(', ')}`;
}

/**
 * The only door to tenant-owned tables. Every statement runs in a transaction whose first statement is
 * `set_config('app.tenant_id', <tenant>, true)`: transaction-local, so a pooled connection never carries
 * one request's tenant into the next. Row-level security (FORCEd, app role without BYPASSRLS) does the rest.
 *
 * Round trips matter more than RLS itself (bench/rls measures both): a read is ONE round trip (the setting and the statement
 * pipelined before one Sync), and transactions open with BEGIN and the setting in one message.
 */
export class TenantDb {
  constructor(private readonly dataSource: DataSource) {}

  private get pool(): Pool {
    return (this.dataSource.driver as unknown as { master: Pool }).master;
  }

  private tenantId(explicit?: string): string {
    const tenantId = explicit ?? TenantContext.current()?.tenantId;
    if (!tenantId) throw new MissingTenantContextError();
    if (!isUuid(tenantId)) throw new Error('TenantDb: tenant id must be a uuid');
    return tenantId;
  }

  /**
   * One read statement for the current tenant in a single round trip (see PipelinedTenantRead): the tenant setting
   * and the statement run in one implicit read-only transaction. `sql.prepared(...)` statements also keep their plan.
   * `caseSearch`: a LIKE pattern on cases.search_text (escaped, e.g. by containsPattern) set as app.case_search for
   * this read only: the case_search policy then hides other cases, through the (tenant_id, search_text) index.
   */
  async read<T = Record<string, unknown>>(
    statement: InlineSql | PreparedSql,
    opts: { tenantId?: string; caseSearch?: string } = {},
  ): Promise<T[]> {
    const tenantId = this.tenantId(opts.tenantId);
    const prepared = 'prepared' in statement;
    const query = new PipelinedTenantRead<T>(tenantId, statement.text, prepared ? statement.values : [], prepared, opts.caseSearch);
    const client = await this.pool.connect();
    let broken: Error | undefined;
    // See run(): a connection the server ends while checked out emits 'error'; release it as broken.
    const lost = (error: Error) => (broken ??= error);
    client.on('error', lost);
    try {
      // A pooled connection must be idle: inside someone's open transaction the setting would outlive this read.
      const status = (client as PoolClient & { _txStatus?: string | null })._txStatus;
      if (status && status !== 'I') {
        broken = new Error(`TenantDb.read: pooled connection is not idle (transaction status ${status})`);
        throw broken;
      }
      client.query(query);
      return await query.done;
    } finally {
      client.off('error', lost);
      client.release(broken);
    }
  }

  /** A read-write transaction for the current tenant (or an explicit one, e.g. right after sign-up or log-in). */
  async transaction<T>(
    fn: (tx: TenantTransaction) => Promise<T>,
    opts: { tenantId?: string; settings?: SessionSettings } = {},
  ): Promise<T> {
    const tenantId = this.tenantId(opts.tenantId);
    return this.run(tenantId, opts.settings ?? {}, fn);
  }

  /**
   * A transaction with no tenant, for the few look-ups that happen before a tenant is known
   * (log-in by email, API key by prefix) or across tenants (the outbox relay). Policies allow exactly
   * the row named by the setting, nothing else.
   */
  systemTransaction<T>(settings: SessionSettings, fn: (tx: TenantTransaction) => Promise<T>): Promise<T> {
    return this.run(null, settings, fn);
  }

  private async run<T>(tenantId: string | null, settings: SessionSettings, fn: (tx: TenantTransaction) => Promise<T>): Promise<T> {
    const runner: QueryRunner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    // A server that ends the connection (a restart, a fail-over) while it is checked out but between statements
    // emits 'error' on the client: unheard, that event would crash the process. The statement fails on its own.
    const lost = () => undefined;
    client.on('error', lost);
    let open = false;
    try {
      await client.query(`BEGIN; ${settingsSql(tenantId, settings)}`);
      open = true;
      // TypeORM did not issue this BEGIN; tell it a transaction is active so save() does not open (and commit) its own.
      (runner as { isTransactionActive: boolean }).isTransactionActive = true;
      const tx: TenantTransaction = {
        tenantId: tenantId ?? '',
        query: async <R>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as R[],
        manager: runner.manager,
      };
      const result = await fn(tx);
      await client.query('COMMIT');
      open = false;
      return result;
    } catch (error) {
      if (open) await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.off('error', lost);
      (runner as { isTransactionActive: boolean }).isTransactionActive = false;
      await runner.release();
    }
  }
}
