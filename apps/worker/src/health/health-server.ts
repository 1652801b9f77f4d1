import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import { sendMetrics } from '@poa/telemetry';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { DataSource } from 'typeorm';
import { WorkerMetrics } from '../observability/worker-metrics';
import { OutboxRelay } from '../outbox/outbox-relay';
import { WORKER_CONFIG } from '../tokens';

/**
 * A small private port (WORKER_HEALTH_HOST:WORKER_HEALTH_PORT): GET /health/live (the process answers), GET /health
 * (PostgreSQL reachable) and GET /metrics (Prometheus text; bearer METRICS_TOKEN when set). No public API.
 */
@Injectable()
export class HealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HealthServer.name);
  private server: Server | null = null;

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly metrics: WorkerMetrics,
    private readonly relay: OutboxRelay,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.WORKER_HEALTH_PORT === 0) return;
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: Error) => {
        this.logger.error(`Health port: ${error.message}`);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end('{"error":{"code":"INTERNAL","message":"Internal error"}}');
      });
    });
    const { WORKER_HEALTH_HOST: host, WORKER_HEALTH_PORT: port } = this.config;
    this.server.listen(port, host, () => this.logger.log(`Worker health on ${host}:${port}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Sets the gauges read at scrape time: queue depths and the outbox lag. */
  async refreshGauges(): Promise<void> {
    const [depths, lag] = await Promise.all([this.relay.queueDepths(), this.relay.lagSeconds().catch(() => -1)]);
    for (const [queue, states] of Object.entries(depths)) {
      for (const [state, n] of Object.entries(states)) this.metrics.queueDepth.set({ queue, state }, n);
    }
    this.metrics.outboxLag.set(lag);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const url = (req.url ?? '/').split('?')[0];
    if (url === '/metrics') return sendMetrics(req, res, this.metrics.registry, this.config.METRICS_TOKEN, () => this.refreshGauges());
    if (url === '/health/live') return json(200, { status: 'ok' });
    if (url === '/health') {
      try {
        await this.dataSource.query('SELECT 1');
        return json(200, { status: 'ok' });
      } catch (error) {
        return json(503, { status: 'unavailable', error: (error as Error).message });
      }
    }
    json(404, { error: { code: 'NOT_FOUND', message: 'Not found' } });
  }
}
