import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { useCaseKeys } from './cases.queries';

/** What was sent to Amazon in each round, newest first (a transition refreshes it with the case). */
export function useSubmissions(caseId: string) {
  const keys = useCaseKeys();
  return useQuery({
    queryKey: [...keys.detail(caseId), 'submissions'],
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/submissions', { params: { path: { id: caseId } } })),
  });
}
