import { Injectable } from '@nestjs/common';
import { columnsOf, Contact, DraftVersion, type TenantTransaction } from '@poa/db';
import type { DraftSections } from '@poa/domain';

const DRAFT = columnsOf(DraftVersion, ['id', 'version', 'sections']);
const CONTACT = columnsOf(Contact, ['id', 'name', 'email']);

export type ApprovedDraft = typeof DRAFT.$row & { sections: DraftSections };
export type ApprovingContact = typeof CONTACT.$row;

export interface NewApproval {
  caseId: string;
  draftVersionId: string;
  version: number;
  contactId: string;
  contactName: string;
  contactEmail: string;
  fullName: string;
  ip: string | null;
  userAgent: string | null;
  contentSha256: string;
  recordedById: string | null;
  recordedByName: string | null;
  note: string | null;
}

/** The statements of a client's approval; all run in the transition's transaction with the case row locked. */
@Injectable()
export class ApprovalsRepository {
  async draft(tx: TenantTransaction, caseId: string, version: number): Promise<ApprovedDraft | undefined> {
    const [draft] = await tx.query<ApprovedDraft>(`SELECT ${DRAFT.columns} FROM draft_versions WHERE case_id = $1 AND version = $2`, [
      caseId,
      version,
    ]);
    return draft;
  }

  async contact(tx: TenantTransaction, contactId: string, clientId: string): Promise<ApprovingContact | undefined> {
    const [contact] = await tx.query<ApprovingContact>(`SELECT ${CONTACT.columns} FROM contacts WHERE id = $1 AND client_id = $2`, [
      contactId,
      clientId,
    ]);
    return contact;
  }

  /** Inserts the proof and makes its version the case's approved one; the approval's id. */
  async insert(tx: TenantTransaction, a: NewApproval): Promise<string> {
    const [approval] = await tx.query<{ id: string }>(
      `INSERT INTO approvals (tenant_id, case_id, draft_version_id, version, contact_id, contact_name, contact_email, full_name, approved_at,
                              ip, user_agent, content_sha256, recorded_by_id, recorded_by_name, note)
       VALUES (current_setting('app.tenant_id')::uuid, $1, $2, $3, $4, $5, $6, $7, clock_timestamp(), $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        a.caseId,
        a.draftVersionId,
        a.version,
        a.contactId,
        a.contactName,
        a.contactEmail,
        a.fullName,
        a.ip,
        a.userAgent,
        a.contentSha256,
        a.recordedById,
        a.recordedByName,
        a.note,
      ],
    );
    await tx.query(`UPDATE cases SET approved_version_id = $2, updated_at = now() WHERE id = $1`, [a.caseId, a.draftVersionId]);
    return approval.id;
  }

  /**
   * Queues the version's final render. A version approved again (a later round resubmitting it unchanged) is rendered
   * again: the PDF prints the newest proof. True when the render row is new.
   */
  async queueFinalRender(tx: TenantTransaction, caseId: string, draftVersionId: string, version: number): Promise<boolean> {
    const [render] = await tx.query<{ first: boolean }>(
      `INSERT INTO pdf_renders (tenant_id, case_id, draft_version_id, version, kind, status)
       VALUES (current_setting('app.tenant_id')::uuid, $1, $2, $3, 'final', 'queued')
       ON CONFLICT (draft_version_id, kind, variant) DO UPDATE SET status = 'queued', error = NULL, attempts = 0, updated_at = now()
       RETURNING (xmax = 0) AS first`,
      [caseId, draftVersionId, version],
    );
    return render.first;
  }

  /** A certificate already rendered for the version prints an older approval: queued again; true when there was one. */
  async requeueCertificate(tx: TenantTransaction, draftVersionId: string): Promise<boolean> {
    const rows = await tx.query(
      `UPDATE pdf_renders SET status = 'queued', error = NULL, attempts = 0, updated_at = now()
       WHERE draft_version_id = $1 AND kind = 'final' AND variant = 'certificate' RETURNING id`,
      [draftVersionId],
    );
    return rows.length > 0;
  }
}
