import { Injectable } from '@nestjs/common';
import { TenantContext, TenantDb, type TenantTransaction } from '@poa/db';
import { evidenceStatus, type EvidenceItemRow } from '../common/case-evidence';
import { AppError } from '../core/errors';
import { CaseEventsService } from '../cases/case-events.service';
import { CasesService } from '../cases/cases.service';
import { CaseNotificationsService } from '../email/case-notifications.service';
import { EvidenceRepository } from './evidence.repository';
import type { EvidenceDetailsInput } from './evidence.schemas';

const INVOICE_FIELDS = ['supplierName', 'supplierAddress', 'supplierContact', 'invoiceDate', 'quantity', 'unitsSold'] as const;
const AUTHORISATION_FIELDS = ['rightsOwner', 'sellerName', 'explicit'] as const;

export function evidenceItemView(r: EvidenceItemRow) {
  const details = (r.details ?? {}) as Record<string, unknown>;
  const pick = (fields: readonly string[]) => Object.fromEntries(fields.map((f) => [f, details[f] ?? null]));
  return {
    key: r.key,
    label: r.label,
    proves: r.proves,
    required: r.required,
    askClient: r.ask_client,
    accepts: r.accepts as ('pdf' | 'image')[],
    kind: r.kind,
    status: evidenceStatus(r),
    attachments: r.attachments.map((a) => ({ id: a.id, fileName: a.file_name, fromClient: a.uploaded_by_type === 'contact' })),
    waivedReason: r.waived_reason,
    invoice: r.kind === 'invoice' ? pick(INVOICE_FIELDS) : null,
    authorisation: r.kind === 'authorisation' ? pick(AUTHORISATION_FIELDS) : null,
  };
}

/** A case's evidence checklist: what each item proves, the files that provide it, waivers, invoice and letter fields. */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly db: TenantDb,
    private readonly evidence: EvidenceRepository,
    private readonly cases: CasesService,
    private readonly events: CaseEventsService,
    private readonly notifications: CaseNotificationsService,
  ) {}

  async list(caseId: string, only: { askClient?: boolean } = {}) {
    const rows = await this.evidence.list(caseId);
    if (rows.length === 0) await this.cases.assertExists(caseId);
    return { data: rows.filter((r) => !only.askClient || r.ask_client).map(evidenceItemView) };
  }

  /**
   * Checks the item an upload names before the file is stored: an unknown key is 400 on evidenceKey, and so is one
   * not asked of the client when the client uploads.
   */
  async assertUploadable(caseId: string, key: string, by: { client: boolean }): Promise<void> {
    const item = await this.evidence.item(caseId, key);
    if (!item) {
      await this.cases.assertExists(caseId);
      throw AppError.validation([{ field: 'evidenceKey', message: 'not an evidence item of this case' }]);
    }
    if (by.client && !item.ask_client)
      throw AppError.validation([{ field: 'evidenceKey', message: 'not one of the documents asked of you' }]);
  }

  /** In the upload's transaction: the timeline says which item the file provides, and a client's upload is announced. */
  async provided(tx: TenantTransaction, caseId: string, key: string, file: { attachmentId: string; fileName: string }): Promise<void> {
    const item = await this.evidence.lockItem(tx, caseId, key);
    if (!item) throw AppError.validation([{ field: 'evidenceKey', message: 'not an evidence item of this case' }]);
    await this.events.record(tx, caseId, 'evidence.provided', { key, label: item.label, ...file });
    if (TenantContext.require().actor.kind === 'contact')
      await this.notifications.evidenceReceived(tx, { caseId, label: item.label, fileName: file.fileName });
  }

  async waive(caseId: string, key: string, reason: string | null) {
    return this.change(caseId, key, async (tx) => {
      await this.evidence.setWaived(tx, caseId, key, reason);
      await this.events.record(tx, caseId, reason === null ? 'evidence.unwaived' : 'evidence.waived', { key, reason });
    });
  }

  async updateDetails(caseId: string, key: string, input: EvidenceDetailsInput) {
    return this.change(caseId, key, async (tx, item) => {
      const allowed: readonly string[] =
        item.kind === 'invoice' ? INVOICE_FIELDS : item.kind === 'authorisation' ? AUTHORISATION_FIELDS : [];
      const sent = Object.entries(input).filter(([, value]) => value !== undefined);
      const wrong = sent.filter(([field]) => !allowed.includes(field));
      if (wrong.length > 0) {
        const what =
          item.kind === 'other'
            ? 'this item has no fields'
            : `not a field of ${item.kind === 'invoice' ? 'an invoice' : 'a letter of authorisation'}`;
        throw AppError.validation(wrong.map(([field]) => ({ field, message: what })));
      }
      const details = Object.fromEntries(allowed.map((field) => [field, input[field as keyof EvidenceDetailsInput] ?? null]));
      await this.evidence.setDetails(tx, caseId, key, details);
      await this.events.record(tx, caseId, 'evidence.details_updated', { key });
    });
  }

  private async change(caseId: string, key: string, write: (tx: TenantTransaction, item: { kind: string }) => Promise<void>) {
    return this.db.transaction(async (tx) => {
      await this.cases.lock(tx, caseId);
      const item = await this.evidence.lockItem(tx, caseId, key);
      if (!item) throw AppError.notFound('Evidence item');
      await write(tx, item);
      const row = (await this.evidence.listIn(tx, caseId)).find((r) => r.key === key)!;
      return evidenceItemView(row);
    });
  }
}
