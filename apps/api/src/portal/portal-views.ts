import type { DraftSections } from '@poa/domain';
import { iso } from '../common/pagination';
import type { PdfJson, PortalCaseRow } from './portal.repository';

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

export const pdfView = (p: PdfJson | null) =>
  p ? { version: p.version, status: p.status, pageCount: p.page_count, size: p.size, readyAt: iso(p.ready_at) } : null;

/** The draft as the PDF lays it out; supporting documents show their description and file name, never a storage key. */
export function draftView(sections: DraftSections, fileNames: Record<string, string>) {
  return {
    summary: sections.summary,
    rootCauses: sections.rootCauses.map((x) => ({ text: x.text })),
    correctiveActions: sections.correctiveActions.map((x) => ({ text: x.text, completedAt: x.completedAt })),
    preventiveMeasures: sections.preventiveMeasures.map((x) => ({
      text: x.text,
      owner: x.owner,
      startDate: x.startDate,
      frequency: x.frequency,
    })),
    supportingDocuments: sections.supportingDocuments.map((x) => ({
      description: x.description,
      fileName: fileNames[x.attachmentId] ?? null,
    })),
  };
}
