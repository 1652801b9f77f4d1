import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { ComplianceDocumentsBody, ListingFixesBody, RetractionBody } from '../../api/types';
import { useCaseKeys } from './cases.queries';

/** Keys of the path panels, under the case (so a case refresh refreshes them). */
function useResolutionKey(caseId: string) {
  const keys = useCaseKeys();
  return (part: string) => [...keys.detail(caseId), part];
}

/** The retraction tracker of an IP case. */
export function useRetraction(caseId: string) {
  const key = useResolutionKey(caseId);
  return useQuery({
    queryKey: key('retraction'),
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/retraction', { params: { path: { id: caseId } } })),
  });
}

/** The letter to the rights owner, drafted from the case and the tracker. */
export function useRetractionLetter(caseId: string) {
  const key = useResolutionKey(caseId);
  return useQuery({
    queryKey: key('retraction-letter'),
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/retraction/letter', { params: { path: { id: caseId } } })),
  });
}

export function useSaveRetraction(caseId: string) {
  const key = useResolutionKey(caseId);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RetractionBody) => unwrap(api.PUT('/api/v1/cases/{id}/retraction', { params: { path: { id: caseId } }, body })),
    onSuccess: (saved) => {
      queryClient.setQueryData(key('retraction'), saved);
      void queryClient.invalidateQueries({ queryKey: key('retraction-letter') });
      void queryClient.invalidateQueries({ queryKey: key('events') });
    },
  });
}

/** The listing changes to make, each confirmed once live. */
export function useListingFixes(caseId: string) {
  const key = useResolutionKey(caseId);
  return useQuery({
    queryKey: key('listing-fixes'),
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/listing-fixes', { params: { path: { id: caseId } } })),
  });
}

export function useSaveListingFixes(caseId: string) {
  const key = useResolutionKey(caseId);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ListingFixesBody) => unwrap(api.PUT('/api/v1/cases/{id}/listing-fixes', { params: { path: { id: caseId } }, body })),
    onSuccess: (saved) => queryClient.setQueryData(key('listing-fixes'), saved),
  });
}

/** The compliance documents to provide, each with its upload. */
export function useComplianceDocuments(caseId: string) {
  const key = useResolutionKey(caseId);
  return useQuery({
    queryKey: key('compliance-documents'),
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/compliance-documents', { params: { path: { id: caseId } } })),
  });
}

export function useSaveComplianceDocuments(caseId: string) {
  const key = useResolutionKey(caseId);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ComplianceDocumentsBody) =>
      unwrap(api.PUT('/api/v1/cases/{id}/compliance-documents', { params: { path: { id: caseId } }, body })),
    onSuccess: (saved) => queryClient.setQueryData(key('compliance-documents'), saved),
  });
}
