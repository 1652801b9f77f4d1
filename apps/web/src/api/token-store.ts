import { createPoaClient, type Schemas } from '@poa/sdk';

export type Session = Schemas['SessionDto_Output'];

type Listener = (session: Session | null) => void;

/**
 * The access token lives only in memory (15 minutes); the httpOnly refresh cookie survives reloads.
 * One refresh at a time: concurrent 401s share the same promise.
 */
class TokenStore {
  private token: string | null = null;
  private refreshing: Promise<Session | null> | null = null;
  private readonly listeners = new Set<Listener>();
  /** No middleware and no retry: refreshing must never recurse into itself. */
  private readonly authClient = createPoaClient({ baseUrl: apiBaseUrl() });

  get accessToken(): string | null {
    return this.token;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** After log-in, sign-up, invite acceptance or refresh. */
  setSession(session: Session | null): void {
    this.token = session?.accessToken ?? null;
    for (const listener of this.listeners) listener(session);
  }

  refresh(): Promise<Session | null> {
    this.refreshing ??= this.authClient
      .POST('/api/v1/auth/refresh')
      .then(({ data, response }) => (response.ok && data ? data : null))
      .catch(() => null)
      .then((session) => {
        this.setSession(session);
        return session;
      })
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }
}

export function apiBaseUrl(): string {
  return typeof window === 'undefined' ? 'http://localhost' : window.location.origin;
}

export const tokenStore = new TokenStore();
