import { createHmac } from 'node:crypto';
import http, { type RequestOptions } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { VettedTarget } from '@poa/jobs';

export interface AttemptResult {
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>` */
export function signatureHeader(secret: string, rawBody: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
  return `t=${timestamp},v1=${v1}`;
}

/** Answers every look-up with the address vetted before: a DNS answer that changed since (rebinding) is never used. */
function pinnedLookup(target: VettedTarget): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  }) as unknown as LookupFunction;
}

/** One POST of a signed event; never throws: a refused connection, a timeout or a non-2xx answer is a result too. */
export function postEvent(
  target: VettedTarget,
  rawBody: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const transport = target.url.protocol === 'https:' ? https : http;
  const options: RequestOptions = {
    method: 'POST',
    lookup: pinnedLookup(target),
    agent: false,
    timeout: timeoutMs,
    headers: {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(rawBody),
      'User-Agent': 'PoaDesk-Webhooks/1.0',
      ...headers,
    },
  };
  return new Promise((resolve) => {
    let done = false;
    const finish = (result: AttemptResult) => {
      if (done) return;
      done = true;
      clearTimeout(deadline);
      resolve(result);
    };
    const request = transport.request(target.url, options, (response) => {
      // The answer's body is not kept; reading it lets the socket close.
      response.resume();
      response.on('end', () => finish({ statusCode: response.statusCode ?? null, latencyMs: elapsed(), error: null }));
      response.on('error', (error) => finish({ statusCode: response.statusCode ?? null, latencyMs: elapsed(), error: error.message }));
    });
    // The whole exchange, not only idle time, must fit in the timeout.
    const deadline = setTimeout(() => {
      request.destroy();
      finish({ statusCode: null, latencyMs: elapsed(), error: `timed out after ${timeoutMs} ms` });
    }, timeoutMs);
    request.on('timeout', () => request.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    request.on('error', (error) => finish({ statusCode: null, latencyMs: elapsed(), error: error.message }));
    request.end(rawBody);
  });
}

/** 2xx is a success; everything else is retried. */
export const isSuccess = (result: AttemptResult) => result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;

/** Wait before scheduled attempt n (n >= 1 retries): base * 2^(n-1), capped. */
export const retryDelayMs = (retry: number, baseMs: number, maxMs: number) => Math.min(maxMs, baseMs * 2 ** Math.max(0, retry - 1));
