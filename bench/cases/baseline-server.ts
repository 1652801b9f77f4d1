/*
 * The minimal baseline for bench/cases: node:http + pg, no framework. For GET /api/v1/cases it verifies the HS256
 * token, then runs the same SQL as the API (the user look-up of the JWT strategy unless BASELINE_AUTH_LOOKUP=0,
 * then the list query), each as ONE simple-protocol round trip `BEGIN READ ONLY; set_config; query; COMMIT`,
 * as the same app role, and answers the same JSON.
 * Env: DATABASE_URL, PORT, JWT_SECRET, DATABASE_POOL_SIZE (20), BASELINE_AUTH_LOOKUP (1).
 */
import http from 'node:http';
import { Pool } from 'pg';
import type { InlineSql } from '@poa/db';
import type { CaseRow } from '../../apps/api/src/cases/cases.repository';
import { verifyStaffToken } from '../lib/jwt';
import { listBody, listSql, parseListQuery, userLookupSql } from './list-sql';

const env = process.env;
const pool = new Pool({ connectionString: env.DATABASE_URL, max: Number(env.DATABASE_POOL_SIZE ?? 20) });
const secret = env.JWT_SECRET ?? '';
const authLookup = env.BASELINE_AUTH_LOOKUP !== '0';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function read<T>(tenantId: string, statement: InlineSql): Promise<T[]> {
  const client = await pool.connect();
  try {
    const text = `BEGIN READ ONLY; SELECT set_config('app.tenant_id', '${tenantId}', true); ${statement.text}; COMMIT`;
    const results = (await client.query(text)) as unknown as { rows: T[] }[];
    return results[2].rows;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
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
    const [user] = await read<{ status: string }>(claims.tid, userLookupSql(claims.sub));
    if (!user || user.status !== 'active') return send(res, 401, { error: { code: 'UNAUTHENTICATED' } });
  }
  const query = parseListQuery(url.searchParams);
  const rows = await read<CaseRow>(claims.tid, listSql(query));
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
