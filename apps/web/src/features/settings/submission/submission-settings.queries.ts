import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { SubmissionLimits } from '../../../api/types';
import { useTenantKey } from '../../auth/session';

/** The agency's Seller Central field limits (every role reads them: the editor counts against them). */
export function useSubmissionSettings() {
  const key = useTenantKey()('settings', 'submission');
  return useQuery({ queryKey: key, queryFn: () => unwrap(api.GET('/api/v1/settings/submission')), staleTime: 60_000 });
}

export function useSaveSubmissionSettings() {
  const tenantKey = useTenantKey();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (limits: SubmissionLimits) => unwrap(api.PUT('/api/v1/settings/submission', { body: { limits } })),
    onSuccess: (saved) => {
      queryClient.setQueryData(tenantKey('settings', 'submission'), saved);
      // Draft checks (field_over_limit) come from the server too.
      void queryClient.invalidateQueries({ queryKey: tenantKey('cases') });
    },
  });
}
