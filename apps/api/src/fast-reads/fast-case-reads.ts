import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import { TenantContext } from '@poa/db';
import { context, type Span } from '@opentelemetry/api';
import { isTracing } from '@poa/telemetry';
import type { Express, Request, Response } from 'express';
import { PinoLogger } from 'nestjs-pino';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { CasesService } from '../cases/cases.service';
import { caseDetailSchema, caseListQuerySchema, casePageSchema, type CaseListQuery } from '../cases/cases.schemas';
import { idParamsSchema } from '../common/schemas';
import { requestId, withTenant } from '../core/core.module';
import { principalHas } from '../core/permissions';
import { securityHeaderHandlers } from '../core/security-headers';
import { APP_CONFIG } from '../core/tokens';
import { findUnstorable } from '../core/unstorable-text';
import { tenantScopeOf } from '../identity/auth/access.guard';
import { StaffJwtStrategy } from '../identity/auth/strategies';
import type { StaffTokenClaims } from '../identity/auth/tokens.service';
import { ApiMetrics } from '../observability/api-metrics';
import { endServerSpan, startServerSpan, type ObservedRequest } from '../observability/http-observability';
import { RequestRateLimit } from '../rate-limit/request-rate-limit';

const LIST_PATH = '/api/v1/cases';
const ONE_CASE_PATH = /^\/api\/v1\/cases\/([0-9a-fA-F-]{36})$/;

/** A read this path can answer: the route's template (its metrics label) and what the service needs. */
type CaseRead = { route: '/api/v1/cases'; query: CaseListQuery } | { route: '/api/v1/cases/:id'; id: string };

const noop = () => undefined;

/**
 * The hot reads, `GET /api/v1/cases` and `GET /api/v1/cases/:id` with a staff access token, answered in front of
 * Express and Nest (router, about ten middlewares, guard, interceptors and pipe in rxjs cost more CPU than the
 * reads themselves). It runs the same steps with the same services: token verification and claims cache, the
 * rate-limit count with the user's access version and the staff access cache (StaffJwtStrategy.validate), the
 * permission, the query schema, the service's read in the tenant context, the answer schema, and the answer's
 * security headers, request id, rate-limit headers, request log line, metrics and (when tracing) server span.
 *
 * Only the happy path is served here. What it cannot vouch for before any side effect goes to the full pipeline
 * untouched (another method or path, another kind of credential, an invalid or expired token, an invalid query, a
 * body); what goes wrong after the count (user refused, permission, rate limit, not found, a database
 * error) goes to it too, and the full pipeline answers from the same count (RequestRateLimit.count counts a request
 * once), so every refusal is the full pipeline's own answer.
 */
@Injectable()
export class FastCaseReads {
  /** Requests answered here rather than by the full pipeline (tests check the happy path really took it). */
  served = 0;
  /** Off only in the parity test, which compares both paths on one server. */
  enabled = true;
  /** The security headers' handlers' output for these API answers, over plain http and over https (see install). */
  private readonly securityHeaders: Record<'http' | 'https', [string, string][]>;
  private express?: Express;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly staffJwt: StaffJwtStrategy,
    private readonly rateLimit: RequestRateLimit,
    private readonly cases: CasesService,
    private readonly metrics: ApiMetrics,
  ) {
    // The handlers set the same headers on every answer to an API path, depending only on whether the request came
    // over https: they run once for each, and each answer gets their output.
    const handlers = securityHeaderHandlers(config);
    const headersSet = (secure: boolean) => {
      const headers = new Map<string, [string, string]>();
      const recorder = {
        setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), [name, value]),
        removeHeader: (name: string) => headers.delete(name.toLowerCase()),
      };
      for (const handler of handlers) handler({ secure, path: LIST_PATH, headers: {} } as Request, recorder as unknown as Response, noop);
      return [...headers.values()];
    };
    this.securityHeaders = { http: headersSet(false), https: headersSet(true) };
  }

  /** Puts this path in front of the Express application as the server's request listener. */
  install(server: Server, express: Express): void {
    this.express = express;
    server.removeListener('request', express);
    server.on('request', this.handle);
  }

  private readonly handle = (req: IncomingMessage, res: ServerResponse): void => {
    const express = this.express!;
    const read = this.enabled ? this.caseRead(req, express) : undefined;
    const claims = read && this.staffJwt.bearerClaims(req);
    if (!read || !claims) return void express(req, res);
    this.serve(req as Request, res as Response, express, read, claims).then(
      (served) => served || express(req, res),
      () => res.headersSent || express(req, res),
    );
  };

  /** The read this request asks for, when nothing about it is unusual; decided without any side effect. */
  private caseRead(req: IncomingMessage, express: Express): CaseRead | undefined {
    if (req.method !== 'GET') return undefined;
    if (req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined) return undefined;
    const url = req.url ?? '';
    const mark = url.indexOf('?');
    const path = mark === -1 ? url : url.slice(0, mark);
    if (path === LIST_PATH) {
      const query = queryOf(express, mark === -1 ? '' : url.slice(mark + 1));
      if (query === undefined || findUnstorable(query, [])) return undefined;
      const parsed = caseListQuerySchema.safeParse(query);
      return parsed.success ? { route: LIST_PATH, query: parsed.data } : undefined;
    }
    const one = mark === -1 ? ONE_CASE_PATH.exec(path) : null;
    const params = one && idParamsSchema.safeParse({ id: one[1] });
    return params?.success ? { route: '/api/v1/cases/:id', id: params.data.id } : undefined;
  }

  /** Answers the read; false (nothing written) when the full pipeline must answer it. */
  private async serve(req: Request, res: Response, express: Express, read: CaseRead, claims: StaffTokenClaims): Promise<boolean> {
    const started = performance.now();
    const startedAt = Date.now();
    const principal = await this.staffJwt.validate(req, claims);
    if (!principal || !principalHas(principal, 'cases:read') || !this.rateLimit.withinLimit(principal, req)) return false;
    // Express's request, as its router makes it: req.ip and req.secure honour TRUST_PROXY.
    Object.setPrototypeOf(req, express.request);
    // The span starts here, backdated to the request's arrival: a request handed on gets the full pipeline's span.
    const server = isTracing() ? startServerSpan(req, startedAt) : undefined;
    const readInTenant = () =>
      TenantContext.run(tenantScopeOf(principal, req), () =>
        read.route === LIST_PATH ? this.cases.list(read.query) : this.cases.get(read.id),
      );
    const answer = await (server ? context.with(server.context, readInTenant) : readInTenant());
    const body = JSON.stringify(read.route === LIST_PATH ? casePageSchema.parse(answer) : caseDetailSchema.parse(answer));

    // What the full pipeline sets, in its order: the security headers, the request id (pino-http), the rate-limit
    // headers (the guard), the JSON answer as Express's res.json sends it (no JSON settings, no ETag).
    for (const [name, value] of this.securityHeaders[req.secure ? 'https' : 'http']) res.setHeader(name, value);
    Object.assign(req, { id: requestId(req, res), tenantId: principal.tenantId });
    await this.rateLimit.consume(principal, req, res);
    res.once('close', () => this.finished(req, res, read.route, started, startedAt, server?.span));
    this.served += 1;
    res.statusCode = 200;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Length', Buffer.byteLength(body));
    res.end(body);
    return true;
  }

  /** The request's metrics, span and log line, as http-observability and pino-http write them. */
  private finished(req: ObservedRequest, res: Response, route: string, started: number, startedAt: number, span?: Span): void {
    const status = res.writableFinished ? res.statusCode : 499;
    this.metrics.request('GET', route, status, (performance.now() - started) / 1000);
    if (span) endServerSpan(span, req, route, status);
    const traced = req.traceId ? { traceId: req.traceId } : {};
    PinoLogger.root?.info(withTenant(req, { ...traced, req, res, responseTime: Date.now() - startedAt }), 'request completed');
  }
}

/** The query as Express parses it (with its own query parser); undefined for a string Express could read otherwise. */
function queryOf(express: Express, search: string): unknown {
  if (search.includes('#')) return undefined;
  const parse = express.get('query parser fn') as ((text: string) => unknown) | undefined;
  return parse ? parse(search) : {};
}
