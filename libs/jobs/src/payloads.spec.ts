import { InvalidJobPayloadError, parseJobPayload, QUEUES } from './payloads';

const tenantId = '0b7e7a1c-3f55-4d0f-9a8e-2f4f7f8e0c11';
const anId = 'c2d5e0a4-7d1b-4a3e-8f7c-5b9a1e2d3f40';

describe('job payload schemas', () => {
  it('accepts the payloads the API and the worker write', () => {
    const pdf = { tenantId, caseId: anId, draftVersionId: anId, kind: 'final', variant: 'amazon' };
    expect(parseJobPayload(QUEUES.pdfRender, pdf)).toEqual(pdf);
    // A job written before variants existed is a standard render.
    expect(parseJobPayload(QUEUES.pdfRender, { ...pdf, variant: undefined })).toEqual({ ...pdf, variant: 'standard' });
    const webhook = { tenantId, eventId: anId, type: 'pdf.ready', webhookId: anId, deliveryId: anId, attempt: 2, redelivery: true };
    expect(parseJobPayload(QUEUES.webhookDelivery, webhook)).toEqual(webhook);
    const email = {
      tenantId,
      to: 'clara@example.test',
      subject: 'Please review',
      text: 'Hello',
      html: '<p>Hello</p>',
      notBefore: new Date().toISOString(),
      onlyIf: { caseId: anId, status: 'client_review', latestVersion: 1 },
    };
    expect(parseJobPayload(QUEUES.email, email)).toEqual(email);
    expect(parseJobPayload(QUEUES.email, { tenantId, to: 'clara@example.test', subject: 'S', text: '' })).toEqual({
      tenantId,
      to: 'clara@example.test',
      subject: 'S',
      text: '',
    });
  });

  it('drops fields a payload does not declare', () => {
    expect(parseJobPayload(QUEUES.pdfRender, { tenantId, caseId: anId, draftVersionId: anId, kind: 'preview', extra: 1 })).toEqual({
      tenantId,
      caseId: anId,
      draftVersionId: anId,
      kind: 'preview',
      variant: 'standard',
    });
  });

  it.each([
    [QUEUES.pdfRender, { tenantId, draftVersionId: anId, kind: 'final' }, /caseId/],
    [QUEUES.pdfRender, { tenantId, caseId: anId, draftVersionId: anId, kind: 'poster' }, /kind/],
    [QUEUES.pdfRender, { tenantId: 'acme', caseId: anId, draftVersionId: anId, kind: 'final' }, /tenantId/],
    [QUEUES.webhookDelivery, { tenantId, eventId: anId, type: 'case.created', webhookId: anId, deliveryId: anId, attempt: -1 }, /attempt/],
    [
      QUEUES.webhookDelivery,
      { tenantId, eventId: anId, type: 'case.created', webhookId: anId, deliveryId: anId, attempt: 0, redelivery: 'yes' },
      /redelivery/,
    ],
    [QUEUES.webhookDelivery, { tenantId, eventId: anId, type: '', webhookId: anId, deliveryId: anId, attempt: 0 }, /type/],
    [QUEUES.email, { tenantId, to: 'clara@example.test', text: 'Hello' }, /subject/],
    [QUEUES.email, { tenantId, to: 'not an address', subject: 'S', text: 'Hello' }, /to/],
    [QUEUES.email, { tenantId, to: 'clara@example.test', subject: 'S', text: 'Hello', notBefore: 'tomorrow' }, /notBefore/],
    [
      QUEUES.email,
      { tenantId, to: 'clara@example.test', subject: 'S', text: 'Hello', onlyIf: { caseId: anId, status: 'client_review' } },
      /onlyIf\.latestVersion/,
    ],
    [QUEUES.email, null, /payload/],
  ] as const)('refuses a malformed %s payload, naming the field', (queue, payload, field) => {
    expect(() => parseJobPayload(queue, payload)).toThrow(InvalidJobPayloadError);
    expect(() => parseJobPayload(queue, payload)).toThrow(new RegExp(`^Malformed ${queue} job payload: (.*; )?${field.source}: `));
  });
});
