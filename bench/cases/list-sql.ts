/*
 * The SQL of GET /api/v1/cases, copied from CasesRepository.list (apps/api/src/cases/cases.repository.ts) so the baseline
 * servers run what the API runs. The API sends it as a prepared statement (values as parameters, the plan cached per
 * connection); the RLS baseline sends it with the simple protocol, values inline (planned on every request), as it
 * did before the API did; the raw baseline prepares it, with explicit tenant predicates. The bench checks that all
 * answer identical bodies before measuring: if the API's query changes, that check fails until this copy follows.
 */
import { sql, type InlineSql } from '@poa/db';
import { caseSummaryView } from '../../apps/api/src/cases/case-views';
import { ACTIVE_STATUS_LIST, CASE_LIST_COLUMNS, type CaseRow } from '../../apps/api/src/cases/cases.repository';

export interface ListQuery {
  limit: number;
  status?: string[];
  violationType?: string;
  overdue?: boolean;
  q?: string;
}

/** Same escaping as containsPattern in apps/api/src/clients/client-views.ts. */
const containsPattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The pattern the API sets as app.case_search for a search (TenantDb.read's caseSearch), else undefined. */
export const searchPattern = (query: ListQuery) => (query.q ? containsPattern(query.q) : undefined);

/** Sorted by updatedAt descending (the API's default), first page. */
export function listSql(query: ListQuery): InlineSql {
  const conditions: InlineSql[] = [sql`TRUE`];
  if (query.status) conditions.push(sql`c.status = ANY(${query.status}::text[])`);
  if (query.violationType) conditions.push(sql`c.violation_type = ${query.violationType}`);
  if (query.overdue !== undefined)
    conditions.push(sql`${sql.raw(query.overdue ? '' : 'NOT ')}(c.due_at < now() AND c.status IN (${sql.raw(ACTIVE_STATUS_LIST)}))`);
  if (query.q) conditions.push(sql`c.search_text LIKE ${containsPattern(query.q)}`);
  return sql`
      WITH page AS MATERIALIZED (
        SELECT ${sql.raw(CASE_LIST_COLUMNS)} FROM cases c
        WHERE ${sql.raw(sql.join(conditions, ' AND '))}
        ORDER BY c.updated_at DESC, c.id DESC
        LIMIT ${query.limit + 1})
      SELECT page.*, cl.name AS client_name, cl.seller_id AS client_seller_id, u.name AS assignee_name
      FROM page JOIN clients cl ON cl.id = page.client_id LEFT JOIN users u ON u.id = page.assignee_id
      ORDER BY page.updated_at DESC, page.id DESC`;
}

/**
 * The same list for the raw baseline, without RLS: an explicit `tenant_id = $1` on every table, values as parameters
 * (run as a named prepared statement, one name per distinct text).
 */
export function rawListSql(tenantId: string, query: ListQuery): { text: string; values: unknown[] } {
  const values: unknown[] = [tenantId];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const conditions = ['c.tenant_id = $1'];
  if (query.status) conditions.push(`c.status = ANY(${param(query.status)}::text[])`);
  if (query.violationType) conditions.push(`c.violation_type = ${param(query.violationType)}`);
  if (query.overdue !== undefined)
    conditions.push(`${query.overdue ? '' : 'NOT '}(c.due_at < now() AND c.status IN (${ACTIVE_STATUS_LIST}))`);
  if (query.q) conditions.push(`c.search_text LIKE ${param(containsPattern(query.q))}`);
  const text = `
      WITH page AS MATERIALIZED (
        SELECT ${CASE_LIST_COLUMNS} FROM cases c
        WHERE ${conditions.join(' AND ')}
        ORDER BY c.updated_at DESC, c.id DESC
        LIMIT ${param(query.limit + 1)})
      SELECT page.*, cl.name AS client_name, cl.seller_id AS client_seller_id, u.name AS assignee_name
      FROM page JOIN clients cl ON cl.id = page.client_id AND cl.tenant_id = $1
      LEFT JOIN users u ON u.id = page.assignee_id AND u.tenant_id = $1
      ORDER BY page.updated_at DESC, page.id DESC`;
  return { text, values };
}

/** The raw baseline's user look-up: explicit tenant predicate. */
export const RAW_USER_LOOKUP = 'SELECT id, name, email, role, status, token_version FROM users WHERE tenant_id = $1 AND id = $2';

/** The user look-up the API's JWT strategy runs on every request (UsersRepository.accessCheck in apps/api/src/identity/users/users.repository.ts). */
export const userLookupSql = (userId: string) => sql`SELECT id, name, email, role, status, token_version FROM users WHERE id = ${userId}`;

/** Parses the query string the bench sends (a subset of the API's: limit, status, violationType, overdue, q). */
export function parseListQuery(params: URLSearchParams): ListQuery {
  const status = params.get('status');
  const overdue = params.get('overdue');
  return {
    limit: Math.min(100, Math.max(1, Number(params.get('limit') ?? 50) || 50)),
    status: status
      ? status
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : undefined,
    violationType: params.get('violationType') ?? undefined,
    overdue: overdue === null ? undefined : overdue === 'true',
    q: params.get('q')?.trim() || undefined,
  };
}

const encodeCursor = (sortValue: string, id: string) => Buffer.from(JSON.stringify([sortValue, id])).toString('base64url');

/** The response body the API builds (toPage + caseSummaryView). */
export function listBody(rows: CaseRow[], limit: number) {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return { data: page.map(caseSummaryView), nextCursor: more ? encodeCursor(new Date(last.updated_at).toISOString(), last.id) : null };
}
