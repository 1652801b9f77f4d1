import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import { sendMetrics, stopTracing } from '@poa/telemetry';
import { createServer, type Server } from 'node:http';
import { APP_CONFIG } from '../core/tokens';
import { ApiMetrics } from './api-metrics';

/**
 * GET /metrics on a port of its own (METRICS_HOST:METRICS_PORT; none when 0), never on the public port, so no proxy
 * or ingress rule can expose it; a bearer token (METRICS_TOKEN) when set. Also flushes buffered spans on shutdown.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsServer.name);
  private server: Server | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: ApiMetrics,
  ) {}

  onApplicationBootstrap(): Promise<void> | void {
    if (this.config.METRICS_PORT === 0) return;
    const server = createServer((req, res) => {
      if ((req.url ?? '').split('?')[0] !== '/metrics' || req.method !== 'GET') {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end('{"error":{"code":"NOT_FOUND","message":"Not found"}}');
        return;
      }
      sendMetrics(req, res, this.metrics.registry, this.config.METRICS_TOKEN).catch((error: Error) => {
        this.logger.error(`Metrics: ${error.message}`);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    this.server = server;
    const { METRICS_HOST: host, METRICS_PORT: port } = this.config;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        this.logger.log(`Metrics on ${host}:${port}/metrics`);
        resolve();
      });
    });
  }

  /** The port it listens on, once started. */
  address(): number | null {
    const address = this.server?.address();
    return address && typeof address === 'object' ? address.port : null;
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    await stopTracing();
  }
}
