import { useQuery } from '@tanstack/react-query';
import { useSession, useTenantKey } from '../../auth/session';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';

/** Key of the agency (name and branding); invalidating it also refreshes the branding preview. */
export const TENANT_KEY = 'tenant';

/** The agency: starts from the session's copy, refetched after branding changes so the top bar follows. */
export function useTenant() {
  const key = useTenantKey();
  const session = useSession();
  return useQuery({
    queryKey: key(TENANT_KEY),
    queryFn: () => unwrap(api.GET('/api/v1/tenant')),
    initialData: session.tenant,
    staleTime: 5 * 60_000,
  });
}
