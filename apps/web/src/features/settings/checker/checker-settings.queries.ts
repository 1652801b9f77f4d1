import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { CheckerRuleSettings } from '../../../api/types';
import { useTenantKey } from '../../auth/session';

/** The agency's severity per checker rule (every role reads them: the editor's live checker applies them). */
export function useCheckerSettings() {
  const key = useTenantKey()('settings', 'checker');
  return useQuery({ queryKey: key, queryFn: () => unwrap(api.GET('/api/v1/settings/checker')), staleTime: 60_000 });
}

export function useSaveCheckerSettings() {
  const tenantKey = useTenantKey();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { rules: CheckerRuleSettings; maxLength: number | null }) => unwrap(api.PUT('/api/v1/settings/checker', { body })),
    onSuccess: (saved) => {
      queryClient.setQueryData(tenantKey('settings', 'checker'), saved);
      // Draft checks come from the server too.
      void queryClient.invalidateQueries({ queryKey: tenantKey('cases') });
    },
  });
}
