import type { StaffRole } from '@poa/domain';
import type { Schemas } from '@poa/sdk';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { useTenantKey } from '../../auth/session';

export type InviteBody = Schemas['InviteUserDto'];

function useUserKeys() {
  const key = useTenantKey();
  return useMemo(() => ({ all: key('users') }), [key]);
}

function useInvalidateUsers() {
  const keys = useUserKeys();
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: keys.all }), [keys, queryClient]);
}

const listUsers = () => unwrap(api.GET('/api/v1/users', { params: { query: { limit: 100 } } }));

/** Team members, for assignee pickers and filters (a minute old is fresh enough). */
export function useUsers() {
  const keys = useUserKeys();
  return useQuery({ queryKey: keys.all, queryFn: listUsers, staleTime: 60_000 });
}

/** Team members, for the team settings. */
export function useTeam() {
  const keys = useUserKeys();
  return useQuery({ queryKey: keys.all, queryFn: listUsers });
}

export function useInviteUser(onInvited: () => void) {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: InviteBody) => unwrap(api.POST('/api/v1/users', { body })),
    onSuccess: () => {
      onInvited();
      void invalidate();
    },
  });
}

export function useChangeRole(userId: string) {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (role: StaffRole) => unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id: userId } }, body: { role } })),
    onSettled: invalidate,
  });
}

export function useDeactivateUser(userId: string) {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/users/{id}/deactivate', { params: { path: { id: userId } } })),
    onSettled: invalidate,
  });
}
