import { diffDrafts, type DraftSections, type ItemChange } from '@poa/domain';
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
  workingOnChanges: r.working_on_changes,
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
      attachmentId: fileNames[x.attachmentId] ? x.attachmentId : null,
    })),
  };
}

type ChangeSection = 'summary' | 'rootCauses' | 'correctiveActions' | 'preventiveMeasures' | 'supportingDocuments';

/**
 * What changed between the version the client asked changes to and the one now under review, item by item, in
 * plain text (the portal shows it above the draft).
 */
export function changesView(from: DraftSections, to: DraftSections) {
  const diff = diffDrafts(from, to);
  const changes: { section: ChangeSection; kind: 'added' | 'removed' | 'changed'; text: string; previousText: string | null }[] = [];
  if (diff.sectionChanged.summary.changed)
    changes.push({ section: 'summary', kind: 'changed', text: to.summary, previousText: from.summary });
  const lists = {
    rootCauses: (x: { text: string }) => x.text,
    correctiveActions: (x: { text: string }) => x.text,
    preventiveMeasures: (x: { text: string }) => x.text,
    supportingDocuments: (x: { description: string }) => x.description,
  } as const;
  for (const section of Object.keys(lists) as (keyof typeof lists)[]) {
    const text = lists[section] as (x: unknown) => string;
    for (const change of diff[section] as ItemChange<unknown>[]) {
      if (change.kind === 'unchanged') continue;
      changes.push({
        section,
        kind: change.kind,
        text: change.kind === 'removed' ? text(change.from) : text(change.to),
        previousText: change.kind === 'changed' ? text(change.from) : null,
      });
    }
  }
  return changes;
}
