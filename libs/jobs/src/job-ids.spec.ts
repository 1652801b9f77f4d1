import { emailJobId, jobIdOf, pdfRenderJobId, webhookDeliveryJobId } from './job-ids';
import { QUEUES } from './payloads';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const version = '11111111-1111-4111-8111-111111111111';
const delivery = '22222222-2222-4222-8222-222222222222';
const other = '33333333-3333-4333-8333-333333333333';

describe('job ids', () => {
  it('names a render by kind and version, and a repeat by why it is queued again', () => {
    expect(pdfRenderJobId({ draftVersionId: version, kind: 'final' })).toBe(`render-final-${version}`);
    expect(pdfRenderJobId({ draftVersionId: version, kind: 'preview' })).toBe(`render-preview-${version}`);
    // Standard renders keep their ids; the other variants of a version get their own.
    expect(pdfRenderJobId({ draftVersionId: version, kind: 'final', variant: 'standard' })).toBe(`render-final-${version}`);
    expect(pdfRenderJobId({ draftVersionId: version, kind: 'final', variant: 'amazon' })).toBe(`render-final-amazon-${version}`);
    expect(
      pdfRenderJobId({ draftVersionId: version, kind: 'final', variant: 'certificate' }, { reason: 'reapproval', approvalId: other }),
    ).toBe(`render-final-certificate-${version}-${other}`);
    expect(pdfRenderJobId({ draftVersionId: version, kind: 'final' }, { reason: 'reapproval', approvalId: other })).toBe(
      `render-final-${version}-${other}`,
    );
    expect(pdfRenderJobId({ draftVersionId: version, kind: 'final' }, { reason: 'retry', attempts: 4 })).toBe(
      `render-final-${version}-retry-4`,
    );
    const rerender = pdfRenderJobId({ draftVersionId: version, kind: 'preview' }, { reason: 'rerender' });
    expect(rerender).toMatch(new RegExp(`^render-preview-${version}-rerender-${UUID}$`));
    expect(pdfRenderJobId({ draftVersionId: version, kind: 'preview' }, { reason: 'rerender' })).not.toBe(rerender);
  });

  it('names a webhook delivery by its id, and a repeat by why it is queued again', () => {
    expect(webhookDeliveryJobId(delivery)).toBe(`webhook-${delivery}`);
    expect(webhookDeliveryJobId(delivery, { reason: 'retry', retries: 2 })).toBe(`webhook-${delivery}-retry-2`);
    expect(webhookDeliveryJobId(delivery, { reason: 'next', after: other, attempts: 3 })).toBe(`webhook-${delivery}-after-${other}-3`);
    expect(webhookDeliveryJobId(delivery, { reason: 'resume' })).toMatch(new RegExp(`^webhook-${delivery}-resume-${UUID}$`));
    expect(webhookDeliveryJobId(delivery, { reason: 'redeliver' })).toMatch(new RegExp(`^webhook-${delivery}-redeliver-${UUID}$`));
    expect(webhookDeliveryJobId(delivery, { reason: 'redeliver' })).not.toBe(webhookDeliveryJobId(delivery, { reason: 'redeliver' }));
  });

  it('gives every API email an id of its own, and the disabled-endpoint email one per endpoint, outage and person', () => {
    for (const kind of ['review', 'reminder', 'approved', 'changes', 'login'] as const) {
      expect(emailJobId({ kind })).toMatch(new RegExp(`^email-${kind}-${UUID}$`));
    }
    expect(emailJobId({ kind: 'login' })).not.toBe(emailJobId({ kind: 'login' }));
    const failingSince = new Date('2026-03-01T10:00:00.000Z');
    const disabled = { kind: 'webhook-disabled', webhookId: delivery, failingSince, userId: other } as const;
    expect(emailJobId(disabled)).toBe(`webhook-disabled-${delivery}-${failingSince.getTime()}-${other}`);
    expect(emailJobId(disabled)).toBe(emailJobId(disabled));
  });

  it('builds the id of an outbox job from its queue, payload and repeat', () => {
    const tenantId = other;
    expect(jobIdOf({ queue: QUEUES.pdfRender, payload: { tenantId, caseId: other, draftVersionId: version, kind: 'final' } })).toBe(
      `render-final-${version}`,
    );
    expect(
      jobIdOf({
        queue: QUEUES.pdfRender,
        payload: { tenantId, caseId: other, draftVersionId: version, kind: 'final' },
        repeat: { reason: 'retry', attempts: 1 },
      }),
    ).toBe(`render-final-${version}-retry-1`);
    const webhookJob = { tenantId, eventId: other, type: 'case.created', webhookId: other, deliveryId: delivery, attempt: 0 };
    expect(jobIdOf({ queue: QUEUES.webhookDelivery, payload: webhookJob })).toBe(`webhook-${delivery}`);
    expect(jobIdOf({ queue: QUEUES.webhookDelivery, payload: webhookJob, repeat: { reason: 'retry', retries: 1 } })).toBe(
      `webhook-${delivery}-retry-1`,
    );
    expect(
      jobIdOf({ queue: QUEUES.email, payload: { tenantId, to: 'a@example.test', subject: 'S', text: 'T' }, occasion: { kind: 'review' } }),
    ).toMatch(new RegExp(`^email-review-${UUID}$`));
  });
});
