import { z } from 'zod';

/** The outbox topic is the BullMQ queue name. */
export const QUEUES = {
  pdfRender: 'pdf-render',
  webhookDelivery: 'webhook-delivery',
  email: 'email',
  tenantExport: 'tenant-export',
  safetyNetRender: 'safety-net-render',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

// Any 8-4-4-4-12 hex id, as TenantDb accepts tenant ids (no RFC version check).
const id = z.guid();

export const PdfRenderJobSchema = z.object({
  tenantId: id,
  caseId: id,
  draftVersionId: id,
  kind: z.enum(['final', 'preview']),
  /** Which document of the version: absent in jobs written before variants existed, which were all standard. */
  variant: z.enum(['standard', 'amazon', 'certificate']).default('standard'),
});
export type PdfRenderJob = z.infer<typeof PdfRenderJobSchema>;
export type PdfVariant = PdfRenderJob['variant'];
export const PDF_VARIANTS = PdfRenderJobSchema.shape.variant.removeDefault().options;

/** One delivery of one event to one endpoint (fanned out in the transaction of the change; see ./webhooks). */
export const WebhookEventJobSchema = z.object({
  tenantId: id,
  eventId: id,
  type: z.string().min(1),
  webhookId: id,
  deliveryId: id,
  /** The scheduled attempt this job makes (webhook_deliveries.retry_count when it was queued); ignored for a redelivery. */
  attempt: z.number().int().nonnegative(),
  /** A manual redelivery: one attempt now, outside the endpoint's queue. */
  redelivery: z.boolean().optional(),
});
export type WebhookEventJob = z.infer<typeof WebhookEventJobSchema>;

export const EmailJobSchema = z.object({
  tenantId: id,
  to: z.email(),
  subject: z.string().min(1),
  /** Always present: every email has a plain-text part. The worker adds the agency's branded HTML part. */
  text: z.string(),
  /** Optional HTML body; it is wrapped in the agency's branded layout (the text is used when absent). */
  html: z.string().optional(),
  /** Send no earlier than this ISO time: the worker keeps the job delayed in BullMQ until then (reminders). */
  notBefore: z.iso.datetime().optional(),
  /** Send only if the case is still in this status at this draft version when the job runs; skipped otherwise. */
  onlyIf: z.object({ caseId: id, status: z.string().min(1), latestVersion: z.number().int().nonnegative() }).optional(),
});
export type EmailJob = z.infer<typeof EmailJobSchema>;

/** An owner's export of all of the agency's data (the tenant_exports row the worker fills in). */
export const TenantExportJobSchema = z.object({ tenantId: id, exportId: id });
export type TenantExportJob = z.infer<typeof TenantExportJobSchema>;

/** A client's safety-net log to print (the safety_net_reports row holding its HTML). */
export const SafetyNetRenderJobSchema = z.object({ tenantId: id, reportId: id });
export type SafetyNetRenderJob = z.infer<typeof SafetyNetRenderJobSchema>;

/** The payload schema of each queue: the API checks a job before writing it, the worker before running it. */
export const JOB_SCHEMAS = {
  [QUEUES.pdfRender]: PdfRenderJobSchema,
  [QUEUES.webhookDelivery]: WebhookEventJobSchema,
  [QUEUES.email]: EmailJobSchema,
  [QUEUES.tenantExport]: TenantExportJobSchema,
  [QUEUES.safetyNetRender]: SafetyNetRenderJobSchema,
} as const satisfies Record<QueueName, z.ZodType>;

export type JobPayloads = { [Q in QueueName]: z.infer<(typeof JOB_SCHEMAS)[Q]> };

export class InvalidJobPayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidJobPayloadError';
  }
}

/** The payload checked against its queue's schema (unknown fields dropped), or an InvalidJobPayloadError naming every problem. */
export function parseJobPayload<Q extends QueueName>(queue: Q, payload: unknown): JobPayloads[Q] {
  const result = JOB_SCHEMAS[queue].safeParse(payload);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`);
    throw new InvalidJobPayloadError(`Malformed ${queue} job payload: ${problems.join('; ')}`);
  }
  return result.data as JobPayloads[Q];
}
