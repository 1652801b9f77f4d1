import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

const JOB_SECONDS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 60];

/**
 * The worker's Prometheus series (GET /metrics on its private health port). Labels are queues, states and results
 * only: tenant ids go on spans and log lines, never here.
 */
@Injectable()
export class WorkerMetrics {
  readonly registry = new Registry();
  private readonly jobSeconds = new Histogram({
    name: 'poa_job_duration_seconds',
    help: 'Time to run one job attempt, by queue and result (completed, failed, delayed: put back to wait)',
    labelNames: ['queue', 'result'],
    buckets: JOB_SECONDS,
    registers: [this.registry],
  });
  private readonly jobFailures = new Counter({
    name: 'poa_job_failures_total',
    help: 'Failed job attempts by queue; final="true" when BullMQ will not try the job again',
    labelNames: ['queue', 'final'],
    registers: [this.registry],
  });
  private readonly renders = new Counter({
    name: 'poa_pdf_renders_total',
    help: 'PDF renders by result (failed: given up after the last attempt)',
    labelNames: ['result'],
    registers: [this.registry],
  });
  private readonly renderSeconds = new Histogram({
    name: 'poa_pdf_render_duration_seconds',
    help: 'Chromium time of a successful render',
    buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 20],
    registers: [this.registry],
  });
  readonly queueDepth = new Gauge({
    name: 'poa_queue_depth',
    help: 'Jobs in each BullMQ queue by state (-1: Redis did not answer)',
    labelNames: ['queue', 'state'],
    registers: [this.registry],
  });
  readonly outboxLag = new Gauge({
    name: 'poa_outbox_lag_seconds',
    help: 'Age of the oldest outbox row not yet handed to BullMQ (0 when none waits)',
    registers: [this.registry],
  });
  private readonly relayed = new Counter({
    name: 'poa_outbox_relayed_total',
    help: 'Outbox rows handed to BullMQ',
    registers: [this.registry],
  });
  private readonly requeued = new Counter({
    name: 'poa_outbox_requeued_total',
    help: 'Dispatched jobs the sweep found missing from Redis and handed back to the relay',
    registers: [this.registry],
  });
  private readonly expired = new Counter({
    name: 'poa_outbox_expired_total',
    help: 'Missing jobs too old to tell from finished-and-removed ones: marked done without re-sending',
    registers: [this.registry],
  });
  private readonly endpointsDisabled = new Counter({
    name: 'poa_webhook_endpoints_disabled_total',
    help: 'Webhook endpoints disabled after failing for WEBHOOK_DISABLE_AFTER_MS',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  jobFinished(queue: string, seconds: number, result: 'completed' | 'failed' | 'delayed'): void {
    this.jobSeconds.observe({ queue, result }, seconds);
  }

  jobFailed(queue: string, final: boolean): void {
    this.jobFailures.inc({ queue, final: String(final) });
  }

  recordRender(ms: number): void {
    this.renders.inc({ result: 'succeeded' });
    this.renderSeconds.observe(ms / 1000);
  }

  renderFailed(): void {
    this.renders.inc({ result: 'failed' });
  }

  outboxRelayed(n: number): void {
    this.relayed.inc(n);
  }

  outboxRequeued(n: number): void {
    this.requeued.inc(n);
  }

  outboxExpired(n: number): void {
    this.expired.inc(n);
  }

  endpointDisabled(): void {
    this.endpointsDisabled.inc();
  }

  /** The current value of one series (tests and the health page). */
  async value(name: string, labels: Record<string, string> = {}): Promise<number> {
    const metric = await this.registry.getSingleMetric(name)?.get();
    const match = metric?.values.find((v) => Object.entries(labels).every(([k, l]) => String(v.labels[k]) === l));
    return match?.value ?? 0;
  }
}
