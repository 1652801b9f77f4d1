import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterRes, type RateLimiterRedis } from 'rate-limiter-flexible';
import { REDIS } from '../core/tokens';
import { redisLimiter } from '../rate-limit/limiter';

const LINKS_PER_EMAIL = 5;
const WINDOW_SECONDS = 15 * 60;

/**
 * Log-in emails per address, counted in Redis across replicas (in memory while Redis is down). Over the limit the
 * request still answers 202 and simply sends nothing: the answer must not differ for known and unknown addresses.
 */
@Injectable()
export class LoginLinkRateLimit {
  private readonly perEmail: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis) {
    this.perEmail = redisLimiter(redis, { keyPrefix: 'rl:portal-link:email', points: LINKS_PER_EMAIL, duration: WINDOW_SECONDS });
  }

  /** true when another link may be sent to this address now. */
  async allow(email: string): Promise<boolean> {
    try {
      await this.perEmail.consume(email);
      return true;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return false;
      throw rejection;
    }
  }
}
