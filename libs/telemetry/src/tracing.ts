import { context, propagation, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/** The attribute that carries the tenant on spans (never a metric label: one series per agency would not scale). */
export const TENANT_ATTRIBUTE = 'poa.tenant_id';

let provider: NodeTracerProvider | null = null;

/**
 * Starts exporting traces over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set (the exporter reads the standard
 * OTEL_EXPORTER_OTLP_* variables itself); without it nothing is registered and every span is a no-op. `exporter`
 * replaces OTLP (tests use an in-memory one). Returns whether tracing is on.
 */
export function startTracing(serviceName: string, opts: { env?: NodeJS.ProcessEnv; exporter?: SpanExporter } = {}): boolean {
  const env = opts.env ?? process.env;
  if (provider) return true;
  if (!opts.exporter && !env.OTEL_EXPORTER_OTLP_ENDPOINT) return false;
  const processor = opts.exporter ? new SimpleSpanProcessor(opts.exporter) : new BatchSpanProcessor(new OTLPTraceExporter());
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME ?? serviceName }),
    spanProcessors: [processor],
  });
  // The AsyncLocalStorage context manager and the W3C trace-context propagator.
  provider.register();
  return true;
}

/** Whether startTracing registered a provider (spans are recorded and exported). */
export const isTracing = (): boolean => provider !== null;

/** Sends the spans still buffered and stops tracing (on shutdown). */
export async function stopTracing(): Promise<void> {
  const current = provider;
  provider = null;
  if (!current) return;
  await current.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
}

export const tracer = () => trace.getTracer('poa-desk');

/** The W3C `traceparent` of the active span, to carry across the outbox and the queue; null when not tracing. */
export function currentTraceparent(ctx: Context = context.active()): string | null {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return carrier.traceparent ?? null;
}

/** The context a stored `traceparent` continues (the active one when there is none). */
export function contextFromTraceparent(traceparent: string | null | undefined): Context {
  if (!traceparent) return context.active();
  return propagation.extract(context.active(), { traceparent });
}

/**
 * Runs `fn` inside a new span (child of `parent`, else of the active span): the span ends when `fn` settles and
 * records its error, unless `notAnError` says the throw is a normal outcome (e.g. BullMQ's DelayedError).
 * Attributes with an undefined value are left out.
 */
export async function inSpan<T>(
  name: string,
  options: {
    kind?: SpanKind;
    attributes?: Record<string, string | number | boolean | undefined>;
    parent?: Context;
    notAnError?: (error: unknown) => boolean;
  },
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  const attributes = Object.fromEntries(Object.entries(options.attributes ?? {}).filter(([, v]) => v !== undefined)) as Attributes;
  return tracer().startActiveSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, attributes },
    options.parent ?? context.active(),
    async (span) => {
      try {
        return await fn(span);
      } catch (error) {
        if (options.notAnError?.(error)) throw error;
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** The trace id of the active span, for log lines (undefined when not tracing). */
export function activeTraceId(): string | undefined {
  const span = trace.getActiveSpan();
  const id = span?.spanContext().traceId;
  return id && span?.isRecording() ? id : undefined;
}

export { SpanKind };
