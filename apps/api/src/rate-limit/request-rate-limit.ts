import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import type { Response } from 'express';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Principal } from '../auth/permissions';
import { AppError } from '../core/errors';
import { APP_CONFIG, REDIS } from '../core/tokens';

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
    this.limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: 'rl:req',
      points: this.points,
      duration: 60,
      insuranceLimiter: new RateLimiterMemory({ points: this.points, duration: 60 }),
    });
  }

  async consume(principal: Principal, response: Response): Promise<void> {
    const key = `${principal.kind}:${principal.id}`;
    response.setHeader('X-RateLimit-Limit', String(this.points));
    try {
      const res = await this.limiter.consume(key);
      response.setHeader('X-RateLimit-Remaining', String(res.remainingPoints));
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new AppError(
        'RATE_LIMITED',
        `More than ${this.points} requests in a minute; retry in ${retryAfter} s`,
        { retryAfterSeconds: retryAfter },
        { 'Retry-After': String(retryAfter), 'X-RateLimit-Limit': String(this.points), 'X-RateLimit-Remaining': '0' },
      );
    }
  }
}
