import type { Schemas } from '@poa/sdk';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useCaseKeys } from './cases.queries';

export type EvidenceItem = Schemas['EvidenceItemDto_Output'];
export type EvidenceDetails = Schemas['EvidenceDetailsDto'];

/** The case's evidence checklist (under the case key: an upload refreshes it). */
export function useEvidence(caseId: string) {
  const keys = useCaseKeys();
  return useQuery({
    queryKey: [...keys.detail(caseId), 'evidence'],
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/evidence', { params: { path: { id: caseId } } })),
  });
}

function useRefreshCase(caseId: string) {
  const keys = useCaseKeys();
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: keys.detail(caseId) });
}

/** Waives an item with a reason, or (reason null) asks for it again. */
export function useWaiveEvidence(caseId: string) {
  const refresh = useRefreshCase(caseId);
  return useMutation({
    mutationFn: ({ key, reason }: { key: string; reason: string | null }) =>
      reason === null
        ? unwrap(api.DELETE('/api/v1/cases/{id}/evidence/{key}/waive', { params: { path: { id: caseId, key } } }))
        : unwrap(api.POST('/api/v1/cases/{id}/evidence/{key}/waive', { params: { path: { id: caseId, key } }, body: { reason } })),
    onSuccess: refresh,
  });
}

/** Saves the fields typed from an invoice or a letter of authorisation. */
export function useSaveEvidenceDetails(caseId: string) {
  const refresh = useRefreshCase(caseId);
  return useMutation({
    mutationFn: ({ key, details }: { key: string; details: EvidenceDetails }) =>
      unwrap(api.PUT('/api/v1/cases/{id}/evidence/{key}/details', { params: { path: { id: caseId, key } }, body: details })),
    onSuccess: refresh,
  });
}
