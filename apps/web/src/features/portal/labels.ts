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
