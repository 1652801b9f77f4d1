import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TenantContext, TenantDb, type TenantTransaction } from '@poa/db';
import { AppError } from '../core/errors';
import { CaseEventsService } from './case-events.service';
import { ResolutionRepository, type ResolutionRow, type StoredComplianceDocument, type StoredListingFix } from './resolution.repository';
import type { ComplianceDocumentsInput, ListingFixesInput, RetractionInput, RetractionStatus } from './resolution.schemas';
import { retractionLetter } from './retraction-letter';

const retractionView = (row: ResolutionRow) => {
  const r = row.retraction;
  return {
    complaintId: r?.complaintId ?? null,
    rightsOwner: r?.rightsOwner ?? null,
    contactEmail: r?.contactEmail ?? null,
    datesContacted: r?.datesContacted ?? [],
    status: (r?.status ?? 'not_contacted') as RetractionStatus,
    note: r?.note ?? '',
    updatedAt: r?.updatedAt ?? null,
  };
};

const listingFixesView = (row: ResolutionRow) => ({
  items: row.listing_fixes.map((f) => ({ ...f, confirmed: f.confirmedAt !== null })),
});

const complianceDocumentsView = (row: ResolutionRow) => ({
  items: row.compliance_documents.map((d) => ({
    id: d.id,
    label: d.label,
    evidenceKey: d.evidenceKey,
    attachment:
      d.attachmentId && row.attachment_names[d.attachmentId]
        ? { id: d.attachmentId, fileName: row.attachment_names[d.attachmentId] }
        : null,
    note: d.note,
  })),
});

/** Given ids must be items of the list already; new items get an id. */
function keepIds<T extends { id?: string }>(items: T[], existing: { id: string }[]): (T & { id: string })[] {
  const known = new Set(existing.map((e) => e.id));
  const problems = items.flatMap((item, i) =>
    item.id && !known.has(item.id) ? [{ field: `items.${i}.id`, message: 'not an item of this case' }] : [],
  );
  if (problems.length > 0) throw AppError.validation(problems);
  return items.map((item) => ({ ...item, id: item.id ?? randomUUID() }));
}

/**
 * What a case needs besides (or instead of) a POA, by path: the retraction tracker and letter (IP complaints), the
 * listing changes to make (restricted products, listing policy), the compliance documents to upload (product safety).
 * Every case has all three; the dashboard shows the one of the case's path.
 */
@Injectable()
export class ResolutionService {
  constructor(
    private readonly db: TenantDb,
    private readonly repository: ResolutionRepository,
    private readonly events: CaseEventsService,
  ) {}

  private async read(caseId: string): Promise<ResolutionRow> {
    const row = await this.repository.read(caseId);
    if (!row) throw AppError.notFound('Case');
    return row;
  }

  /** Runs a change with the case row locked. */
  private change<T>(caseId: string, write: (tx: TenantTransaction, row: ResolutionRow) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      const row = await this.repository.lock(tx, caseId);
      if (!row) throw AppError.notFound('Case');
      return write(tx, row);
    });
  }

  async retraction(caseId: string) {
    return retractionView(await this.read(caseId));
  }

  async saveRetraction(caseId: string, input: RetractionInput) {
    return this.change(caseId, async (tx, row) => {
      const stored = { ...input, updatedAt: new Date().toISOString() };
      await this.repository.save(tx, caseId, 'retraction', stored);
      if (row.retraction?.status !== input.status || !row.retraction) {
        await this.events.record(tx, caseId, 'case.resolution_updated', { part: 'retraction', status: input.status });
      }
      return retractionView({ ...row, retraction: stored });
    });
  }

  async letter(caseId: string) {
    const row = await this.read(caseId);
    const tracker = retractionView(row);
    const ipAsins = row.issues.filter((i) => i.violationType === 'intellectual_property').flatMap((i) => i.asins);
    return retractionLetter({
      sellerName: row.client_name,
      sellerId: row.client_seller_id,
      marketplace: row.marketplace,
      asins: ipAsins.length > 0 ? [...new Set(ipAsins)] : row.asins,
      complaintId: tracker.complaintId,
      rightsOwner: tracker.rightsOwner,
      contactEmail: tracker.contactEmail,
    });
  }

  async listingFixes(caseId: string) {
    return listingFixesView(await this.read(caseId));
  }

  async saveListingFixes(caseId: string, input: ListingFixesInput) {
    return this.change(caseId, async (tx, row) => {
      const asinProblems = input.items.flatMap((item, i) =>
        item.asin && !row.asins.includes(item.asin) ? [{ field: `items.${i}.asin`, message: 'not an ASIN of this case' }] : [],
      );
      if (asinProblems.length > 0) throw AppError.validation(asinProblems);
      const before = new Map(row.listing_fixes.map((f) => [f.id, f]));
      const actor = TenantContext.require().actor;
      const now = new Date().toISOString();
      const fixes: StoredListingFix[] = keepIds(input.items, row.listing_fixes).map((item) => {
        const was = before.get(item.id);
        const keep = item.confirmed && was?.confirmedAt;
        return {
          id: item.id,
          asin: item.asin,
          change: item.change,
          confirmedAt: item.confirmed ? (keep ? was.confirmedAt : now) : null,
          confirmedBy: item.confirmed ? (keep ? was.confirmedBy : actor.name) : null,
        };
      });
      await this.repository.save(tx, caseId, 'listing_fixes', fixes);
      await this.events.record(tx, caseId, 'case.resolution_updated', {
        part: 'listing_fixes',
        items: fixes.length,
        confirmed: fixes.filter((f) => f.confirmedAt).length,
      });
      return listingFixesView({ ...row, listing_fixes: fixes });
    });
  }

  async complianceDocuments(caseId: string) {
    return complianceDocumentsView(await this.read(caseId));
  }

  async saveComplianceDocuments(caseId: string, input: ComplianceDocumentsInput) {
    return this.change(caseId, async (tx, row) => {
      const problems = input.items.flatMap((item, i) =>
        item.attachmentId && !(item.attachmentId in row.attachment_names)
          ? [{ field: `items.${i}.attachmentId`, message: 'not an attachment of this case' }]
          : [],
      );
      if (problems.length > 0) throw AppError.validation(problems);
      const documents: StoredComplianceDocument[] = keepIds(input.items, row.compliance_documents).map((item) => ({
        id: item.id,
        label: item.label,
        evidenceKey: item.evidenceKey,
        attachmentId: item.attachmentId,
        note: item.note,
      }));
      await this.repository.save(tx, caseId, 'compliance_documents', documents);
      await this.events.record(tx, caseId, 'case.resolution_updated', {
        part: 'compliance_documents',
        items: documents.length,
        provided: documents.filter((d) => d.attachmentId).length,
      });
      return complianceDocumentsView({ ...row, compliance_documents: documents });
    });
  }
}
