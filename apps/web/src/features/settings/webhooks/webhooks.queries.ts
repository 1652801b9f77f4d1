import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { nextCursorOf } from '../../../api/nullable';
import { useTenantKey } from '../../auth/session';
import type { Delivery, Webhook, WebhookEvent } from './webhook-events';

/** The query keys of webhooks, under the tenant; an endpoint's deliveries sit under it. */
function useWebhookKeys() {
  const key = useTenantKey();
  return useMemo(
    () => ({
      all: key('webhooks'),
      detail: (id: string) => key('webhooks', id),
      deliveries: (id: string) => key('webhooks', id, 'deliveries'),
    }),
    [key],
  );
}

export function useWebhooks() {
  const keys = useWebhookKeys();
  return useQuery({ queryKey: keys.all, queryFn: () => unwrap(api.GET('/api/v1/webhooks')) });
}

export function useWebhook(id: string) {
  const keys = useWebhookKeys();
  return useQuery({ queryKey: keys.detail(id), queryFn: () => unwrap(api.GET('/api/v1/webhooks/{id}', { params: { path: { id } } })) });
}

/**
 * The delivery log of an endpoint, newest first, 50 at a time. It is followed every 2 s while a delivery is pending
 * (the worker retries it) and until `followUntil` (a redelivery leaves the status as it is until the worker sends it).
 */
export function useWebhookDeliveries(id: string, status: Delivery['status'] | '', followUntil: number) {
  const keys = useWebhookKeys();
  return useInfiniteQuery({
    queryKey: [...keys.deliveries(id), { status }],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/webhooks/{id}/deliveries', {
          params: { path: { id }, query: { limit: 50, ...(status ? { status } : {}), ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: '' as string,
    getNextPageParam: (page) => nextCursorOf(page),
    refetchInterval: (query) =>
      Date.now() < followUntil || query.state.data?.pages.some((p) => p.data.some((d) => d.status === 'pending')) ? 2000 : false,
  });
}

/** Adds an endpoint; its signing secret is only in the answer (the mutation's data), never again. */
export function useCreateWebhook(onCreated: () => void) {
  const keys = useWebhookKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { url: string; events: WebhookEvent[] }) => unwrap(api.POST('/api/v1/webhooks', { body })),
    onSuccess: () => {
      onCreated();
      void queryClient.invalidateQueries({ queryKey: keys.all });
    },
  });
}

export function useToggleWebhook(webhook: Webhook) {
  const keys = useWebhookKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.PATCH('/api/v1/webhooks/{id}', { params: { path: { id: webhook.id } }, body: { enabled: !webhook.enabled } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useDeleteWebhook(id: string) {
  const keys = useWebhookKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/webhooks/{id}', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

/** Sends a delivery again; the log is refreshed either way. */
export function useRedeliver(delivery: Delivery, onQueued: () => void) {
  const keys = useWebhookKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver', {
          params: { path: { id: delivery.webhookId, deliveryId: delivery.id } },
        }),
      ),
    onSuccess: onQueued,
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.deliveries(delivery.webhookId) }),
  });
}

/** Queues a signed `webhook.test` event to the endpoint; the answer is its delivery, which the log then follows. */
export function useSendTestEvent(webhookId: string, onQueued: () => void) {
  const keys = useWebhookKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/webhooks/{id}/test', { params: { path: { id: webhookId } } })),
    onSuccess: onQueued,
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.deliveries(webhookId) }),
  });
}
