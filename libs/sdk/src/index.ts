import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './generated/schema';
import { idempotencyKeyReused } from './idempotency';

export type { components, paths };
export type Schemas = components['schemas'];
export type PoaClient = Client<paths>;

/** The error body every POA Desk failure carries. */
export interface PoaErrorBody {
  error: { code: string; message: string; details?: unknown; requestId?: string };
}

export interface PoaClientOptions {
  /** e.g. https://poa-desk.example.com (no trailing /api/v1: paths carry it). */
  baseUrl: string;
  /** A staff access token or an API key (`poa_...`), read before every request. */
  token?: string | (() => string | null | undefined);
  fetch?: typeof fetch;
  headers?: Record<string, string>;
}

/**
 * A typed client for the POA Desk REST API, generated from its OpenAPI document. Failures come back as `error`,
 * except a reused Idempotency-Key, a bug in the caller: the call rejects with an IdempotencyKeyReusedError.
 */
export function createPoaClient(options: PoaClientOptions): PoaClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl, fetch: options.fetch, headers: options.headers, credentials: 'include' });
  const auth: Middleware = {
    onRequest({ request }) {
      const token = typeof options.token === 'function' ? options.token() : options.token;
      if (token && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
  };
  client.use(auth, idempotencyKeyReused);
  return client;
}

export { IdempotencyKeyReusedError, type StoredRequest } from './idempotency';
export { verifyWebhookSignature } from './webhook-signature';
