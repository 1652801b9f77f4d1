/**
 * Job contracts shared by the API (which writes them to the outbox) and the worker (which runs them).
 * The outbox topic is the BullMQ queue name; the job id is deterministic so a message relayed twice runs once.
 */
export const QUEUES = {
  pdfRender: 'pdf-render',
  webhookDelivery: 'webhook-delivery',
  email: 'email',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface PdfRenderJob {
  tenantId: string;
  caseId: string;
  draftVersionId: string;
  kind: 'final' | 'preview';
}

export interface WebhookEventJob {
  tenantId: string;
  eventId: string;
  type: string;
}

export interface EmailJob {
  tenantId: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface JobPayloads {
  'pdf-render': PdfRenderJob;
  'webhook-delivery': WebhookEventJob;
  email: EmailJob;
}

export const pdfRenderJobId = (job: Pick<PdfRenderJob, 'draftVersionId' | 'kind'>) => `render-${job.kind}-${job.draftVersionId}`;
