import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import type { Request, Response } from 'express';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Principal } from '../core/permissions';
import { APP_CONFIG, REDIS } from '../core/tokens';
import { refusal } from './limiter';

const WINDOW_MS = 60_000;
const KEY_PREFIX = 'rl:req';

/**
 * One round trip: counts the request in its fixed one-minute window (the window starts with the first request) and,
 * when a second key is given, reads it too (the staff user's access version, see StaffAccessCache).
 */
const CONSUME_LUA = `
local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
local version = false
if KEYS[2] ~= '' then version = redis.call('GET', KEYS[2]) end
return {n, ttl, version}`;

type ConsumingRedis = Redis & {
  poaConsumeRequest(key: string, versionKey: string, windowMs: number): Promise<[number, number, string | null]>;
};

/** What counting a request found: its outcome (a RateLimiterRes, or a rejection to throw) and the version read with it. */
export interface Counted {
  key: string;
  versionKey: string;
  outcome: { ok: true; remaining: number } | { ok: false; rejection: unknown };
  /** The value of the version key; null when never set; undefined when Redis could not be asked (then no cache may be trusted). */
  version: string | null | undefined;
}

const COUNTED = Symbol('poa.rateLimitCounted');
type CountedRequest = Request & { [COUNTED]?: Counted };

/**
 * Requests per minute per API key, per staff user and per portal contact, counted in Redis so the limit holds
 * across API replicas (RATE_LIMIT_PER_MINUTE). Every authenticated answer carries X-RateLimit-Limit and
 * X-RateLimit-Remaining; over the limit: 429 RATE_LIMITED with Retry-After. While Redis is unreachable each
 * replica counts in memory instead (stricter, never unlimited).
 *
 * The count is one Lua call, which can also read a second key in the same round trip: the staff JWT strategy counts
 * the request while it authenticates (and learns the user's access version with it); the guard then only applies
 * the outcome.
 */
@Injectable()
export class RequestRateLimit {
  private readonly points: number;
  private readonly insurance: RateLimiterMemory;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.points = config.RATE_LIMIT_PER_MINUTE;
    this.insurance = new RateLimiterMemory({ points: this.points, duration: WINDOW_MS / 1000 });
    if (!('poaConsumeRequest' in redis)) redis.defineCommand('poaConsumeRequest', { numberOfKeys: 2, lua: CONSUME_LUA });
  }

  static keyOf(principal: Pick<Principal, 'kind' | 'id'>): string {
    return `${principal.kind}:${principal.id}`;
  }

  /**
   * Counts the request of this principal, reading `versionKey` in the same round trip. A request is counted once:
   * when it was already counted for this principal (the fast case reads hand their refusals on to the full
   * pipeline), that count is returned, with its version only if it read the same key.
   */
  async count(request: Request, principal: Pick<Principal, 'kind' | 'id'>, versionKey = ''): Promise<Counted> {
    const key = RequestRateLimit.keyOf(principal);
    const earlier = (request as CountedRequest)[COUNTED];
    if (earlier?.key === key) return earlier.versionKey === versionKey ? earlier : { ...earlier, version: undefined };
    let counted: Counted;
    try {
      const [n, ttl, version] = await (this.redis as ConsumingRedis).poaConsumeRequest(`${KEY_PREFIX}:${key}`, versionKey, WINDOW_MS);
      counted = {
        key,
        versionKey,
        version,
        outcome:
          n > this.points ? { ok: false, rejection: new RateLimiterRes(0, ttl, n, false) } : { ok: true, remaining: this.points - n },
      };
    } catch {
      counted = { key, versionKey, version: undefined, outcome: await this.countInMemory(key) };
    }
    (request as CountedRequest)[COUNTED] = counted;
    return counted;
  }

  /** Applies the request's count (counting it now unless the authentication already did): headers, or 429. */
  async consume(principal: Principal, request: Request, response: Response): Promise<void> {
    const key = RequestRateLimit.keyOf(principal);
    const earlier = (request as CountedRequest)[COUNTED];
    const counted = earlier?.key === key ? earlier : await this.count(request, principal);
    response.setHeader('X-RateLimit-Limit', String(this.points));
    if (!counted.outcome.ok) {
      throw refusal(counted.outcome.rejection, (retryAfter) => `More than ${this.points} requests in a minute; retry in ${retryAfter} s`, {
        'X-RateLimit-Limit': String(this.points),
        'X-RateLimit-Remaining': '0',
      });
    }
    response.setHeader('X-RateLimit-Remaining', String(counted.outcome.remaining));
  }

  /** Whether the request, already counted for this principal, is within the limit. */
  withinLimit(principal: Pick<Principal, 'kind' | 'id'>, request: Request): boolean {
    const counted = (request as CountedRequest)[COUNTED];
    return counted?.key === RequestRateLimit.keyOf(principal) && counted.outcome.ok;
  }

  private async countInMemory(key: string): Promise<Counted['outcome']> {
    try {
      const res = await this.insurance.consume(key);
      return { ok: true, remaining: res.remainingPoints };
    } catch (rejection) {
      return { ok: false, rejection };
    }
  }
}
