import type { Middleware } from 'openapi-fetch';

/** The request that first used an Idempotency-Key, as the API stored it. */
export interface StoredRequest {
  method: string;
  path: string;
  /** When the API received it (ISO 8601). */
  at: string;
}

/**
 * Thrown (the promise of the call rejects) when the API answers 422 IDEMPOTENCY_KEY_REUSED: the key was first used
 * with another request, which `stored` names. It is a bug of the caller, not a state to handle: the key must
 * derive from the same record as the body (a CRM ticket), never from the clock or a counter.
 */
export class IdempotencyKeyReusedError extends Error {
  override readonly name = 'IdempotencyKeyReusedError';
  readonly code = 'IDEMPOTENCY_KEY_REUSED';

  constructor(
    readonly key: string,
    /** This request. */
    readonly request: { method: string; path: string },
    /** The first request with this key; null when the API did not say (an answer stored before it named it). */
    readonly stored: StoredRequest | null,
    readonly requestId?: string,
  ) {
    super(
      `Idempotency-Key "${key}" was already used with a different request` +
        (stored ? ` (${stored.method} ${stored.path} at ${stored.at})` : '') +
        `; this ${request.method} ${request.path} differs from it in method, path or body. ` +
        'Derive the key and the body from the same record, never from the clock.',
    );
  }
}

function storedRequestOf(details: unknown): StoredRequest | null {
  if (!details || typeof details !== 'object') return null;
  const { method, path, at } = details as Record<string, unknown>;
  return typeof method === 'string' && typeof path === 'string' && typeof at === 'string' ? { method, path, at } : null;
}

/** Turns a 422 IDEMPOTENCY_KEY_REUSED answer into an IdempotencyKeyReusedError. */
export const idempotencyKeyReused: Middleware = {
  async onResponse({ request, response }) {
    const key = request.headers.get('idempotency-key');
    if (response.status !== 422 || key === null) return undefined;
    const body = (await response
      .clone()
      .json()
      .catch(() => null)) as { error?: { code?: string; details?: unknown; requestId?: string } } | null;
    if (body?.error?.code !== 'IDEMPOTENCY_KEY_REUSED') return undefined;
    const url = new URL(request.url);
    throw new IdempotencyKeyReusedError(
      key,
      { method: request.method, path: url.pathname },
      storedRequestOf(body.error.details),
      body.error.requestId,
    );
  },
};
