import { sql, type InlineSql } from '@poa/db';
import type { CaseStatus, DraftSections } from '@poa/domain';
import { iso } from '../common/pagination';
import { PORTAL_VISIBLE_STATUSES } from './portal.schemas';

const STATUS_LIST = PORTAL_VISIBLE_STATUSES.map((s) => `'${s}'`).join(', ');

/**
 * What a contact may see: their own client's cases once a draft reached them (client review or later), plus cases
 * with an approved version (e.g. a later round being drafted keeps the approved PDF reachable). Alias `c`.
 */
export function visibleToContact(clientId: string): InlineSql {
  return sql`c.client_id = ${clientId}::uuid AND (c.status IN (${sql.raw(STATUS_LIST)}) OR c.approved_version_id IS NOT NULL)`;
}

export interface PortalCaseRow {
  id: string;
  reference: string;
  title: string;
  status: CaseStatus;
  violation_type: string;
  marketplace: string;
  due_at: Date;
  latest_version: number;
  approved_version: number | null;
  updated_at: Date;
}

export const PORTAL_CASE_COLUMNS =
  'c.id, c.reference, c.title, c.status, c.violation_type, c.marketplace, c.due_at, c.latest_version, c.updated_at, ' +
  '(SELECT dv.version FROM draft_versions dv WHERE dv.id = c.approved_version_id) AS approved_version';

export const portalCaseSummaryView = (r: PortalCaseRow) => ({
  id: r.id,
  reference: r.reference,
  title: r.title,
  status: r.status,
  violationType: r.violation_type,
  marketplace: r.marketplace,
  dueAt: iso(r.due_at)!,
  latestVersion: r.latest_version,
  approvedVersion: r.approved_version,
  awaitingReview: r.status === 'client_review',
  updatedAt: iso(r.updated_at)!,
});

export interface PdfJson {
  version: number;
  status: 'queued' | 'rendering' | 'ready' | 'failed';
  page_count: number | null;
  size: number | null;
  ready_at: string | null;
}

export const pdfView = (p: PdfJson | null) =>
  p ? { version: p.version, status: p.status, pageCount: p.page_count, size: p.size, readyAt: iso(p.ready_at) } : null;

/** The draft as the PDF lays it out; supporting documents show their description and file name, never a storage key. */
export function draftView(sections: DraftSections, fileNames: Record<string, string>) {
  return {
    summary: sections.summary,
    rootCauses: sections.rootCauses.map((x) => ({ text: x.text })),
    correctiveActions: sections.correctiveActions.map((x) => ({ text: x.text, completedAt: x.completedAt })),
    preventiveMeasures: sections.preventiveMeasures.map((x) => ({ text: x.text, owner: x.owner, startDate: x.startDate, frequency: x.frequency })),
    supportingDocuments: sections.supportingDocuments.map((x) => ({ description: x.description, fileName: fileNames[x.attachmentId] ?? null })),
  };
}
