import type { Schemas } from '@poa/sdk';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { useTenantKey } from '../../auth/session';

export type CreateApiKeyBody = Schemas['CreateApiKeyDto'];

function useApiKeyKeys() {
  const key = useTenantKey();
  return useMemo(() => ({ all: key('api-keys') }), [key]);
}

export function useApiKeys() {
  const keys = useApiKeyKeys();
  return useQuery({ queryKey: keys.all, queryFn: () => unwrap(api.GET('/api/v1/api-keys')) });
}

/** Creates a key; its secret is only in the answer (the mutation's data), never again. */
export function useCreateApiKey(onCreated: () => void) {
  const keys = useApiKeyKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiKeyBody) => unwrap(api.POST('/api/v1/api-keys', { body })),
    onSuccess: () => {
      onCreated();
      void queryClient.invalidateQueries({ queryKey: keys.all });
    },
  });
}

export function useRevokeApiKey() {
  const keys = useApiKeyKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/api-keys/{id}', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
