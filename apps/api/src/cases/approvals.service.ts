import { Injectable } from '@nestjs/common';
import { TenantContext, type TenantTransaction } from '@poa/db';
import { canonicalDraftJson } from '@poa/domain';
import { emitWebhookEvent, QUEUES } from '@poa/jobs';
import { AppError } from '../core/errors';
import { OutboxService } from '../outbox/outbox.service';
import { CaseEventsService } from './case-events.service';
import { ApprovalsRepository } from './approvals.repository';
import type { LockedCase } from './cases.repository';
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
    private readonly approvals: ApprovalsRepository,
    private readonly outbox: OutboxService,
    private readonly events: CaseEventsService,
  ) {}

  async recordClientApproval(
    tx: TenantTransaction,
    locked: LockedCase,
    input: ClientApprovalInput,
  ): Promise<{ approvalId: string; draftVersionId: string; version: number }> {
    const scope = TenantContext.require();
    const draft = await this.approvals.draft(tx, locked.id, locked.latest_version);
    if (!draft) throw new AppError('CONFLICT', 'The case has no draft version to approve');
    const contact = await this.approvals.contact(tx, input.contactId, locked.client_id);
    if (!contact) throw AppError.validation([{ field: 'contactId', message: "not a contact of the case's client" }]);

    const contentSha256 = sha256Hex(canonicalDraftJson(draft.sections));
    const approvalId = await this.approvals.insert(tx, {
      caseId: locked.id,
      draftVersionId: draft.id,
      version: draft.version,
      contactId: contact.id,
      contactName: contact.name,
      contactEmail: contact.email,
      fullName: input.fullName,
      ip: scope.ip ?? null,
      userAgent: scope.userAgent ?? null,
      contentSha256,
      recordedById: input.recordedBy?.id ?? null,
      recordedByName: input.recordedBy?.name ?? null,
      note: input.note ?? null,
    });
    const firstRender = await this.approvals.queueFinalRender(tx, locked.id, draft.id, draft.version);
    // The job id derives from the version (a message relayed twice renders once); a re-approval gets its own.
    await this.outbox.add(tx, {
      queue: QUEUES.pdfRender,
      payload: { tenantId: scope.tenantId, caseId: locked.id, draftVersionId: draft.id, kind: 'final' },
      repeat: firstRender ? undefined : { reason: 'reapproval', approvalId },
    });
    if (await this.approvals.requeueCertificate(tx, draft.id)) {
      await this.outbox.add(tx, {
        queue: QUEUES.pdfRender,
        payload: { tenantId: scope.tenantId, caseId: locked.id, draftVersionId: draft.id, kind: 'final', variant: 'certificate' },
        repeat: { reason: 'reapproval', approvalId },
      });
    }
    await this.events.record(tx, locked.id, 'approval.recorded', {
      approvalId,
      version: draft.version,
      contactId: contact.id,
      contactName: contact.name,
      fullName: input.fullName,
      contentSha256,
      recordedBy: input.recordedBy,
    });
    await emitWebhookEvent(tx, 'case.approved', locked.id, {
      approval: { id: approvalId, version: draft.version, draftVersionId: draft.id, contactName: contact.name, contentSha256 },
    });
    return { approvalId, draftVersionId: draft.id, version: draft.version };
  }
}
