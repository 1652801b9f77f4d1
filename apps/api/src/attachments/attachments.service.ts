import { Inject, Injectable } from '@nestjs/common';
import { TenantContext, TenantDb } from '@poa/db';
import { randomUUID } from 'node:crypto';
import { CaseEventsService } from '../cases/case-events.service';
import { CasesService } from '../cases/cases.service';
import { EvidenceService } from '../evidence/evidence.service';
import { iso } from '../common/pagination';
import { AppError } from '../core/errors';
import { FileNotFoundError, type FileStorage } from '@poa/storage';
import { FILE_STORAGE } from '../storage/storage.module';
import { ACCEPTED_TYPES, detectAcceptedType } from './detect-file-type';
import { sha256Hex } from '../common/hash';
import { AttachmentsRepository, type AttachmentRow } from './attachments.repository';

const attachmentView = (r: AttachmentRow) => ({
  id: r.id,
  fileName: r.file_name,
  contentType: r.content_type,
  size: r.size,
  sha256: r.sha256,
  uploadedBy: { type: r.uploaded_by_type, id: r.uploaded_by_id },
  evidenceKey: r.evidence_key,
  createdAt: iso(r.created_at)!,
});

/** Keeps the name readable but harmless in headers and on disk listings. */
function cleanFileName(name: string | undefined, mime: string): string {
  const printable = [...(name ?? '').normalize('NFC')]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f ? '_' : ch))
    .join('');
  const base = printable
    .replace(/["\\/]/g, '_')
    .trim()
    .slice(0, 200);
  return base || `file.${ACCEPTED_TYPES[mime]}`;
}

@Injectable()
export class AttachmentsService {
  constructor(
    private readonly db: TenantDb,
    private readonly attachments: AttachmentsRepository,
    private readonly cases: CasesService,
    private readonly events: CaseEventsService,
    private readonly evidence: EvidenceService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  /**
   * Stores an evidence file; with `evidenceKey` it provides that item of the checklist (a client may only provide
   * the items asked of them). The caller has checked that the case is visible to the actor.
   */
  async upload(
    caseId: string,
    file: { originalname?: string; buffer: Buffer; size: number } | undefined,
    fields: { evidenceKey?: string } = {},
  ) {
    if (!file) throw AppError.validation([{ field: 'file', message: 'send the file as multipart/form-data in the field "file"' }]);
    await this.cases.assertExists(caseId);
    const fromClient = TenantContext.require().actor.kind === 'contact';
    if (fields.evidenceKey !== undefined) await this.evidence.assertUploadable(caseId, fields.evidenceKey, { client: fromClient });
    const contentType = await detectAcceptedType(file.buffer);
    if (!contentType)
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Only PDF, JPG, PNG or GIF files are accepted (judged by their content)');

    const { tenantId, actor } = TenantContext.require();
    const id = randomUUID();
    const storageKey = `${tenantId}/cases/${caseId}/attachments/${id}`;
    // Stored before the row commits: a failed insert leaves an orphan file, never a row without its file.
    await this.storage.put(storageKey, file.buffer);
    return this.db.transaction(async (tx) => {
      if (!(await this.attachments.lockCase(tx, caseId))) throw AppError.notFound('Case');
      const row = await this.attachments.insert(tx, {
        id,
        caseId,
        fileName: cleanFileName(file.originalname, contentType),
        contentType,
        size: file.size,
        sha256: sha256Hex(file.buffer),
        storageKey,
        uploadedByType: actor.kind,
        uploadedById: actor.id,
        evidenceKey: fields.evidenceKey ?? null,
      });
      await this.events.record(tx, caseId, 'attachment.uploaded', {
        attachmentId: id,
        fileName: row.file_name,
        contentType,
        size: row.size,
        ...(fields.evidenceKey ? { evidenceKey: fields.evidenceKey } : {}),
      });
      if (fields.evidenceKey) await this.evidence.provided(tx, caseId, fields.evidenceKey, { attachmentId: id, fileName: row.file_name });
      return attachmentView(row);
    });
  }

  async list(caseId: string) {
    await this.cases.assertExists(caseId);
    const rows = await this.attachments.list(caseId);
    return { data: rows.map(attachmentView) };
  }

  async download(caseId: string, attachmentId: string): Promise<{ fileName: string; contentType: string; data: Buffer }> {
    const row = await this.attachments.get(caseId, attachmentId);
    if (!row) throw AppError.notFound('Attachment');
    try {
      return { fileName: row.file_name, contentType: row.content_type, data: await this.storage.get(row.storage_key) };
    } catch (error) {
      // The row outlived its file (a wiped disk or bucket): a clear 404, not a 500.
      if (error instanceof FileNotFoundError) throw new AppError('NOT_FOUND', 'The stored file of this attachment is missing');
      throw error;
    }
  }
}
