import type { Schemas } from '@poa/sdk';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { Session } from '../../api/token-store';

/**
 * Log-in, sign-up and invite acceptance answer a session; `onSession` stores it (the session context's signIn)
 * and moves on. Nothing here is cached, so there are no query keys.
 */
type OnSession = (session: Session) => void;

export function useLogin(onSession: OnSession) {
  return useMutation({ mutationFn: (body: Schemas['LoginDto']) => unwrap(api.POST('/api/v1/auth/login', { body })), onSuccess: onSession });
}

export function useSignup(onSession: OnSession) {
  return useMutation({
    mutationFn: (body: Schemas['SignupDto']) => unwrap(api.POST('/api/v1/auth/signup', { body })),
    onSuccess: onSession,
  });
}

export function useAcceptInvite(onSession: OnSession) {
  return useMutation({
    mutationFn: (body: Schemas['AcceptInviteDto']) => unwrap(api.POST('/api/v1/auth/accept-invite', { body })),
    onSuccess: onSession,
  });
}

/** Ends the session on the server (the refresh cookie); a failure is ignored: the app forgets the session anyway. */
export async function logOut(): Promise<void> {
  await api.POST('/api/v1/auth/logout').catch(() => undefined);
}

/** The emailed confirmation link's token: confirms the address, after which the password logs in. */
export function useConfirmEmail(token: string) {
  return useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/auth/confirm-email', { body: { token } })) });
}
