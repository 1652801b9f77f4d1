import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { nextCursorOf } from '../../api/nullable';
import type { CaseDetail, CaseListQuery, CasePage, CreateCaseBody, TransitionBody, UpdateCaseBody } from '../../api/types';
import { endOfDay } from '../../lib/deadline';
import { useTenantKey } from '../auth/session';

/**
 * The query keys of cases, under the tenant. Drafts, comments, attachments and events of a case sit under
 * `detail(id)`, so invalidating a case (or `all`) refreshes them too.
 */
export function useCaseKeys() {
  const key = useTenantKey();
  return useMemo(
    () => ({
      all: key('cases'),
      list: (query: object) => key('cases', 'list', query),
      board: (query: object) => key('cases', 'board', query),
      counts: key('cases', 'counts'),
      detail: (id: string) => key('cases', id),
    }),
    [key],
  );
}

/** Marks every case query stale (after a draft is saved elsewhere than through these hooks). */
export function useInvalidateCases(): () => void {
  const keys = useCaseKeys();
  const queryClient = useQueryClient();
  return useCallback(() => void queryClient.invalidateQueries({ queryKey: keys.all }), [keys, queryClient]);
}

/** The case detail; polls while its PDF is being rendered. */
export function useCase(id: string) {
  const keys = useCaseKeys();
  return useQuery({
    queryKey: keys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => (isRendering(query.state.data) ? 2000 : false),
  });
}

function isRendering(detail: CaseDetail | undefined): boolean {
  return detail?.pdf?.status === 'queued' || detail?.pdf?.status === 'rendering' || (detail?.approvedVersion != null && !detail.pdf);
}

export type CaseCounts = NonNullable<CasePage['counts']>;

/** The first page of a list also answers the counts of the navigation (one request), kept under `keys.counts`. */
function fetchCasePage(queryClient: QueryClient, countsKey: unknown[], query: CaseListQuery, cursor: string) {
  const params = cursor
    ? { ...query, limit: 50, cursor }
    : { ...query, limit: 50, counts: 'true' as const, dayEnd: endOfDay().toISOString() };
  return unwrap(api.GET('/api/v1/cases', { params: { query: params } })).then((page) => {
    if (page.counts) queryClient.setQueryData(countsKey, page.counts);
    return page;
  });
}

function caseListOptions(keys: ReturnType<typeof useCaseKeys>, queryClient: QueryClient, query: CaseListQuery) {
  return {
    queryKey: keys.list(query),
    queryFn: ({ pageParam }: { pageParam: string }) => fetchCasePage(queryClient, keys.counts, query, pageParam),
    initialPageParam: '',
    getNextPageParam: (page: CasePage) => nextCursorOf(page),
  };
}

/** The cases list, 50 at a time; the rows shown stay while the next filter's rows load. */
export function useCaseList(query: CaseListQuery) {
  const keys = useCaseKeys();
  const queryClient = useQueryClient();
  return useInfiniteQuery({ ...caseListOptions(keys, queryClient, query), placeholderData: keepPreviousData });
}

/** Loads the first page of each list in the background, so switching views shows rows at once. */
export function usePrefetchCaseLists(): (queries: CaseListQuery[]) => void {
  const keys = useCaseKeys();
  const queryClient = useQueryClient();
  return useCallback(
    (queries) => {
      for (const query of queries) void queryClient.prefetchInfiniteQuery(caseListOptions(keys, queryClient, query));
    },
    [keys, queryClient],
  );
}

/**
 * Due today, overdue and the queues, for the navigation. The list page fills it from its own first page; elsewhere
 * (`fetchOwn`) it asks for one row with the counts.
 */
export function useCaseCounts(fetchOwn: boolean) {
  const keys = useCaseKeys();
  return useQuery({
    queryKey: keys.counts,
    queryFn: async (): Promise<CaseCounts> => {
      const page = await unwrap(
        api.GET('/api/v1/cases', { params: { query: { limit: 1, counts: 'true', dayEnd: endOfDay().toISOString() } } }),
      );
      if (!page.counts) throw new Error('The API answered no counts');
      return page.counts;
    },
    enabled: fetchOwn,
    refetchInterval: fetchOwn ? 60_000 : false,
  });
}

/** The first 100 cases, for the board. */
export function useCaseBoard(filters: CaseListQuery) {
  const keys = useCaseKeys();
  const query = { ...filters, limit: 100 };
  return useQuery({ queryKey: keys.board(query), queryFn: () => unwrap(api.GET('/api/v1/cases', { params: { query } })) });
}

/** A client's cases, last updated first. */
export function useClientCases(clientId: string) {
  const keys = useCaseKeys();
  return useQuery({
    queryKey: keys.list({ clientId }),
    queryFn: () => unwrap(api.GET('/api/v1/cases', { params: { query: { clientId, limit: 100, sort: 'updatedAt', order: 'desc' } } })),
  });
}

/** The timeline of a case. */
export function useCaseEvents(caseId: string) {
  const keys = useCaseKeys();
  return useQuery({
    queryKey: [...keys.detail(caseId), 'events'],
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/events', { params: { path: { id: caseId }, query: { limit: 100 } } })),
  });
}

export function useCreateCase(onCreated: (created: CaseDetail) => void) {
  const keys = useCaseKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCaseBody) => unwrap(api.POST('/api/v1/cases', { body })),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: keys.all });
      onCreated(created);
    },
  });
}

/** Updates the facts of a case (PATCH: only the fields sent change). */
export function useUpdateCase(caseId: string, onSaved: () => void) {
  const keys = useCaseKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: UpdateCaseBody) => unwrap(api.PATCH('/api/v1/cases/{id}', { params: { path: { id: caseId } }, body: changes })),
    onSuccess: (updated) => {
      queryClient.setQueryData(keys.detail(caseId), updated);
      void queryClient.invalidateQueries({ queryKey: keys.all });
      onSaved();
    },
  });
}

/** Moves a case through the workflow; `beforeSend` runs first (the editor saves what was typed). */
export function useCaseTransition(
  caseId: string,
  { beforeSend, onMoved }: { beforeSend: () => Promise<void> | undefined; onMoved: () => void },
) {
  const keys = useCaseKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: TransitionBody) => {
      await beforeSend();
      return unwrap(api.POST('/api/v1/cases/{id}/transitions', { params: { path: { id: caseId } }, body }));
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(keys.detail(caseId), updated);
      onMoved();
      void queryClient.invalidateQueries({ queryKey: keys.all });
    },
  });
}

/** A workflow move made from the board (no comment or parameters). */
export function useBoardMove() {
  const keys = useCaseKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, action }: { caseId: string; action: TransitionBody['action'] }) =>
      unwrap(api.POST('/api/v1/cases/{id}/transitions', { params: { path: { id: caseId } }, body: { action } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

/** A one-time portal link (15 minutes) that opens this case for one contact of its client, to share by hand. */
export function useCasePortalLink(caseId: string) {
  return useMutation({
    mutationFn: (contactId: string) =>
      unwrap(api.POST('/api/v1/cases/{id}/portal-links', { params: { path: { id: caseId } }, body: { contactId } })),
  });
}
