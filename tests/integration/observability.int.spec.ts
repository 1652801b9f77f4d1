import { freePort } from '@poa/services';
import { startTracing, stopTracing, TENANT_ATTRIBUTE } from '@poa/telemetry';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { FastCaseReads } from '../../apps/api/src/fast-reads/fast-case-reads';
import { addStaff, signupAgency, startTestApi, type TestApi } from '../../apps/api/test/harness';
import { createCase, createClient, createContact, draftBody, expectStatus, transition } from '../../apps/api/src/cases/case-test-helpers';
import { waitFor } from '../../apps/worker/test/fixtures';
import { startTestWorker, type TestWorker } from '../../apps/worker/test/test-worker';

const METRICS_TOKEN = 'metrics-token-for-the-test-0123';

/** API and worker in this process, tracing into memory: one approval followed from the HTTP request to the PDF. */
describe('observability: traces API -> outbox -> worker job -> PDF render, metrics on private ports', () => {
  const spans = new InMemorySpanExporter();
  let api: TestApi;
  let testWorker: TestWorker;
  let apiMetricsPort: number;
  let workerHealthPort: number;
  let approved: { tenantId: string; caseId: string; email: string; token: string };

  beforeAll(async () => {
    expect(startTracing('poa-desk-test', { exporter: spans })).toBe(true);
    workerHealthPort = await freePort();
    // A database of its own: no other suite's worker relays this suite's outbox rows (their spans would be elsewhere).
    testWorker = await startTestWorker(
      { OUTBOX_POLL_MS: '50', WORKER_HEALTH_PORT: String(workerHealthPort), METRICS_TOKEN },
      { privateDatabase: true },
    );
    apiMetricsPort = await freePort();
    api = await startTestApi({
      DATABASE_URL: testWorker.appUrl,
      REDIS_URL: testWorker.redisUrl,
      DATA_DIR: testWorker.dataDir,
      METRICS_PORT: String(apiMetricsPort),
      METRICS_TOKEN,
    });

    const owner = await signupAgency(api.http);
    const reviewer = await addStaff(api.http, owner.token, 'reviewer');
    const client = await createClient(api.http, owner.token);
    const contact = await createContact(api.http, owner.token, client.id);
    const kase = await createCase(api.http, owner.token, client.id);
    expectStatus(await transition(api.http, owner.token, kase.id, { action: 'start_drafting' }), 200);
    expectStatus(await api.http.post(`/api/v1/cases/${kase.id}/drafts`, draftBody(0), owner.token), 201);
    expectStatus(await transition(api.http, owner.token, kase.id, { action: 'submit_for_review' }), 200);
    expectStatus(await transition(api.http, reviewer.token, kase.id, { action: 'approve_internal' }), 200);
    expectStatus(
      await transition(api.http, reviewer.token, kase.id, {
        action: 'client_approve',
        contactId: contact.id,
        fullName: 'Jane Seller',
        note: 'Approved by email',
      }),
      200,
    );
    await waitFor(async () => (await api.http.get(`/api/v1/cases/${kase.id}/pdf`, owner.token)).status === 200, 60_000, 'the PDF');
    approved = { tenantId: owner.tenant.id as string, caseId: kase.id as string, email: owner.email as string, token: owner.token };
  }, 150_000);

  afterAll(async () => {
    await api?.close();
    await testWorker?.close();
    await stopTracing();
  });

  const named = (name: string) => spans.getFinishedSpans().filter((s) => s.name === name);

  it('one trace runs from the approving request through the outbox relay and the job to the render, the tenant on each span', async () => {
    const render = await waitFor(async () => named('pdf render')[0], 10_000, 'the render span');
    const trace = spans.getFinishedSpans().filter((s) => s.spanContext().traceId === render.spanContext().traceId);
    const request = trace.find((s) => s.name === 'POST /api/v1/cases/:id/transitions');
    const publish = trace.find((s) => s.name === 'pdf-render publish');
    const job = trace.find((s) => s.name === 'pdf-render process');
    expect([request, publish, job].map((s) => s?.name)).toEqual([
      'POST /api/v1/cases/:id/transitions',
      'pdf-render publish',
      'pdf-render process',
    ]);
    const parentOf = (s: ReadableSpan) => s.parentSpanContext?.spanId;
    expect(parentOf(publish!)).toBe(request!.spanContext().spanId);
    expect(parentOf(job!)).toBe(publish!.spanContext().spanId);
    expect(parentOf(render)).toBe(job!.spanContext().spanId);
    for (const span of [request!, publish!, job!, render]) expect(span.attributes[TENANT_ATTRIBUTE]).toBe(approved.tenantId);
    expect(request!.attributes['http.response.status_code']).toBe(200);
  });

  it("the hot case reads, answered in front of Express, have their server span too, continuing the caller's trace", async () => {
    const fast = api.app.get(FastCaseReads);
    const servedBefore = fast.served;
    const callerTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
    const traceparent = `00-${callerTrace}-00f067aa0ba902b7-01`;
    for (const path of ['/api/v1/cases?limit=5', `/api/v1/cases/${approved.caseId}`])
      expectStatus(await api.http.request('GET', path, { token: approved.token, headers: { traceparent } }), 200);
    expect(fast.served - servedBefore).toBe(2);

    const spanOf = (name: string) => waitFor(async () => named(name).find((s) => s.spanContext().traceId === callerTrace), 5_000, name);
    for (const [name, route] of [
      ['GET /api/v1/cases', '/api/v1/cases'],
      ['GET /api/v1/cases/:id', '/api/v1/cases/:id'],
    ]) {
      const span = await spanOf(name);
      expect(span.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
      expect(span.attributes).toMatchObject({
        'http.route': route,
        'http.response.status_code': 200,
        [TENANT_ATTRIBUTE]: approved.tenantId,
        'poa.request_id': expect.any(String),
      });
    }
  });

  it("the API's metrics are on the private port only, behind the token, by route template, with no tenant data", async () => {
    const url = `http://127.0.0.1:${apiMetricsPort}/metrics`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: 'Bearer wrong-token-wrong-token-00' } })).status).toBe(401);
    const res = await fetch(url, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toMatch(/^poa_http_requests_total\{method="POST",route="\/api\/v1\/cases\/:id\/transitions",status="200"\} [1-9]/m);
    expect(body).toMatch(/^poa_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/cases\/:id\/pdf",status="200"\} [1-9]/m);
    expect(body).toMatch(/^poa_db_pool_connections\{state="total"\} \d+/m);
    expect(body).toMatch(/^poa_redis_commands_total\{command="[a-z]+"\} [1-9]/m);
    for (const secret of [approved.tenantId, approved.caseId, approved.email]) expect(body).not.toContain(secret);

    const publicPort = await api.http.get('/metrics');
    expect(String(publicPort.body)).not.toContain('poa_http_requests_total');
  });

  it("the worker's metrics: job time by queue, queue depth, outbox lag, no tenant data", async () => {
    const url = `http://127.0.0.1:${workerHealthPort}/metrics`;
    expect((await fetch(url)).status).toBe(401);
    const body = await (await fetch(url, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    expect(body).toMatch(/^poa_job_duration_seconds_count\{queue="pdf-render",result="completed"\} [1-9]/m);
    expect(body).toMatch(/^poa_pdf_renders_total\{result="succeeded"\} [1-9]/m);
    expect(body).toMatch(/^poa_queue_depth\{queue="pdf-render",state="waiting"\} \d+/m);
    expect(body).toMatch(/^poa_outbox_lag_seconds \d/m);
    expect(body).toMatch(/^poa_outbox_relayed_total [1-9]/m);
    for (const secret of [approved.tenantId, approved.caseId, approved.email]) expect(body).not.toContain(secret);
    const live = await fetch(`http://127.0.0.1:${workerHealthPort}/health/live`);
    expect(live.status).toBe(200);
  });
});
