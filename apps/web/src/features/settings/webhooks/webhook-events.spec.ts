import { describeAttempt, WEBHOOK_EVENTS, webhookState } from './webhook-events';

describe('webhook helpers', () => {
  it('lists every event type once', () => {
    expect(WEBHOOK_EVENTS).toEqual([
      'case.created',
      'case.status_changed',
      'draft.created',
      'case.approved',
      'pdf.ready',
      'comment.created',
    ]);
  });

  it('names the state of an endpoint', () => {
    expect(webhookState({ enabled: true, failingSince: null })).toBe('active');
    expect(webhookState({ enabled: true, failingSince: '2026-03-01T00:00:00Z' })).toBe('failing');
    expect(webhookState({ enabled: false, failingSince: '2026-03-01T00:00:00Z' })).toBe('disabled');
  });

  it('describes an attempt by status code, latency and error', () => {
    expect(describeAttempt({ at: '2026-03-01T00:00:00Z', statusCode: 204, latencyMs: 35, error: null })).toBe('HTTP 204 in 35 ms');
    expect(describeAttempt({ at: '2026-03-01T00:00:00Z', statusCode: null, latencyMs: 10000, error: 'timeout' })).toBe(
      'no answer in 10000 ms · timeout',
    );
  });
});
