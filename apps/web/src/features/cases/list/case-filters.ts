import { ACTIVE_STATUSES, CASE_STATUSES, isCaseStatus, isViolationType, type CaseStatus } from '@poa/domain';
import type { CaseListQuery } from '../../../api/types';
import { endOfDay } from '../../../lib/deadline';

export const CASE_QUEUES = ['mine', 'review'] as const;
export type CaseQueue = (typeof CASE_QUEUES)[number];

/** What the cases list shows, as kept in the URL (a bookmarkable saved view). */
export interface CaseFilters {
  /** "My cases" or "Awaiting my review"; none: every case. */
  queue?: CaseQueue;
  statuses: CaseStatus[];
  violationType?: CaseListQuery['violationType'];
  clientId?: string;
  assigneeId?: string;
  overdue: boolean;
  /** Active cases due before the end of today and not yet overdue (with `overdue`: both). */
  dueToday: boolean;
  q: string;
  sort: NonNullable<CaseListQuery['sort']>;
  order: NonNullable<CaseListQuery['order']>;
}

/** What an empty list says: what its queue holds when nothing narrows it, else that the filters match nothing. */
export function emptyListMessage(filters: CaseFilters): string {
  const narrowed =
    filters.statuses.length > 0 ||
    !!filters.violationType ||
    !!filters.clientId ||
    !!filters.assigneeId ||
    filters.overdue ||
    filters.dueToday ||
    filters.q.trim() !== '';
  if (narrowed) return 'No cases match these filters.';
  if (filters.queue === 'mine') return 'No open cases are assigned to you.';
  if (filters.queue === 'review') return 'Nothing is waiting for your review.';
  return 'No cases yet.';
}

export type CaseView = 'list' | 'board';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the filters from the URL; anything malformed is dropped instead of sent to the API. */
export function filtersFromParams(params: URLSearchParams): CaseFilters {
  const statuses = (params.get('status') ?? '').split(',').filter(isCaseStatus);
  const violationType = params.get('violationType');
  const clientId = params.get('clientId');
  const assigneeId = params.get('assigneeId');
  const sort = params.get('sort') === 'dueAt' ? 'dueAt' : 'updatedAt';
  const order = params.get('order') === 'asc' ? 'asc' : params.get('order') === 'desc' ? 'desc' : sort === 'dueAt' ? 'asc' : 'desc';
  const queue = CASE_QUEUES.find((q) => q === params.get('queue'));
  return {
    ...(queue ? { queue } : {}),
    statuses: CASE_STATUSES.filter((s) => statuses.includes(s)),
    violationType: violationType && isViolationType(violationType) ? violationType : undefined,
    clientId: clientId && UUID.test(clientId) ? clientId : undefined,
    assigneeId: assigneeId && UUID.test(assigneeId) ? assigneeId : undefined,
    overdue: params.get('overdue') === 'true',
    dueToday: params.get('dueToday') === 'true',
    q: (params.get('q') ?? '').slice(0, 200),
    sort,
    order,
  };
}

/** The URL form of the filters; defaults are left out so views stay short. */
export function filtersToParams(filters: CaseFilters, view: CaseView = 'list'): URLSearchParams {
  const params = new URLSearchParams();
  if (view === 'board') params.set('view', 'board');
  if (filters.queue) params.set('queue', filters.queue);
  if (filters.statuses.length > 0) params.set('status', filters.statuses.join(','));
  if (filters.violationType) params.set('violationType', filters.violationType);
  if (filters.clientId) params.set('clientId', filters.clientId);
  if (filters.assigneeId) params.set('assigneeId', filters.assigneeId);
  if (filters.overdue) params.set('overdue', 'true');
  if (filters.dueToday) params.set('dueToday', 'true');
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.sort !== 'updatedAt') params.set('sort', filters.sort);
  const defaultOrder = filters.sort === 'dueAt' ? 'asc' : 'desc';
  if (filters.order !== defaultOrder) params.set('order', filters.order);
  return params;
}

export function viewFromParams(params: URLSearchParams): CaseView {
  return params.get('view') === 'board' ? 'board' : 'list';
}

/** The API query of GET /api/v1/cases for these filters. */
export function filtersToQuery(filters: CaseFilters, now: Date = new Date()): CaseListQuery {
  const query: CaseListQuery = { sort: filters.sort, order: filters.order };
  if (filters.queue) query.queue = filters.queue;
  if (filters.statuses.length > 0) query.status = filters.statuses.join(',');
  if (filters.violationType) query.violationType = filters.violationType;
  if (filters.clientId) query.clientId = filters.clientId;
  if (filters.assigneeId) query.assigneeId = filters.assigneeId;
  if (filters.overdue && !filters.dueToday) query.overdue = 'true';
  if (filters.dueToday) {
    // Due today is not overdue (as the navigation counts it); both boxes: everything due by the end of today.
    if (!filters.overdue) query.overdue = 'false';
    query.dueBefore = endOfDay(now).toISOString();
    query.status ??= ACTIVE_STATUSES.join(',');
  }
  if (filters.q.trim()) query.q = filters.q.trim();
  return query;
}
