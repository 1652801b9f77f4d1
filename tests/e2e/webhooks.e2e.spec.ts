/**
 * Webhooks against the running product (API + worker, started with WEBHOOK_ALLOW_LOOPBACK=true): a receiver on
 * 127.0.0.1 gets the events of a case in the order they happened, signed with the endpoint's secret; and an
 * Idempotency-Key makes a retried POST create one case. The retry schedule is the default (30 s first), so
 * failures and retries are left to the integration tests.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { verifyWebhookSignature } from '@poa/sdk';

const baseUrl = (process.env.E2E_BASE_URL ?? '').replace(/\/$/, '');
if (!baseUrl) throw new Error('E2E_BASE_URL is not set: run the e2e tier (bash scripts/test --tier e2e)');

jest.setTimeout(120_000);

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const received: { headers: IncomingHttpHeaders; rawBody: string }[] = [];
let server: Server;
let hookUrl: string;

async function call(method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

async function expectOk<T extends { status: number; body: unknown }>(res: Promise<T>, status: number): Promise<T> {
  const r = await res;
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r;
}

async function waitFor(check: () => boolean, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let rawBody = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (rawBody += c));
    req.on('end', () => {
      received.push({ headers: req.headers, rawBody });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/poa`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

it('delivers the events of a case in order, signed, and an Idempotency-Key creates one case', async () => {
  const signup = await expectOk(
    call('POST', '/api/v1/auth/signup', undefined, {
      agencyName: `Webhook Agency ${run}`,
      name: 'Owner',
      email: `owner-${run}@e2e.test`,
      password: 'correct horse battery',
    }),
    201,
  );
  const token = signup.body.accessToken as string;
  const hook = await expectOk(
    call('POST', '/api/v1/webhooks', token, { url: hookUrl, events: ['case.created', 'case.status_changed', 'draft.created'] }),
    201,
  );
  const client = await expectOk(
    call('POST', '/api/v1/clients', token, { name: 'E2E Seller', sellerId: 'A1E2E', marketplaces: ['US'] }),
    201,
  );

  const caseBody = {
    clientId: client.body.id,
    title: 'Inauthentic complaint',
    violationType: 'product_authenticity',
    marketplace: 'US',
    asins: ['B00E2E0001'],
    noticeText: 'Customers reported inauthentic items.',
    noticeReceivedAt: new Date().toISOString(),
  };
  const first = await expectOk(call('POST', '/api/v1/cases', token, caseBody, { 'Idempotency-Key': `e2e-${run}` }), 201);
  const again = await expectOk(call('POST', '/api/v1/cases', token, caseBody, { 'Idempotency-Key': `e2e-${run}` }), 201);
  expect(again.body.id).toBe(first.body.id);
  expect(again.headers.get('idempotent-replayed')).toBe('true');
  expect((await call('POST', '/api/v1/cases', token, { ...caseBody, title: 'Other' }, { 'Idempotency-Key': `e2e-${run}` })).status).toBe(
    422,
  );
  const cases = await expectOk(call('GET', `/api/v1/cases?clientId=${client.body.id}`, token), 200);
  expect(cases.body.data).toHaveLength(1);

  const caseId = first.body.id as string;
  await expectOk(call('POST', `/api/v1/cases/${caseId}/transitions`, token, { action: 'start_drafting' }), 200);
  await expectOk(
    call('POST', `/api/v1/cases/${caseId}/drafts`, token, {
      baseVersion: 0,
      summary: 'Summary',
      rootCauses: [{ text: 'Root cause.' }],
      correctiveActions: [{ text: 'Corrective action.', completedAt: '2026-11-21' }],
      preventiveMeasures: [{ text: 'Preventive measure.', owner: 'Ops', startDate: '2026-11-22', frequency: 'weekly' }],
      supportingDocuments: [],
    }),
    201,
  );
  await expectOk(call('POST', `/api/v1/cases/${caseId}/transitions`, token, { action: 'submit_for_review' }), 200);

  const expected = ['case.created', 'case.status_changed', 'draft.created', 'case.status_changed'];
  await waitFor(() => received.length >= expected.length, 60_000, 'four webhook deliveries');
  const events = received.map((r) => JSON.parse(r.rawBody) as { type: string; tenantId: string; data: { case: { id: string } } });
  expect(events.map((e) => e.type)).toEqual(expected);
  expect(events.every((e) => e.data.case.id === caseId && e.tenantId === signup.body.tenant.id)).toBe(true);
  for (const r of received) {
    expect(await verifyWebhookSignature(hook.body.secret, r.headers['x-poadesk-signature'] as string, r.rawBody)).toBe(true);
  }
  const deliveries = await expectOk(call('GET', `/api/v1/webhooks/${hook.body.id}/deliveries`, token), 200);
  expect(deliveries.body.data).toHaveLength(expected.length);
  expect(deliveries.body.data.every((d: { status: string }) => d.status === 'succeeded')).toBe(true);
});
