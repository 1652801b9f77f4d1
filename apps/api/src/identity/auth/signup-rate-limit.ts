import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import type { Request } from 'express';
import Redis from 'ioredis';
import type { RateLimiterRedis } from 'rate-limiter-flexible';
import { APP_CONFIG, REDIS } from '../../core/tokens';
import { consumeOrRefuse, redisLimiter } from '../../rate-limit/limiter';

/** Sign-ups per IP (SIGNUP_RATE_LIMIT_PER_IP an hour), counted before the body is even validated. */
@Injectable()
export class SignupRateLimitGuard implements CanActivate {
  private readonly perIp: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    this.perIp = redisLimiter(redis, { keyPrefix: 'rl:signup:ip', points: config.SIGNUP_RATE_LIMIT_PER_IP, duration: 3600 });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const ip = context.switchToHttp().getRequest<Request>().ip ?? 'unknown';
    await consumeOrRefuse(this.perIp, ip, (retryAfter) => `Too many sign-ups from this address; try again in ${retryAfter} s`);
    return true;
  }
}
