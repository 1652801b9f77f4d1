import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import { REDIS } from '../core/tokens';
import { ApiMetrics } from './api-metrics';
import { MetricsServer } from './metrics-server';

/** Metrics (ApiMetrics, served by MetricsServer on a private port); the request middleware is in app-setup. */
@Module({ providers: [ApiMetrics, MetricsServer], exports: [ApiMetrics] })
export class ObservabilityModule implements OnModuleInit {
  constructor(
    private readonly metrics: ApiMetrics,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  onModuleInit(): void {
    this.metrics.watchRedis(this.redis);
  }
}
