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

/** One delivery of one event to one endpoint (fanned out in the transaction of the change; see ./webhooks). */
export interface WebhookEventJob {
  tenantId: string;
  eventId: string;
  type: string;
  webhookId: string;
  deliveryId: string;
  /** The scheduled attempt this job makes (webhook_deliveries.retry_count when it was queued); ignored for a redelivery. */
  attempt: number;
  /** A manual redelivery: one attempt now, outside the endpoint's queue. */
  redelivery?: boolean;
}

export interface EmailJob {
  tenantId: string;
  to: string;
  subject: string;
  /** Always present: every email has a plain-text part. The worker adds the agency's branded HTML part. */
  text: string;
  /** Optional HTML body; it is wrapped in the agency's branded layout (the text is used when absent). */
  html?: string;
  /** Send no earlier than this ISO time: the worker keeps the job delayed in BullMQ until then (reminders). */
  notBefore?: string;
  /** Send only if the case is still in this status at this draft version when the job runs; skipped otherwise. */
  onlyIf?: { caseId: string; status: string; latestVersion: number };
}

/** An email job id unique per outbox message (the outbox relays each message once; the id dedupes a re-relay). */
export const emailJobId = (kind: string, unique: string) => `email-${kind}-${unique}`;

export interface JobPayloads {
  'pdf-render': PdfRenderJob;
  'webhook-delivery': WebhookEventJob;
  email: EmailJob;
}

export const pdfRenderJobId = (job: Pick<PdfRenderJob, 'draftVersionId' | 'kind'>) => `render-${job.kind}-${job.draftVersionId}`;

export * from './mail-folder';
export * from './webhooks';
export * from './webhook-target';
