import { context } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { contextFromTraceparent, currentTraceparent, inSpan, startTracing, stopTracing } from './tracing';

describe('tracing', () => {
  afterEach(() => stopTracing());

  it('is off without OTEL_EXPORTER_OTLP_ENDPOINT: spans are no-ops and no traceparent is written', async () => {
    expect(startTracing('test', { env: {} })).toBe(false);
    const seen = await inSpan('work', {}, async (span) => {
      expect(span.isRecording()).toBe(false);
      return currentTraceparent();
    });
    expect(seen).toBeNull();
  });

  it('turns on with the endpoint set', () => {
    expect(startTracing('test', { env: { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' } })).toBe(true);
  });

  it('carries a trace across a stored traceparent, and records a failing span as an error', async () => {
    const spans = new InMemorySpanExporter();
    startTracing('test', { exporter: spans });
    const traceparent = await inSpan('request', {}, async () => currentTraceparent());
    expect(traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    await expect(
      inSpan('job', { parent: contextFromTraceparent(traceparent), attributes: { skipped: undefined, queue: 'q' } }, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const [request, job] = spans.getFinishedSpans();
    expect(job.spanContext().traceId).toBe(request.spanContext().traceId);
    expect(job.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
    expect(job.attributes).toEqual({ queue: 'q' });
    expect(job.status.code).toBe(2);
    expect(contextFromTraceparent(null)).toBe(context.active());
  });

  it('leaves a throw that is a normal outcome unmarked', async () => {
    const spans = new InMemorySpanExporter();
    startTracing('test', { exporter: spans });
    class Later extends Error {}
    await expect(
      inSpan('job', { notAnError: (e) => e instanceof Later }, async () => {
        throw new Later('not yet');
      }),
    ).rejects.toThrow('not yet');
    expect(spans.getFinishedSpans()[0].status.code).toBe(0);
  });
});
