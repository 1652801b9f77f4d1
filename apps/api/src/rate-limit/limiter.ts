import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../core/errors';

/**
 * A limiter counted in Redis, so the limit holds across API replicas. While Redis is unreachable each replica
 * falls back to its own in-memory count (stricter, never unlimited).
 */
export function redisLimiter(redis: Redis, options: { keyPrefix: string; points: number; duration: number }): RateLimiterRedis {
  return new RateLimiterRedis({
    storeClient: redis,
    ...options,
    insuranceLimiter: new RateLimiterMemory({ points: options.points, duration: options.duration }),
  });
}

export const retryAfterSeconds = (rejection: RateLimiterRes) => Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));

/**
 * Consumes a point; over the limit: 429 RATE_LIMITED with Retry-After (seconds) and `details.retryAfterSeconds`.
 * Any other failure (Redis and the in-memory fallback both failing) is rethrown.
 */
export async function consumeOrRefuse(
  limiter: RateLimiterRedis,
  key: string,
  message: (retryAfter: number) => string,
  headers: Record<string, string> = {},
): Promise<RateLimiterRes> {
  try {
    return await limiter.consume(key);
  } catch (rejection) {
    throw refusal(rejection, message, headers);
  }
}

/** The 429 for a limiter's rejection; anything that is not a rejection is returned as it is, to be rethrown. */
export function refusal(rejection: unknown, message: (retryAfter: number) => string, headers: Record<string, string> = {}): unknown {
  if (!(rejection instanceof RateLimiterRes)) return rejection;
  const retryAfter = retryAfterSeconds(rejection);
  return new AppError(
    'RATE_LIMITED',
    message(retryAfter),
    { retryAfterSeconds: retryAfter },
    { 'Retry-After': String(retryAfter), ...headers },
  );
}
