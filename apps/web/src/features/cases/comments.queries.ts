import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { CreateCommentBody } from '../../api/types';
import { useCaseKeys } from './cases.queries';

/** The comments of a case, internal and shared. */
export function useComments(caseId: string) {
  const keys = useCaseKeys();
  return useQuery({
    queryKey: [...keys.detail(caseId), 'comments'],
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/comments', { params: { path: { id: caseId }, query: { limit: 100 } } })),
  });
}

export function useAddComment(caseId: string, onAdded: () => void) {
  const keys = useCaseKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (comment: CreateCommentBody) =>
      unwrap(api.POST('/api/v1/cases/{id}/comments', { params: { path: { id: caseId } }, body: comment })),
    onSuccess: () => {
      onAdded();
      void queryClient.invalidateQueries({ queryKey: keys.detail(caseId) });
    },
  });
}
