import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useTenantKey } from '../auth/session';

/** The agency's plans that won for one violation type, anonymised. */
export function useExamples(violationType: string, enabled = true) {
  const key = useTenantKey();
  return useQuery({
    queryKey: key('library', violationType),
    queryFn: () => unwrap(api.GET('/api/v1/library', { params: { query: { violationType: violationType as never } } })),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** Saves an example as the case's next version (its sentences are then flagged as template text until edited). */
export function useStartFromExample(caseId: string) {
  const key = useTenantKey();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { exampleId: string; baseVersion: number }) =>
      unwrap(api.POST('/api/v1/cases/{id}/drafts/from-example', { params: { path: { id: caseId } }, body: input })),
    onSuccess: (draft) => {
      queryClient.setQueryData(key('cases', caseId, 'drafts', draft.version), draft);
      void queryClient.invalidateQueries({ queryKey: key('cases') });
    },
  });
}
