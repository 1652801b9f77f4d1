import { ACTIVE_STATUSES } from '@poa/domain';
import { useQuery } from '@tanstack/react-query';
import { useTenantKey } from '../features/auth/session';
import { endOfDay } from '../lib/deadline';
import { api } from './client';
import { unwrap } from './errors';

/** Team members, for assignee pickers and filters. */
export function useUsers() {
  const key = useTenantKey();
  return useQuery({
    queryKey: key('users'),
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { limit: 100 } } })),
    staleTime: 60_000,
  });
}

/** Clients for pickers (first 100 by name), optionally searched. */
export function useClientOptions(q = '') {
  const key = useTenantKey();
  return useQuery({
    queryKey: key('clients', 'list', { q }),
    queryFn: () => unwrap(api.GET('/api/v1/clients', { params: { query: { limit: 100, ...(q ? { q } : {}) } } })),
    staleTime: 30_000,
  });
}

/** Active cases due before the end of today (overdue ones included). */
export function useDueToday() {
  const key = useTenantKey();
  return useQuery({
    queryKey: key('cases', 'due-today'),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cases', {
          params: { query: { status: ACTIVE_STATUSES.join(','), dueBefore: endOfDay().toISOString(), sort: 'dueAt', order: 'asc', limit: 100 } },
        }),
      ),
    refetchInterval: 60_000,
  });
}
