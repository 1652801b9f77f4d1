import { createPoaClient } from '@poa/sdk';
import { apiBaseUrl, tokenStore } from './token-store';

const NO_RETRY_PATHS = ['/api/v1/auth/login', '/api/v1/auth/signup', '/api/v1/auth/refresh', '/api/v1/auth/accept-invite'];

/** On a 401 the token has probably expired: refresh once through the cookie and replay the request. */
export async function fetchWithRefresh(input: Request): Promise<Response> {
  const replay = input.clone();
  const response = await fetch(input);
  if (response.status !== 401 || NO_RETRY_PATHS.includes(new URL(input.url).pathname)) return response;
  const session = await tokenStore.refresh();
  if (!session) return response;
  replay.headers.set('authorization', `Bearer ${session.accessToken}`);
  return fetch(replay);
}

/** The typed API client of the dashboard. */
export const api = createPoaClient({
  baseUrl: apiBaseUrl(),
  token: () => tokenStore.accessToken,
  fetch: fetchWithRefresh as typeof fetch,
});
