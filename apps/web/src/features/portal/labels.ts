import type { PortalCase } from './api';

/** The statuses a contact can meet, in the client's words (kept here so the portal bundle does not pull @poa/domain). */
export const STATUS_LABELS: Record<PortalCase['status'], string> = {
  intake: 'Received',
  drafting: 'Being written',
  internal_review: 'Being reviewed',
  client_review: 'Awaiting your review',
  approved: 'Approved',
  submitted: 'Submitted to Amazon',
  reinstated: 'Reinstated',
  denied: 'Denied by Amazon',
  more_info_requested: 'Amazon asked for more information',
  closed: 'Closed',
};

/** What the contact reads about a case's state: their turn, the agency's rework after their request, or the status. */
export function caseStateLabel(c: Pick<PortalCase, 'status' | 'awaitingReview' | 'workingOnChanges'>): string {
  if (c.awaitingReview) return 'Awaiting your review';
  if (c.workingOnChanges) return 'We’re working on your changes';
  return STATUS_LABELS[c.status];
}
