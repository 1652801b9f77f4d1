import type { Schemas } from '@poa/sdk';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { useTenantKey } from '../../auth/session';

export type Playbook = Schemas['PlaybookDto_Output'];
export type PlaybookInput = Schemas['PlaybookInputDto'];

/** Every violation type's playbook (the agency's copy or the built-in one). */
export function usePlaybooks() {
  const key = useTenantKey()('playbooks');
  return useQuery({ queryKey: key, queryFn: () => unwrap(api.GET('/api/v1/playbooks')) });
}

/** Saves a violation type's playbook, or (input null) returns it to the built-in default. */
export function useSavePlaybook(violationType: string) {
  const tenantKey = useTenantKey();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PlaybookInput | null) =>
      input === null
        ? unwrap(api.DELETE('/api/v1/playbooks/{violationType}', { params: { path: { violationType } } }))
        : unwrap(api.PUT('/api/v1/playbooks/{violationType}', { params: { path: { violationType } }, body: input })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: tenantKey('playbooks') }),
  });
}
