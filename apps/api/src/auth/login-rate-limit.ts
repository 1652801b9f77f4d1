import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../core/errors';
import { APP_CONFIG, REDIS } from '../core/tokens';

/**
 * Log-in attempts per email and per IP, counted in Redis so the limit holds across API replicas.
 * While Redis is unreachable each replica falls back to its own in-memory count (stricter, never unlimited).
 */
@Injectable()
export class LoginRateLimit {
  private readonly perEmail: RateLimiterRedis;
  private readonly perIp: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    const window = 15 * 60;
    this.perEmail = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: 'rl:login:email',
      points: config.LOGIN_RATE_LIMIT_PER_EMAIL,
      duration: window,
      insuranceLimiter: new RateLimiterMemory({ points: config.LOGIN_RATE_LIMIT_PER_EMAIL, duration: window }),
    });
    this.perIp = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: 'rl:login:ip',
      points: config.LOGIN_RATE_LIMIT_PER_IP,
      duration: window,
      insuranceLimiter: new RateLimiterMemory({ points: config.LOGIN_RATE_LIMIT_PER_IP, duration: window }),
    });
  }

  async consume(email: string, ip: string): Promise<void> {
    try {
      await Promise.all([this.perEmail.consume(email.trim().toLowerCase()), this.perIp.consume(ip)]);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw new AppError('RATE_LIMITED', 'Too many log-in attempts; try again later', { retryAfterSeconds: retryAfter }, { 'Retry-After': String(retryAfter) });
      }
      throw rejection;
    }
  }

  /** A successful log-in clears the per-email count. */
  async reset(email: string): Promise<void> {
    await this.perEmail.delete(email.trim().toLowerCase()).catch(() => undefined);
  }
}
