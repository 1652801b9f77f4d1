import { Injectable } from '@nestjs/common';
import { Attachment, columnsOf, sql, TenantDb, type TenantTransaction } from '@poa/db';

const ATTACHMENT = columnsOf(Attachment, [
  'id',
  'fileName',
  'contentType',
  'size',
  'sha256',
  'storageKey',
  'uploadedByType',
  'uploadedById',
  'evidenceKey',
  'createdAt',
]);
export type AttachmentRow = typeof ATTACHMENT.$row;

export interface NewAttachment {
  id: string;
  caseId: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
  uploadedByType: string;
  uploadedById: string | null;
  evidenceKey: string | null;
}

@Injectable()
export class AttachmentsRepository {
  constructor(private readonly db: TenantDb) {}

  /** Share-locks the case row (a concurrent delete waits); false when the case does not exist. */
  async lockCase(tx: TenantTransaction, caseId: string): Promise<boolean> {
    const [locked] = await tx.query(`SELECT id FROM cases WHERE id = $1 FOR SHARE`, [caseId]);
    return !!locked;
  }

  async insert(tx: TenantTransaction, a: NewAttachment): Promise<AttachmentRow> {
    const [row] = await tx.query<AttachmentRow>(
      `INSERT INTO attachments (id, tenant_id, case_id, file_name, content_type, size, sha256, storage_key, uploaded_by_type, uploaded_by_id,
                                evidence_key)
         VALUES ($1, current_setting('app.tenant_id')::uuid, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${ATTACHMENT.columns}`,
      [a.id, a.caseId, a.fileName, a.contentType, a.size, a.sha256, a.storageKey, a.uploadedByType, a.uploadedById, a.evidenceKey],
    );
    return row;
  }

  async list(caseId: string): Promise<AttachmentRow[]> {
    return this.db.read<AttachmentRow>(
      sql`SELECT ${sql.raw(ATTACHMENT.columns)} FROM attachments WHERE case_id = ${caseId}::uuid ORDER BY created_at, id`,
    );
  }

  async get(caseId: string, attachmentId: string): Promise<AttachmentRow | undefined> {
    const [row] = await this.db.read<AttachmentRow>(
      sql`SELECT ${sql.raw(ATTACHMENT.columns)} FROM attachments WHERE id = ${attachmentId}::uuid AND case_id = ${caseId}::uuid`,
    );
    return row;
  }
}
