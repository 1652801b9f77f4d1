import { createPoaClient, IdempotencyKeyReusedError } from '../src';

const answer = (status: number, body: unknown) => async () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const caseBody = {
  clientId: '0b6f3e1c-5d2a-4c8e-9f10-2a3b4c5d6e7f',
  title: 'Listing removed',
  violationType: 'product_authenticity',
  marketplace: 'US',
  noticeText: '',
  noticeReceivedAt: '2026-11-02T09:30:00.000Z',
} as const;

describe('IDEMPOTENCY_KEY_REUSED in the SDK', () => {
  it('rejects with an IdempotencyKeyReusedError naming the stored request and this one', async () => {
    const poa = createPoaClient({
      baseUrl: 'http://poa.test',
      fetch: answer(422, {
        error: {
          code: 'IDEMPOTENCY_KEY_REUSED',
          message: 'This Idempotency-Key was used with a different request',
          details: { method: 'POST', path: '/api/v1/cases', at: '2026-11-29T13:40:00.000Z' },
          requestId: 'req-1',
        },
      }),
    });
    const call = poa.POST('/api/v1/cases', { headers: { 'Idempotency-Key': 'crm-ticket-77' }, body: caseBody });
    const error = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdempotencyKeyReusedError);
    const reused = error as IdempotencyKeyReusedError;
    expect(reused).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      key: 'crm-ticket-77',
      request: { method: 'POST', path: '/api/v1/cases' },
      stored: { method: 'POST', path: '/api/v1/cases', at: '2026-11-29T13:40:00.000Z' },
      requestId: 'req-1',
    });
    expect(reused.message).toContain(
      '"crm-ticket-77" was already used with a different request (POST /api/v1/cases at 2026-11-29T13:40:00.000Z)',
    );
  });

  it('still names the key when the API did not store the first request (stored: null)', async () => {
    const poa = createPoaClient({
      baseUrl: 'http://poa.test',
      fetch: answer(422, { error: { code: 'IDEMPOTENCY_KEY_REUSED', message: 'x' } }),
    });
    const error = await poa.POST('/api/v1/cases', { headers: { 'Idempotency-Key': 'k1' }, body: caseBody }).catch((e: unknown) => e);
    expect(error).toMatchObject({ key: 'k1', stored: null });
  });

  it('leaves other failures in `error`, including a 422 of another code', async () => {
    const poa = createPoaClient({ baseUrl: 'http://poa.test', fetch: answer(422, { error: { code: 'VALIDATION_FAILED', message: 'x' } }) });
    const { error, response } = await poa.POST('/api/v1/cases', { headers: { 'Idempotency-Key': 'k2' }, body: caseBody });
    expect(response.status).toBe(422);
    expect(error).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });
});
