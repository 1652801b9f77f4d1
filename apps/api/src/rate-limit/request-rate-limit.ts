import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import type { Response } from 'express';
import Redis from 'ioredis';
import type { RateLimiterRedis } from 'rate-limiter-flexible';
import type { Principal } from '../core/permissions';
import { APP_CONFIG, REDIS } from '../core/tokens';
import { consumeOrRefuse, redisLimiter } from './limiter';

/**
 * Requests per minute per API key, per staff user and per portal contact, counted in Redis so the limit holds
 * across API replicas (RATE_LIMIT_PER_MINUTE). Every authenticated answer carries X-RateLimit-Limit and
 * X-RateLimit-Remaining; over the limit: 429 RATE_LIMITED with Retry-After. While Redis is unreachable each
 * replica counts in memory instead.
 */
@Injectable()
export class RequestRateLimit {
  private readonly limiter: RateLimiterRedis;
  private readonly points: number;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    this.points = config.RATE_LIMIT_PER_MINUTE;
    this.limiter = redisLimiter(redis, { keyPrefix: 'rl:req', points: this.points, duration: 60 });
  }

  async consume(principal: Principal, response: Response): Promise<void> {
    const key = `${principal.kind}:${principal.id}`;
    response.setHeader('X-RateLimit-Limit', String(this.points));
    const res = await consumeOrRefuse(
      this.limiter,
      key,
      (retryAfter) => `More than ${this.points} requests in a minute; retry in ${retryAfter} s`,
      {
        'X-RateLimit-Limit': String(this.points),
        'X-RateLimit-Remaining': '0',
      },
    );
    response.setHeader('X-RateLimit-Remaining', String(res.remainingPoints));
  }
}
