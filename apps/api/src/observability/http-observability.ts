import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { TENANT_ATTRIBUTE, tracer } from '@poa/telemetry';
import type { NextFunction, Request, Response } from 'express';
import { performance } from 'node:perf_hooks';
import type { ApiMetrics } from './api-metrics';

type ObservedRequest = Request & { id?: string | number; tenantId?: string; traceId?: string };

/** The route template Express matched ("/api/v1/cases/:id"); "unmatched" otherwise, so a path never becomes a label. */
export function routeTemplate(req: Request): string {
  const path: unknown = req.route?.path;
  return typeof path === 'string' ? `${req.baseUrl ?? ''}${path}` : 'unmatched';
}

/**
 * First middleware: a server span per request (continuing an incoming `traceparent`), active while the request is
 * handled so enqueued jobs carry it on; when it closes the span gets the route, status and tenant, and the request is
 * counted and timed by route template.
 */
export function httpObservability(metrics: ApiMetrics) {
  return (req: ObservedRequest, res: Response, next: NextFunction) => {
    const started = performance.now();
    const parent = propagation.extract(context.active(), req.headers);
    const span = tracer().startSpan(req.method, { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method } }, parent);
    if (span.isRecording()) req.traceId = span.spanContext().traceId;
    // 'close' comes for every request, also one whose client went away before the answer (counted as 499).
    res.once('close', () => {
      const route = routeTemplate(req);
      const status = res.writableFinished ? res.statusCode : 499;
      metrics.request(req.method, route, status, (performance.now() - started) / 1000);
      span.updateName(`${req.method} ${route}`);
      span.setAttribute('http.route', route);
      span.setAttribute('http.response.status_code', status);
      if (req.tenantId) span.setAttribute(TENANT_ATTRIBUTE, req.tenantId);
      if (req.id !== undefined) span.setAttribute('poa.request_id', String(req.id));
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}
