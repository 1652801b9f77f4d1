import { hasRoleAtLeast, type StaffRole } from '@poa/domain';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { tokenStore, type Session } from '../../api/token-store';
import { logOut } from './auth.queries';

type SessionState = { status: 'loading' } | { status: 'anonymous' } | { status: 'authenticated'; session: Session };

interface SessionContextValue {
  state: SessionState;
  /** Stores a session answered by log-in, sign-up or invite acceptance. */
  signIn(session: Session): void;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const queryClient = useQueryClient();

  useEffect(() => {
    const unsubscribe = tokenStore.subscribe((session) => {
      setState(session ? { status: 'authenticated', session } : { status: 'anonymous' });
      if (!session) queryClient.clear();
    });
    // The refresh cookie survives reloads: try it once at start-up.
    void tokenStore.refresh();
    return unsubscribe;
  }, [queryClient]);

  const signIn = useCallback((session: Session) => tokenStore.setSession(session), []);
  const signOut = useCallback(async () => {
    await logOut();
    tokenStore.setSession(null);
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut }), [state, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSessionContext(): SessionContextValue {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSessionContext outside SessionProvider');
  return context;
}

/** The signed-in session; only inside the authenticated part of the app. */
export function useSession(): Session {
  const { state } = useSessionContext();
  if (state.status !== 'authenticated') throw new Error('useSession without a session');
  return state.session;
}

/** Every TanStack Query key starts with the tenant: switching accounts never shows another agency's cache. */
export function useTenantKey(): (...parts: unknown[]) => unknown[] {
  const tenantId = useSession().tenant.id;
  return useCallback((...parts: unknown[]) => ['tenant', tenantId, ...parts], [tenantId]);
}

export function useCan(minimum: StaffRole): boolean {
  return hasRoleAtLeast(useSession().user.role, minimum);
}
