import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { Registry } from 'prom-client';

/** Whether the request carries `Authorization: Bearer <token>` (always true when no token is configured). */
export function metricsAuthorized(req: IncomingMessage, token: string | undefined): boolean {
  if (!token) return true;
  const given = Buffer.from(req.headers.authorization ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Answers GET /metrics from a private port: the Prometheus text of `registry`, 401 without the bearer token when one
 * is set. Its series carry queue, route template and status labels only: no tenant, user or case ids. `refresh` (e.g.
 * gauges read from Redis) runs only for an authorised request.
 */
export async function sendMetrics(
  req: IncomingMessage,
  res: ServerResponse,
  registry: Registry,
  token: string | undefined,
  refresh?: () => Promise<void>,
): Promise<void> {
  if (!metricsAuthorized(req, token)) {
    res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' });
    res.end('{"error":{"code":"UNAUTHENTICATED","message":"The metrics need the bearer token METRICS_TOKEN"}}');
    return;
  }
  await refresh?.();
  const body = await registry.metrics();
  res.writeHead(200, { 'content-type': registry.contentType });
  res.end(body);
}
