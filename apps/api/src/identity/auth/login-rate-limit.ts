import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, REDIS } from '../../core/tokens';
import { consumeOrRefuse, redisLimiter, refusal } from '../../rate-limit/limiter';

const WINDOW_SECONDS = 15 * 60;
const MAX_LOCK_SECONDS = 24 * 3600;
const tooMany = (retryAfter: number) => `Too many log-in attempts; try again in ${retryAfter} s`;

/**
 * Log-in attempts per email AND IP (LOGIN_RATE_LIMIT_PER_EMAIL in 15 minutes), and per IP over every email
 * (LOGIN_RATE_LIMIT_PER_IP). Keyed on the pair, someone guessing a staff member's password locks out only
 * themselves: the right password from another IP still works. Each lock-out of a pair within a day lasts twice
 * as long as the one before (15 min, 30 min, 1 h ... up to a day).
 */
@Injectable()
export class LoginRateLimit {
  private readonly perEmailAndIp: RateLimiterRedis;
  private readonly perIp: RateLimiterRedis;
  /** Lock-outs per pair in the last day: only ever increased with penalty(), never refuses. */
  private readonly lockouts: RateLimiterRedis;
  private readonly points: number;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    this.points = config.LOGIN_RATE_LIMIT_PER_EMAIL;
    this.perEmailAndIp = redisLimiter(redis, { keyPrefix: 'rl:login:email-ip', points: this.points, duration: WINDOW_SECONDS });
    this.perIp = redisLimiter(redis, { keyPrefix: 'rl:login:ip', points: config.LOGIN_RATE_LIMIT_PER_IP, duration: WINDOW_SECONDS });
    this.lockouts = redisLimiter(redis, { keyPrefix: 'rl:login:lockouts', points: Number.MAX_SAFE_INTEGER, duration: MAX_LOCK_SECONDS });
  }

  /** Counts an attempt (before the password is checked); 429 RATE_LIMITED with Retry-After over a limit. */
  async consume(email: string, ip: string): Promise<void> {
    await consumeOrRefuse(this.perIp, ip, tooMany);
    const key = pairKey(email, ip);
    try {
      await this.perEmailAndIp.consume(key);
    } catch (rejection) {
      // The attempt that goes over the limit starts the lock-out; later ones see its remaining time.
      if (rejection instanceof RateLimiterRes && rejection.consumedPoints === this.points + 1) {
        const { consumedPoints: lockouts } = await this.lockouts.penalty(key, 1);
        const seconds = Math.min(MAX_LOCK_SECONDS, WINDOW_SECONDS * 2 ** (lockouts - 1));
        await this.perEmailAndIp.block(key, seconds);
        throw refusal(new RateLimiterRes(0, seconds * 1000, rejection.consumedPoints), tooMany);
      }
      throw refusal(rejection, tooMany);
    }
  }

  /** A successful log-in clears the pair's count and its lock-out history. */
  async reset(email: string, ip: string): Promise<void> {
    const key = pairKey(email, ip);
    await Promise.all([this.perEmailAndIp.delete(key), this.lockouts.delete(key)]).catch(() => undefined);
  }
}

const pairKey = (email: string, ip: string) => `${email.trim().toLowerCase()}|${ip}`;
