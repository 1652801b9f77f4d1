import { context, propagation, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { TENANT_ATTRIBUTE, tracer } from '@poa/telemetry';
import type { NextFunction, Request, Response } from 'express';
import { performance } from 'node:perf_hooks';
import type { ApiMetrics } from './api-metrics';

export type ObservedRequest = Request & { tenantId?: string; traceId?: string };

/** The route template Express matched ("/api/v1/cases/:id"); "unmatched" otherwise, so a path never becomes a label. */
export function routeTemplate(req: Request): string {
  const path: unknown = req.route?.path;
  return typeof path === 'string' ? `${req.baseUrl ?? ''}${path}` : 'unmatched';
}

/** A request's server span (continuing an incoming `traceparent`) and the context in which it is active. */
export function startServerSpan(req: ObservedRequest, startTime?: number) {
  const parent = propagation.extract(context.active(), req.headers);
  const span = tracer().startSpan(
    req.method,
    { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method }, startTime },
    parent,
  );
  if (span.isRecording()) req.traceId = span.spanContext().traceId;
  return { span, context: trace.setSpan(parent, span) };
}

/** Names and closes the server span with what the request came to: route template, status, tenant, request id. */
export function endServerSpan(span: Span, req: ObservedRequest, route: string, status: number): void {
  span.updateName(`${req.method} ${route}`);
  span.setAttribute('http.route', route);
  span.setAttribute('http.response.status_code', status);
  if (req.tenantId) span.setAttribute(TENANT_ATTRIBUTE, req.tenantId);
  if (req.id !== undefined) span.setAttribute('poa.request_id', String(req.id));
  if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}

/**
 * First middleware: a server span per request, active while the request is handled so enqueued jobs carry it on;
 * when it closes the span gets the route, status and tenant, and the request is counted and timed by route template.
 */
export function httpObservability(metrics: ApiMetrics) {
  return (req: ObservedRequest, res: Response, next: NextFunction) => {
    const started = performance.now();
    const server = startServerSpan(req);
    // 'close' comes for every request, also one whose client went away before the answer (counted as 499).
    res.once('close', () => {
      const route = routeTemplate(req);
      const status = res.writableFinished ? res.statusCode : 499;
      metrics.request(req.method, route, status, (performance.now() - started) / 1000);
      endServerSpan(server.span, req, route, status);
    });
    context.with(server.context, next);
  };
}
