import { Injectable } from '@nestjs/common';
import { TenantContext, type TenantTransaction } from '@poa/db';
import { canonicalDraftJson, type DraftSections } from '@poa/domain';
import { emitWebhookEvent, QUEUES } from '@poa/jobs';
import { AppError } from '../core/errors';
import { OutboxService } from '../outbox/outbox.service';
import { CaseEventsService } from './case-events.service';
import type { LockedCase } from './cases.service';
import { sha256Hex } from '../common/hash';

export interface ClientApprovalInput {
  contactId: string;
  /** The full name the contact typed as their signature. */
  fullName: string;
  note?: string | null;
  /** The staff member recording an approval given by email or phone; null when the contact approves in the portal. */
  recordedBy: { id: string; name: string } | null;
}

/**
 * The proof of a client's approval. Runs inside the transition's transaction, with the case row locked:
 * the approval, the approved version on the case, the queued final PDF and its outbox job commit together.
 */
@Injectable()
export class ApprovalsService {
  constructor(
    private readonly outbox: OutboxService,
    private readonly events: CaseEventsService,
  ) {}

  async recordClientApproval(tx: TenantTransaction, locked: LockedCase, input: ClientApprovalInput): Promise<{ approvalId: string; draftVersionId: string; version: number }> {
    const scope = TenantContext.require();
    const [draft] = await tx.query<{ id: string; version: number; sections: DraftSections }>(
      `SELECT id, version, sections FROM draft_versions WHERE case_id = $1 AND version = $2`,
      [locked.id, locked.latest_version],
    );
    if (!draft) throw new AppError('CONFLICT', 'The case has no draft version to approve');
    const [contact] = await tx.query<{ id: string; name: string; email: string }>(
      `SELECT id, name, email FROM contacts WHERE id = $1 AND client_id = $2`,
      [input.contactId, locked.client_id],
    );
    if (!contact) throw AppError.validation([{ field: 'contactId', message: "not a contact of the case's client" }]);

    const contentSha256 = sha256Hex(canonicalDraftJson(draft.sections));
    const [approval] = await tx.query<{ id: string }>(
      `INSERT INTO approvals (tenant_id, case_id, draft_version_id, version, contact_id, contact_name, contact_email, full_name, approved_at,
                              ip, user_agent, content_sha256, recorded_by_id, recorded_by_name, note)
       VALUES (current_setting('app.tenant_id')::uuid, $1, $2, $3, $4, $5, $6, $7, clock_timestamp(), $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        locked.id,
        draft.id,
        draft.version,
        contact.id,
        contact.name,
        contact.email,
        input.fullName,
        scope.ip ?? null,
        scope.userAgent ?? null,
        contentSha256,
        input.recordedBy?.id ?? null,
        input.recordedBy?.name ?? null,
        input.note ?? null,
      ],
    );
    await tx.query(`UPDATE cases SET approved_version_id = $2, updated_at = now() WHERE id = $1`, [locked.id, draft.id]);
    // A version approved again (a later round resubmitting it unchanged) is rendered again: the PDF prints the newest proof.
    const [render] = await tx.query<{ first: boolean }>(
      `INSERT INTO pdf_renders (tenant_id, case_id, draft_version_id, version, kind, status)
       VALUES (current_setting('app.tenant_id')::uuid, $1, $2, $3, 'final', 'queued')
       ON CONFLICT (draft_version_id, kind) DO UPDATE SET status = 'queued', error = NULL, attempts = 0, updated_at = now()
       RETURNING (xmax = 0) AS first`,
      [locked.id, draft.id, draft.version],
    );
    // The job id derives from the version (a message relayed twice renders once); a re-approval gets its own.
    await this.outbox.add(tx, {
      queue: QUEUES.pdfRender,
      payload: { tenantId: scope.tenantId, caseId: locked.id, draftVersionId: draft.id, kind: 'final' },
      repeat: render.first ? undefined : { reason: 'reapproval', approvalId: approval.id },
    });
    await this.events.record(tx, locked.id, 'approval.recorded', {
      approvalId: approval.id,
      version: draft.version,
      contactId: contact.id,
      contactName: contact.name,
      fullName: input.fullName,
      contentSha256,
      recordedBy: input.recordedBy,
    });
    await emitWebhookEvent(tx, 'case.approved', locked.id, {
      approval: { id: approval.id, version: draft.version, draftVersionId: draft.id, contactName: contact.name, contentSha256 },
    });
    return { approvalId: approval.id, draftVersionId: draft.id, version: draft.version };
  }
}
