import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useTenantKey } from '../auth/session';

function useNotificationKeys() {
  const key = useTenantKey();
  return useMemo(() => ({ all: key('notifications') }), [key]);
}

/** The newest notifications of the logged-in user and the unread count; polled so the bell moves without a reload. */
export function useNotifications() {
  const keys = useNotificationKeys();
  return useQuery({
    queryKey: keys.all,
    queryFn: () => unwrap(api.GET('/api/v1/notifications', { params: { query: { limit: 20 } } })),
    refetchInterval: 60_000,
  });
}

export function useMarkNotificationRead() {
  const keys = useNotificationKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
