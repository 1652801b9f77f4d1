import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  QUEUES,
  type EmailJob,
  type PdfRenderJob,
  type PdfRenderJobSchema,
  type SafetyNetRenderJob,
  type TenantExportJob,
  type WebhookEventJob,
} from './payloads';

/**
 * Job ids, the one place they are made. A job id is deterministic for the work it names, so a message relayed twice
 * (a crash between the relay's add and its commit, or the sweep handing back a lost job) runs once. Work queued again
 * on purpose names why (a `repeat`), which gives it an id of its own: BullMQ ignores an add under an id it still keeps.
 */

/** Why a version's render is queued again; its first render has none (the id is the version's own). */
export type PdfRenderRepeat =
  /** The version approved again (a later round resubmitting it unchanged): the PDF must print the newest proof. */
  | { reason: 'reapproval'; approvalId: string }
  /** Staff retrying a render that failed for good: one id per number of attempts the failed render made. */
  | { reason: 'retry'; attempts: number }
  /** A ready render whose stored file is gone: the finished job under the version's id may still be in BullMQ. */
  | { reason: 'rerender' };

/** Why a delivery is queued again; its first job (from the event's fan-out) has none. */
export type WebhookDeliveryRepeat =
  /** The scheduled retry number `retries` after a failed attempt. */
  | { reason: 'retry'; retries: number }
  /** The endpoint's next pending delivery, once delivery `after` was settled with `attempts` attempts logged. */
  | { reason: 'next'; after: string; attempts: number }
  /** The head of the queue of an endpoint enabled again. */
  | { reason: 'resume' }
  /** A manual redelivery. */
  | { reason: 'redeliver' };

/** The emails the API writes: one job per message, never deduplicated against another. */
export type EmailKind = 'review' | 'reminder' | 'approved' | 'changes' | 'login' | 'confirm-address' | 'address-in-use' | 'evidence';

export type EmailOccasion =
  | { kind: EmailKind }
  /** The agency's owners and admins told that an endpoint was disabled: one email per endpoint, outage and person. */
  | { kind: 'webhook-disabled'; webhookId: string; failingSince: Date; userId: string }
  /** A staff reminder (./reminders): one email per reminder row. */
  | { kind: 'case-reminder'; reminderId: string }
  /** A client's contact told that a safety check fell due: one email per follow-up, due time and contact. */
  | { kind: 'follow-up-due'; followUpId: string; dueAt: Date; contactId: string }
  /** The case's assignee told of a problem a check found: one email per check-in. */
  | { kind: 'follow-up-problem'; checkInId: string; userId: string };

/** A job as written to the outbox: its queue, its typed payload and what its id is made of. */
export type OutboxJob =
  | { queue: typeof QUEUES.pdfRender; payload: z.input<typeof PdfRenderJobSchema>; repeat?: PdfRenderRepeat }
  | { queue: typeof QUEUES.webhookDelivery; payload: WebhookEventJob; repeat?: WebhookDeliveryRepeat }
  | { queue: typeof QUEUES.email; payload: EmailJob; occasion: EmailOccasion }
  | { queue: typeof QUEUES.tenantExport; payload: TenantExportJob }
  /** A re-render names why: a ready report whose stored file is gone (the finished job may still be in BullMQ). */
  | { queue: typeof QUEUES.safetyNetRender; payload: SafetyNetRenderJob; repeat?: { reason: 'rerender' } };

export function pdfRenderJobId(
  job: Pick<PdfRenderJob, 'draftVersionId' | 'kind'> & { variant?: PdfRenderJob['variant'] },
  repeat?: PdfRenderRepeat,
): string {
  // Standard renders keep the ids they had before variants existed.
  const variant = job.variant && job.variant !== 'standard' ? `${job.variant}-` : '';
  const first = `render-${job.kind}-${variant}${job.draftVersionId}`;
  if (!repeat) return first;
  switch (repeat.reason) {
    case 'reapproval':
      return `${first}-${repeat.approvalId}`;
    case 'retry':
      return `${first}-retry-${repeat.attempts}`;
    case 'rerender':
      return `${first}-rerender-${randomUUID()}`;
  }
}

export function webhookDeliveryJobId(deliveryId: string, repeat?: WebhookDeliveryRepeat): string {
  const first = `webhook-${deliveryId}`;
  if (!repeat) return first;
  switch (repeat.reason) {
    case 'retry':
      return `${first}-retry-${repeat.retries}`;
    case 'next':
      return `${first}-after-${repeat.after}-${repeat.attempts}`;
    case 'resume':
    case 'redeliver':
      return `${first}-${repeat.reason}-${randomUUID()}`;
  }
}

export function emailJobId(occasion: EmailOccasion): string {
  if (occasion.kind === 'webhook-disabled') {
    return `webhook-disabled-${occasion.webhookId}-${occasion.failingSince.getTime()}-${occasion.userId}`;
  }
  if (occasion.kind === 'case-reminder') return `reminder-${occasion.reminderId}`;
  if (occasion.kind === 'follow-up-due') return `follow-up-due-${occasion.followUpId}-${occasion.dueAt.getTime()}-${occasion.contactId}`;
  if (occasion.kind === 'follow-up-problem') return `follow-up-problem-${occasion.checkInId}-${occasion.userId}`;
  return `email-${occasion.kind}-${randomUUID()}`;
}

export function jobIdOf(job: OutboxJob): string {
  switch (job.queue) {
    case QUEUES.pdfRender:
      return pdfRenderJobId(job.payload, job.repeat);
    case QUEUES.webhookDelivery:
      return webhookDeliveryJobId(job.payload.deliveryId, job.repeat);
    case QUEUES.email:
      return emailJobId(job.occasion);
    case QUEUES.tenantExport:
      return `tenant-export-${job.payload.exportId}`;
    case QUEUES.safetyNetRender:
      return `safety-net-${job.payload.reportId}${job.repeat ? `-rerender-${randomUUID()}` : ''}`;
  }
}
