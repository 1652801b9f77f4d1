import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import { createServer, type Server } from 'node:http';
import { DataSource } from 'typeorm';
import { WorkerMetrics } from '../metrics';
import { OutboxRelay } from '../outbox/outbox-relay';
import { WORKER_CONFIG } from '../tokens';

/** A small private port: GET /health (PostgreSQL reachable) and GET /metrics (Prometheus text). No public API. */
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
      void this.handle(req.url ?? '/').then(({ status, type, body }) => {
        res.writeHead(status, { 'content-type': type });
        res.end(body);
      });
    });
    this.server.listen(this.config.WORKER_HEALTH_PORT, '127.0.0.1', () =>
      this.logger.log(`Worker health on 127.0.0.1:${this.config.WORKER_HEALTH_PORT}`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(url: string): Promise<{ status: number; type: string; body: string }> {
    if (url === '/metrics') {
      const depths = await this.relay.queueDepths();
      const lines = [
        '# TYPE poa_pdf_renders_total counter',
        `poa_pdf_renders_total{result="succeeded"} ${this.metrics.rendersSucceeded}`,
        `poa_pdf_renders_total{result="failed"} ${this.metrics.rendersFailed}`,
        '# TYPE poa_pdf_render_ms summary',
        `poa_pdf_render_ms_sum ${this.metrics.renderMsSum}`,
        `poa_pdf_render_ms_count ${this.metrics.rendersSucceeded}`,
        `poa_pdf_render_ms{quantile="0.5"} ${this.metrics.renderPercentile(50)}`,
        `poa_pdf_render_ms{quantile="0.95"} ${this.metrics.renderPercentile(95)}`,
        '# TYPE poa_queue_depth gauge',
        ...Object.entries(depths).map(([queue, n]) => `poa_queue_depth{queue="${queue}"} ${n}`),
        '# TYPE poa_outbox_relayed_total counter',
        `poa_outbox_relayed_total ${this.metrics.outboxRelayed}`,
        '# TYPE poa_outbox_requeued_total counter',
        `poa_outbox_requeued_total ${this.metrics.outboxRequeued}`,
        '# TYPE poa_outbox_expired_total counter',
        `poa_outbox_expired_total ${this.metrics.outboxExpired}`,
      ];
      return { status: 200, type: 'text/plain; version=0.0.4', body: `${lines.join('\n')}\n` };
    }
    if (url === '/health') {
      try {
        await this.dataSource.query('SELECT 1');
        return { status: 200, type: 'application/json', body: JSON.stringify({ status: 'ok' }) };
      } catch (error) {
        return { status: 503, type: 'application/json', body: JSON.stringify({ status: 'unavailable', error: (error as Error).message }) };
      }
    }
    return { status: 404, type: 'application/json', body: '{"error":{"code":"NOT_FOUND","message":"Not found"}}' };
  }
}
