import { sql, type TenantDb } from '@poa/db';
import { verifyWebhookSignature } from '@poa/sdk';
import { addStaff, signupAgency, startTestApi, type TestApi } from '../../apps/api/test/harness';
import { createCase, createClient, createContact, draftBody, expectStatus, transition } from '../../apps/api/src/cases/case-test-helpers';
import { waitFor } from '../../apps/worker/test/fixtures';
import { startReceiver } from '../../apps/worker/test/webhook-receiver';
import { startTestWorker, type TestWorker } from '../../apps/worker/test/test-worker';

const ALL_EVENTS = ['case.created', 'case.status_changed', 'draft.created', 'case.approved', 'pdf.ready', 'comment.created'];

describe('webhook deliveries: API + worker + a receiver on 127.0.0.1', () => {
  let api: TestApi;
  let testWorker: TestWorker;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let db: TenantDb;

  beforeAll(async () => {
    testWorker = await startTestWorker({
      OUTBOX_POLL_MS: '50',
      WEBHOOK_ALLOW_LOOPBACK: 'true',
      WEBHOOK_RETRY_BASE_MS: '300',
      WEBHOOK_RETRY_MAX_MS: '1000',
      WEBHOOK_MAX_ATTEMPTS: '4',
      // The default: a loaded CI machine can take seconds to answer on loopback, and no test here waits for a timeout.
      WEBHOOK_TIMEOUT_MS: '10000',
    });
    db = testWorker.db;
    receiver = await startReceiver();
    api = await startTestApi({ REDIS_URL: testWorker.redisUrl, DATA_DIR: testWorker.dataDir });
  }, 90_000);

  afterAll(async () => {
    await api?.close();
    await testWorker?.close();
    await receiver?.close();
  });

  async function agencyWithWebhook(path: string, events = ALL_EVENTS) {
    const owner = await signupAgency(api.http);
    const hook = await api.http.post('/api/v1/webhooks', { url: receiver.url(path), events }, owner.token);
    expectStatus(hook, 201);
    return { ...owner, webhookId: hook.body.id as string, secret: hook.body.secret as string };
  }

  const deliveriesOf = async (token: string, webhookId: string) =>
    (await api.http.get(`/api/v1/webhooks/${webhookId}/deliveries?limit=100`, token)).body.data as any[];

  it('delivers the events of a case in the order they happened, signed with the secret, to its own agency only', async () => {
    const a = await agencyWithWebhook('/a');
    const b = await agencyWithWebhook('/b');
    const reviewer = await addStaff(api.http, a.token, 'reviewer');
    const client = await createClient(api.http, a.token);
    const contact = await createContact(api.http, a.token, client.id);
    const kase = await createCase(api.http, a.token, client.id);
    expectStatus(await transition(api.http, a.token, kase.id, { action: 'start_drafting' }), 200);
    expectStatus(await api.http.post(`/api/v1/cases/${kase.id}/drafts`, draftBody(0), a.token), 201);
    expectStatus(
      await api.http.post(`/api/v1/cases/${kase.id}/comments`, { body: 'Shared with the client', visibility: 'shared' }, a.token),
      201,
    );
    expectStatus(await api.http.post(`/api/v1/cases/${kase.id}/comments`, { body: 'Internal note', visibility: 'internal' }, a.token), 201);
    expectStatus(await transition(api.http, a.token, kase.id, { action: 'submit_for_review' }), 200);
    expectStatus(await transition(api.http, reviewer.token, kase.id, { action: 'approve_internal' }), 200);
    expectStatus(
      await transition(api.http, reviewer.token, kase.id, {
        action: 'client_approve',
        contactId: contact.id,
        fullName: 'Jane Seller',
        note: 'By email',
      }),
      200,
    );
    const otherClient = await createClient(api.http, b.token);
    await createCase(api.http, b.token, otherClient.id);

    const expected = [
      'case.created',
      'case.status_changed',
      'draft.created',
      'comment.created',
      'case.status_changed',
      'case.status_changed',
      'case.status_changed',
      'case.approved',
      'pdf.ready',
    ];
    await waitFor(async () => receiver.at('/a').length >= expected.length, 45_000, 'the events of the case');
    const got = receiver.at('/a');
    expect(got.map((r) => r.body.type)).toEqual(expected);
    expect(got.map((r) => r.headers['x-poadesk-event'])).toEqual(expected);
    expect(got.slice(1, 7).map((r) => r.body.data.case.status)).toEqual([
      'drafting',
      'drafting',
      'drafting',
      'internal_review',
      'client_review',
      'approved',
    ]);
    expect(got[1].body.data).toMatchObject({ from: 'intake', to: 'drafting', action: 'start_drafting' });
    expect(got[3].body.data.comment.body).toBe('Shared with the client');
    expect(JSON.stringify(got)).not.toContain('Internal note');
    expect(got[8].body.data.pdf.pageCount).toBeGreaterThanOrEqual(1);
    for (const request of got) {
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.body).toMatchObject({ tenantId: a.tenant.id, data: { case: { id: kase.id, reference: kase.reference } } });
      expect(request.headers['x-poadesk-delivery']).toMatch(/^[0-9a-f-]{36}$/);
      expect(await verifyWebhookSignature(a.secret, request.headers['x-poadesk-signature'] as string, request.rawBody)).toBe(true);
      expect(await verifyWebhookSignature(b.secret, request.headers['x-poadesk-signature'] as string, request.rawBody)).toBe(false);
    }

    await waitFor(async () => receiver.at('/b').length >= 1, 15_000, "the other agency's event");
    expect(receiver.at('/b').every((r) => r.body.tenantId === b.tenant.id)).toBe(true);
    expect(receiver.at('/a').every((r) => r.body.tenantId === a.tenant.id)).toBe(true);

    const deliveries = await deliveriesOf(a.token, a.webhookId);
    expect(deliveries).toHaveLength(expected.length);
    expect(deliveries.every((d) => d.status === 'succeeded' && d.attempts.length === 1 && d.attempts[0].statusCode === 200)).toBe(true);
  }, 90_000);

  it('retries a failing receiver (500, 500, then 200) and holds back the next event until the first got through; redelivery works', async () => {
    const c = await agencyWithWebhook('/flaky', ['case.created', 'draft.created']);
    receiver.script('/flaky', [500, 500]);
    const client = await createClient(api.http, c.token);
    const kase = await createCase(api.http, c.token, client.id);
    expectStatus(await api.http.post(`/api/v1/cases/${kase.id}/drafts`, draftBody(0), c.token), 201);

    await waitFor(async () => receiver.at('/flaky').length >= 4, 20_000, 'three attempts and the next event');
    const got = receiver.at('/flaky');
    expect(got.map((r) => r.body.type)).toEqual(['case.created', 'case.created', 'case.created', 'draft.created']);
    expect(new Set(got.slice(0, 3).map((r) => r.headers['x-poadesk-delivery'])).size).toBe(1);
    expect(got[1].at - got[0].at).toBeGreaterThanOrEqual(250);

    const deliveries = await deliveriesOf(c.token, c.webhookId);
    const first = deliveries.find((d) => d.eventType === 'case.created');
    expect(first.status).toBe('succeeded');
    expect(first.attempts.map((x: any) => x.statusCode)).toEqual([500, 500, 200]);
    expect(first.attempts[0]).toMatchObject({ error: null, latencyMs: expect.any(Number), at: expect.any(String) });

    const redelivered = await api.http.post(`/api/v1/webhooks/${c.webhookId}/deliveries/${first.id}/redeliver`, {}, c.token);
    expectStatus(redelivered, 202);
    await waitFor(async () => receiver.at('/flaky').length >= 5, 10_000, 'the redelivery');
    const again = receiver.at('/flaky')[4];
    expect(again.headers['x-poadesk-delivery']).toBe(first.id);
    expect(again.rawBody).toBe(got[0].rawBody);
    expect(await verifyWebhookSignature(c.secret, again.headers['x-poadesk-signature'] as string, again.rawBody)).toBe(true);
    await waitFor(
      async () => (await deliveriesOf(c.token, c.webhookId)).find((d) => d.id === first.id).attempts.length === 4,
      5_000,
      'the logged redelivery',
    );
    expectStatus(
      await api.http.post(`/api/v1/webhooks/${c.webhookId}/deliveries/${first.id}/redeliver`, {}, (await signupAgency(api.http)).token),
      404,
    );
  }, 60_000);

  it('sends a signed webhook.test event to one endpoint on request, logged with its deliveries; another agency gets 404', async () => {
    const t = await agencyWithWebhook('/test-event', ['pdf.ready']);
    const other = await agencyWithWebhook('/test-other', ['pdf.ready']);
    const sent = await api.http.post(`/api/v1/webhooks/${t.webhookId}/test`, {}, t.token);
    expectStatus(sent, 202);
    expect(sent.body).toMatchObject({ webhookId: t.webhookId, eventType: 'webhook.test', status: 'pending', attempts: [] });

    await waitFor(async () => receiver.at('/test-event').length >= 1, 10_000, 'the test event');
    const [request] = receiver.at('/test-event');
    expect(request.headers['x-poadesk-event']).toBe('webhook.test');
    expect(request.headers['x-poadesk-delivery']).toBe(sent.body.id);
    expect(request.body).toMatchObject({
      type: 'webhook.test',
      tenantId: t.tenant.id,
      data: { webhook: { id: t.webhookId, url: receiver.url('/test-event') } },
    });
    expect(await verifyWebhookSignature(t.secret, request.headers['x-poadesk-signature'] as string, request.rawBody)).toBe(true);
    expect(await verifyWebhookSignature(other.secret, request.headers['x-poadesk-signature'] as string, request.rawBody)).toBe(false);

    const logged = await waitFor(
      async () => (await deliveriesOf(t.token, t.webhookId)).find((d) => d.id === sent.body.id && d.status === 'succeeded'),
      5_000,
      'the logged test delivery',
    );
    expect(logged.attempts.map((x: { statusCode: number | null }) => x.statusCode)).toEqual([200]);
    expect(logged.payload).toEqual(request.body);

    // Another agency cannot send to this endpoint, nor see the delivery; nothing else was sent anywhere.
    const refused = await api.http.post(`/api/v1/webhooks/${t.webhookId}/test`, {}, other.token);
    expectStatus(refused, 404);
    expect(await deliveriesOf(other.token, other.webhookId)).toEqual([]);
    expect(receiver.at('/test-other')).toHaveLength(0);
    expect(receiver.at('/test-event')).toHaveLength(1);

    // A disabled endpoint is refused: its deliveries would only wait.
    expectStatus(await api.http.patch(`/api/v1/webhooks/${t.webhookId}`, { enabled: false }, t.token), 200);
    const disabled = await api.http.post(`/api/v1/webhooks/${t.webhookId}/test`, {}, t.token);
    expectStatus(disabled, 409);
    expect(disabled.body.error.code).toBe('CONFLICT');
    expectStatus(await api.http.post('/api/v1/webhooks/not-a-uuid/test', {}, t.token), 400);
  }, 30_000);

  it('refuses a private target at send time, before any connection (e.g. after the address changed)', async () => {
    const e = await agencyWithWebhook('/e', ['case.created']);
    await db.transaction(
      (tx) => tx.query(`UPDATE webhooks SET url = 'http://169.254.169.254/latest/meta-data/' WHERE id = $1`, [e.webhookId]),
      { tenantId: e.tenant.id },
    );
    const client = await createClient(api.http, e.token);
    await createCase(api.http, e.token, client.id);
    const [delivery] = await waitFor(
      async () => {
        const list = await deliveriesOf(e.token, e.webhookId);
        return list[0]?.attempts.length >= 1 ? list : null;
      },
      10_000,
      'the refused attempt',
    );
    expect(delivery.attempts[0]).toMatchObject({
      statusCode: null,
      latencyMs: 0,
      error: expect.stringMatching(/^refused: 169.254.169.254/),
    });
    expect(receiver.at('/e')).toHaveLength(0);
  }, 30_000);

  it('disables an endpoint failing for a whole day and emails the agency owners and admins (through the outbox)', async () => {
    const d = await agencyWithWebhook('/down', ['case.created']);
    receiver.alwaysAnswer('/down', 503);
    await db.transaction((tx) => tx.query(`UPDATE webhooks SET failing_since = now() - interval '25 hours' WHERE id = $1`, [d.webhookId]), {
      tenantId: d.tenant.id,
    });
    const client = await createClient(api.http, d.token);
    await createCase(api.http, d.token, client.id);
    const hook = await waitFor(
      async () => {
        const res = await api.http.get(`/api/v1/webhooks/${d.webhookId}`, d.token);
        return res.body.enabled === false ? res.body : null;
      },
      10_000,
      'the endpoint to be disabled',
    );
    expect(hook.disabledReason).toMatch(/failed since/);
    const [delivery] = await deliveriesOf(d.token, d.webhookId);
    expect(delivery.status).toBe('failed');
    expect(delivery.attempts[0].statusCode).toBe(503);
    const emails = await db.read<{ payload: { to: string; subject: string } }>(
      sql`SELECT payload FROM outbox WHERE topic = 'email' AND job_id LIKE ${`webhook-disabled-${d.webhookId}-%`}`,
      { tenantId: d.tenant.id },
    );
    expect(emails.map((m) => m.payload.to)).toEqual([d.email]);
    expect(emails[0].payload.subject).toMatch(/disabled/);
  }, 30_000);
});
