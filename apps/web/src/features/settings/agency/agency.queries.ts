import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api } from '../../../api/client';
import { ApiError, unwrap } from '../../../api/errors';
import { useTenantKey } from '../../auth/session';
import { fileNameFrom } from '../../cases/save-blob';

/** The agency row (name, branding, deletion date): the same key as useTenant, so the top bar and the banner follow. */
function useAgencyKey() {
  const key = useTenantKey();
  return useMemo(() => key('tenant'), [key]);
}

/** Starts an export of all of the agency's data; the export is then polled until it is ready (or failed). */
export function useTenantExport() {
  const key = useTenantKey();
  const [exportId, setExportId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/tenant/export')),
    onSuccess: (started) => setExportId(started.id),
  });
  const status = useQuery({
    queryKey: key('tenant-export', exportId),
    enabled: exportId !== null,
    queryFn: () => unwrap(api.GET('/api/v1/tenant/exports/{exportId}', { params: { path: { exportId: exportId! } } })),
    refetchInterval: (query) => (query.state.data?.status === 'queued' || !query.state.data ? 1000 : false),
  });
  return { start, status, exportId };
}

/** Fetches a ready export's archive (.tar.gz) with the session's credentials. */
export function useDownloadExport(onFetched: (file: { blob: Blob; name: string }) => void) {
  return useMutation({
    mutationFn: async (exportId: string) => {
      const { data, response } = await api.GET('/api/v1/tenant/exports/{exportId}/archive', {
        params: { path: { exportId } },
        parseAs: 'blob',
      });
      if (!response.ok || !(data instanceof Blob))
        throw ApiError.from(response.status, data ? JSON.parse(await (data as Blob).text()) : null);
      return { blob: data, name: fileNameFrom(response, 'poa-desk-export.tar.gz') };
    },
    onSuccess: onFetched,
  });
}

/** Schedules the deletion of the agency (the owner typed its name); the agency row then carries the date. */
export function useScheduleDeletion() {
  const key = useAgencyKey();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (confirmName: string) => unwrap(api.DELETE('/api/v1/tenant', { body: { confirmName } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export function useCancelDeletion() {
  const key = useAgencyKey();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/tenant/deletion')),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
