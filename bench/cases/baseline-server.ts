/*
 * The minimal baselines for bench/cases: node:http + pg, no framework. For GET /api/v1/cases it verifies the HS256
 * token, then runs the API's SQL (the user look-up of the JWT strategy unless BASELINE_AUTH_LOOKUP=0, then the list
 * query) and answers the same JSON.
 * - BASELINE_MODE=rls (default): as the same app role under RLS, each statement as ONE simple-protocol round trip
 *   `BEGIN READ ONLY; set_config(tenant[, case search]); query; COMMIT`.
 * - BASELINE_MODE=raw: no RLS (DATABASE_URL is a role that bypasses it), an explicit `tenant_id = $1` on every
 *   table, each statement a named prepared statement (plan cached per connection), no transaction: the floor.
 * Env: DATABASE_URL, PORT, JWT_SECRET, DATABASE_POOL_SIZE (20), BASELINE_AUTH_LOOKUP (1), BASELINE_MODE (rls).
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import { escapeLiteral, Pool } from 'pg';
import type { InlineSql } from '@poa/db';
import type { CaseRow } from '../../apps/api/src/cases/cases.repository';
import { verifyStaffToken } from '../lib/jwt';
import { listBody, listSql, parseListQuery, RAW_USER_LOOKUP, rawListSql, searchPattern, userLookupSql } from './list-sql';

const env = process.env;
const pool = new Pool({ connectionString: env.DATABASE_URL, max: Number(env.DATABASE_POOL_SIZE ?? 20) });
const secret = env.JWT_SECRET ?? '';
const authLookup = env.BASELINE_AUTH_LOOKUP !== '0';
const raw = env.BASELINE_MODE === 'raw';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function read<T>(tenantId: string, statement: InlineSql, caseSearch?: string): Promise<T[]> {
  const client = await pool.connect();
  try {
    const search = caseSearch === undefined ? '' : `, set_config('app.case_search', ${escapeLiteral(caseSearch)}, true)`;
    const text = `BEGIN READ ONLY; SELECT set_config('app.tenant_id', '${tenantId}', true)${search}; ${statement.text}; COMMIT`;
    const results = (await client.query(text)) as unknown as { rows: T[] }[];
    return results[2].rows;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

const statementName = (text: string) => `raw_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;

async function rawRead<T>(text: string, values: unknown[]): Promise<T[]> {
  return (await pool.query<T & object>({ name: statementName(text), text, values })).rows as T[];
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

async function listCases(req: http.IncomingMessage, url: URL, res: http.ServerResponse) {
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const claims = token ? verifyStaffToken(secret, token) : null;
  if (!claims || !UUID.test(claims.tid) || !UUID.test(claims.sub)) return send(res, 401, { error: { code: 'UNAUTHENTICATED' } });
  if (authLookup && req.headers['x-bench-skip-auth-lookup'] !== '1') {
    const [user] = raw
      ? await rawRead<{ status: string }>(RAW_USER_LOOKUP, [claims.tid, claims.sub])
      : await read<{ status: string }>(claims.tid, userLookupSql(claims.sub));
    if (!user || user.status !== 'active') return send(res, 401, { error: { code: 'UNAUTHENTICATED' } });
  }
  const query = parseListQuery(url.searchParams);
  let rows: CaseRow[];
  if (raw) {
    const { text, values } = rawListSql(claims.tid, query);
    rows = await rawRead<CaseRow>(text, values);
  } else rows = await read<CaseRow>(claims.tid, listSql(query), searchPattern(query));
  send(res, 200, listBody(rows, query.limit));
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method === 'GET' && url.pathname === '/health') return send(res, 200, { status: 'ok' });
  if (req.method === 'GET' && url.pathname === '/api/v1/cases') {
    listCases(req, url, res).catch((error: Error) => send(res, 500, { error: { code: 'INTERNAL', message: error.message } }));
    return;
  }
  send(res, 404, { error: { code: 'NOT_FOUND' } });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(env.PORT ?? 3100), '127.0.0.1');

const shutdown = () => server.close(() => void pool.end().then(() => process.exit(0)));
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
