import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { nextCursorOf } from '../../api/nullable';
import type { Client, Contact, CreateClientBody } from '../../api/types';
import { useTenantKey } from '../auth/session';

/** The query keys of clients and their contacts, under the tenant. */
export function useClientKeys() {
  const key = useTenantKey();
  return useMemo(
    () => ({
      all: key('clients'),
      list: (query: object) => key('clients', 'list', query),
      detail: (id: string) => key('clients', id),
      contacts: (clientId: string) => key('clients', clientId, 'contacts'),
    }),
    [key],
  );
}

const createClient = (body: CreateClientBody) => unwrap(api.POST('/api/v1/clients', { body }));

/** Clients for pickers (first 100 by name), optionally searched. */
export function useClientOptions(q = '') {
  const keys = useClientKeys();
  return useQuery({
    queryKey: keys.list({ q }),
    queryFn: () => unwrap(api.GET('/api/v1/clients', { params: { query: { limit: 100, ...(q ? { q } : {}) } } })),
    staleTime: 30_000,
  });
}

/** The clients list, 50 at a time. */
export function useClients({ q, includeArchived }: { q: string; includeArchived: boolean }) {
  const keys = useClientKeys();
  return useInfiniteQuery({
    queryKey: keys.list({ q, includeArchived }),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/clients', {
          params: {
            query: {
              limit: 50,
              ...(q ? { q } : {}),
              ...(includeArchived ? { includeArchived: 'true' } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: '' as string,
    getNextPageParam: (page) => nextCursorOf(page),
  });
}

export function useClient(id: string) {
  const keys = useClientKeys();
  return useQuery({ queryKey: keys.detail(id), queryFn: () => unwrap(api.GET('/api/v1/clients/{id}', { params: { path: { id } } })) });
}

/** Creates a client, or edits the one with `clientId`. */
export function useSaveClient(clientId: string | undefined, onSaved: (client: Client) => void) {
  const keys = useClientKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateClientBody) =>
      clientId ? unwrap(api.PATCH('/api/v1/clients/{id}', { params: { path: { id: clientId } }, body })) : createClient(body),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: keys.all });
      onSaved(saved);
    },
  });
}

/** Creates a client from a picker; `onAdded` runs once the client lists have reloaded, so the pickers list it. */
export function useQuickAddClient(onAdded: (client: Client) => void) {
  const keys = useClientKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createClient,
    onSuccess: async (client) => {
      await queryClient.invalidateQueries({ queryKey: keys.all });
      onAdded(client);
    },
  });
}

/** The seller's people who use the client portal. */
export function useContacts(clientId: string) {
  const keys = useClientKeys();
  return useQuery({
    queryKey: keys.contacts(clientId),
    queryFn: () => unwrap(api.GET('/api/v1/clients/{id}/contacts', { params: { path: { id: clientId } } })),
  });
}

export function useAddContact(clientId: string, onAdded: () => void) {
  const keys = useClientKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (contact: { name: string; email: string }) =>
      unwrap(api.POST('/api/v1/clients/{id}/contacts', { params: { path: { id: clientId } }, body: contact })),
    onSuccess: () => {
      onAdded();
      void queryClient.invalidateQueries({ queryKey: keys.contacts(clientId) });
    },
  });
}

/** A one-time portal log-in link for a contact. */
export function useCreateLoginLink(contact: Contact) {
  return useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/clients/{id}/contacts/{contactId}/login-links', {
          params: { path: { id: contact.clientId, contactId: contact.id } },
        }),
      ),
  });
}
