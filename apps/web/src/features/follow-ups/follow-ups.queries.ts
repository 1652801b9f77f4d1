import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@poa/sdk';
import { useMemo } from 'react';
import { api } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import { useTenantKey } from '../auth/session';
import { fileNameFrom, saveBlob } from '../cases/save-blob';

export type FollowUp = Schemas['FollowUpDto_Output'];
export type Cadence = FollowUp['cadence'];
export type FollowUpStatus = FollowUp['status'];
export type CheckInBody = Schemas['CreateCheckInDto'];

function useFollowUpKeys() {
  const key = useTenantKey();
  return useMemo(() => ({ all: key('follow-ups') }), [key]);
}

/** Follow-ups, next due first: of one client, or across clients by status. */
export function useFollowUps(filter: { clientId?: string; status?: FollowUpStatus }) {
  const keys = useFollowUpKeys();
  return useQuery({
    queryKey: [...keys.all, filter],
    queryFn: () => unwrap(api.GET('/api/v1/follow-ups', { params: { query: { ...filter, limit: 100 } } })),
  });
}

export function useCheckIn() {
  const keys = useFollowUpKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CheckInBody }) =>
      unwrap(api.POST('/api/v1/follow-ups/{id}/check-ins', { params: { path: { id } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useUpdateFollowUp() {
  const keys = useFollowUpKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Schemas['UpdateFollowUpDto'] }) =>
      unwrap(api.PATCH('/api/v1/follow-ups/{id}', { params: { path: { id } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Downloads the client's safety-net log (the PDF renders on first request: asked again until ready, up to two minutes). */
export function useSafetyNetDownload(clientId: string) {
  return useMutation({
    mutationFn: async ({ format, from, to }: { format: 'pdf' | 'csv'; from?: string; to?: string }) => {
      const query = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
      for (let attempt = 0; attempt < 120; attempt++) {
        const { data, response } =
          format === 'pdf'
            ? await api.GET('/api/v1/clients/{id}/safety-net.pdf', { params: { path: { id: clientId }, query }, parseAs: 'blob' })
            : await api.GET('/api/v1/clients/{id}/safety-net.csv', { params: { path: { id: clientId }, query }, parseAs: 'blob' });
        if (response.status === 202) {
          await sleep(1000);
          continue;
        }
        if (!response.ok || !(data instanceof Blob))
          throw ApiError.from(response.status, data ? JSON.parse(await (data as unknown as Blob).text()) : null);
        saveBlob(data, fileNameFrom(response, `safety-net.${format}`));
        return;
      }
      throw new ApiError(202, 'NOT_READY', 'The PDF is still being rendered: try again in a minute', null);
    },
  });
}
