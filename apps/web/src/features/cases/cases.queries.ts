import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { CaseDetail } from '../../api/types';
import { useTenantKey } from '../auth/session';

/** The case detail; polls while its PDF is being rendered. */
export function useCase(id: string) {
  const key = useTenantKey();
  return useQuery({
    queryKey: key('cases', id),
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => (isRendering(query.state.data) ? 2000 : false),
  });
}

function isRendering(detail: CaseDetail | undefined): boolean {
  return detail?.pdf?.status === 'queued' || detail?.pdf?.status === 'rendering' || (detail?.approvedVersion != null && !detail.pdf);
}

export function useAttachments(caseId: string) {
  const key = useTenantKey();
  return useQuery({
    queryKey: key('cases', caseId, 'attachments'),
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/attachments', { params: { path: { id: caseId } } })),
  });
}
