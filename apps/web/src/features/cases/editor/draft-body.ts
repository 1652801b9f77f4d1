import { emptyDraft, type DraftSections } from '@poa/domain';
import type { CreateDraftBody, Draft } from '../../../api/types';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (value: string | null): string | null => (value && ISO_DATE.test(value) ? value : null);

/**
 * What the API accepts for a new version: dates as YYYY-MM-DD or null, and only the supporting
 * documents that point at an uploaded file (a row still being filled in stays in the editor).
 */
export function toDraftBody(sections: DraftSections, baseVersion: number): CreateDraftBody {
  return {
    baseVersion,
    summary: sections.summary,
    rootCauses: sections.rootCauses.map(({ text, issueId }) => ({ text, ...(issueId ? { issueId } : {}) })),
    correctiveActions: sections.correctiveActions.map(({ text, completedAt, issueId }) => ({
      text,
      completedAt: date(completedAt),
      ...(issueId ? { issueId } : {}),
    })),
    preventiveMeasures: sections.preventiveMeasures.map(({ text, owner, startDate, frequency }) => ({
      text,
      owner,
      startDate: date(startDate),
      frequency,
    })),
    supportingDocuments: sections.supportingDocuments
      .filter((d) => d.attachmentId)
      .map(({ attachmentId, description }) => ({ attachmentId, description })),
  };
}

/** The sections of a saved version, as the editor holds them. */
export function sectionsOf(draft: Draft | undefined | null): DraftSections {
  if (!draft) return emptyDraft();
  return {
    summary: draft.summary,
    rootCauses: draft.rootCauses.map(({ text, issueId }) => ({ text, ...(issueId ? { issueId } : {}) })),
    correctiveActions: draft.correctiveActions.map(({ text, completedAt, issueId }) => ({
      text,
      completedAt,
      ...(issueId ? { issueId } : {}),
    })),
    preventiveMeasures: draft.preventiveMeasures.map(({ text, owner, startDate, frequency }) => ({ text, owner, startDate, frequency })),
    supportingDocuments: draft.supportingDocuments.map(({ attachmentId, description }) => ({ attachmentId, description })),
  };
}
