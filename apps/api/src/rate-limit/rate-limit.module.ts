import { Global, Module } from '@nestjs/common';
import { RequestRateLimit } from './request-rate-limit';

/** Global so the AccessGuard (an APP_GUARD) can count each authenticated request. */
@Global()
@Module({ providers: [RequestRateLimit], exports: [RequestRateLimit] })
export class RateLimitModule {}
