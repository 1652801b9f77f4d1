import type { ActorKind } from '@poa/db';
import type { WriteTx } from './outbox';

/** What the timeline of a case records (written by the API, and by the worker for pdf.ready). */
export type CaseEventType =
  | 'case.created'
  | 'case.updated'
  /** The due time moved, with the reason given. */
  | 'case.due_changed'
  | 'draft.version_created'
  | 'case.transitioned'
  | 'comment.added'
  | 'approval.recorded'
  | 'attachment.uploaded'
  /** A file provides an item of the evidence checklist; waived/unwaived with a reason; invoice or letter fields typed. */
  | 'evidence.provided'
  | 'evidence.waived'
  | 'evidence.unwaived'
  | 'evidence.details_updated'
  | 'submission.recorded'
  | 'pdf.ready'
  | 'case.resolution_updated'
  /** A reviewer sent or submitted a plan despite the checker's errors: the reason and those errors. */
  | 'case.check_overridden';

export interface CaseEventRecord {
  caseId: string;
  type: CaseEventType;
  actor: { kind: ActorKind; id: string | null; name: string | null };
  data?: Record<string, unknown>;
}

/** Adds an event to a case's timeline, inside the transaction of the change itself. */
export async function recordCaseEvent(tx: WriteTx, event: CaseEventRecord): Promise<void> {
  // clock_timestamp, not now(): several events of one transaction keep the order they happened in.
  await tx.query(
    `INSERT INTO case_events (tenant_id, case_id, type, actor_type, actor_id, actor_name, data, created_at)
     VALUES (current_setting('app.tenant_id')::uuid, $1, $2, $3, $4, $5, $6, clock_timestamp())`,
    [event.caseId, event.type, event.actor.kind, event.actor.id, event.actor.name, JSON.stringify(event.data ?? {})],
  );
}
