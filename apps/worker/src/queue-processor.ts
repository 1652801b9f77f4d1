import { Inject, Logger, Optional, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import { InvalidJobPayloadError, parseJobPayload, type JobPayloads, type QueueName } from '@poa/jobs';
import { activeTraceId, contextFromTraceparent, inSpan, SpanKind, TENANT_ATTRIBUTE } from '@poa/telemetry';
import { DelayedError, Job, UnrecoverableError, Worker, type WorkerOptions } from 'bullmq';
import Redis from 'ioredis';
import { performance } from 'node:perf_hooks';
import { jobLogContext } from './observability/job-context';
import { WorkerMetrics } from './observability/worker-metrics';

/** A job whose payload does not match its queue's schema: it fails at once (BullMQ does not retry it) and runs nothing. */
export class MalformedJobError extends UnrecoverableError {}

/** What a processor chooses of its BullMQ worker: concurrency, lock and stall settings. */
export type ProcessorOptions = Omit<WorkerOptions, 'connection' | 'prefix' | 'autorun'>;

/**
 * One BullMQ queue's processor. The base owns the Redis connection (commands never give up while Redis is away:
 * BullMQ's blocking reads wait for it to come back), the Worker, the logging of failures, and closing both on
 * shutdown once the jobs in hand are finished. Every job's payload is checked against its queue's schema before
 * `process` sees it: a malformed job fails with a MalformedJobError, and neither `process` nor `onFailed` runs.
 * Each attempt runs in a span continuing the trace of the change that queued the job (its outbox row's traceparent,
 * carried in the job's telemetry metadata), with the job's ids on every log line, and is timed by queue.
 */
export abstract class QueueProcessor<Q extends QueueName> implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  private worker: Worker | null = null;
  private connection: Redis | null = null;
  // Property injection: the processors' constructors stay as they are.
  @Optional() @Inject(WorkerMetrics) private readonly jobMetrics?: WorkerMetrics;

  protected constructor(
    protected readonly queue: Q,
    protected readonly config: AppConfig,
    private readonly options: ProcessorOptions,
  ) {}

  /** Runs one job whose payload is valid. */
  protected abstract process(job: Job<JobPayloads[Q]>, token?: string): Promise<unknown>;

  /** After a valid job's attempt failed (already logged); `final` when BullMQ will not try it again. */
  protected onFailed(_job: Job<JobPayloads[Q]>, _error: Error, _final: boolean): Promise<void> | void {}

  /** Before the worker starts taking jobs (e.g. launching a browser). */
  protected async starting(): Promise<void> {}

  /** After the worker has stopped and its connection is closed. */
  protected async stopped(): Promise<void> {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.WORKER_QUEUES && !this.config.WORKER_QUEUES.includes(this.queue)) {
      this.logger.log(`Not taking ${this.queue} jobs (WORKER_QUEUES=${this.config.WORKER_QUEUES.join(',')})`);
      return;
    }
    await this.starting();
    const connection = new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: null, retryStrategy: (n) => Math.min(n * 200, 2000) });
    connection.on('error', () => undefined);
    this.connection = connection;
    this.worker = new Worker(this.queue, (job, token) => this.run(job, token), {
      ...this.options,
      connection,
      prefix: this.config.QUEUE_PREFIX,
    });
    this.worker.on('failed', (job, error) => void this.failed(job, error));
    this.worker.on('error', (error) => this.logger.warn(`${this.queue} worker: ${error.message}`));
  }

  /** Finishes the jobs in hand (BullMQ waits for them), then closes the connection and what `starting` opened. */
  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    this.connection?.disconnect();
    await this.stopped();
  }

  private async run(job: Job, token?: string): Promise<unknown> {
    try {
      job.data = parseJobPayload(this.queue, job.data);
    } catch (error) {
      if (error instanceof InvalidJobPayloadError) throw new MalformedJobError(`${error.message} (job ${job.id})`);
      throw error;
    }
    const tenantId = (job.data as { tenantId?: string }).tenantId;
    const started = performance.now();
    const attributes = {
      'messaging.system': 'bullmq',
      'messaging.destination.name': this.queue,
      'messaging.message.id': job.id,
      'poa.job.attempt': job.attemptsMade + 1,
      [TENANT_ATTRIBUTE]: tenantId,
    };
    const parent = contextFromTraceparent(job.opts.telemetry?.metadata);
    // A job that put itself back in the delayed set (a reminder before its time, a webhook waiting its turn) did not fail.
    const delayed = (e: unknown) => e instanceof DelayedError;
    try {
      const result = await inSpan(`${this.queue} process`, { kind: SpanKind.CONSUMER, attributes, parent, notAnError: delayed }, () =>
        jobLogContext.run({ queue: this.queue, jobId: job.id, tenantId, traceId: activeTraceId() }, () =>
          this.process(job as Job<JobPayloads[Q]>, token),
        ),
      );
      this.jobMetrics?.jobFinished(this.queue, (performance.now() - started) / 1000, 'completed');
      return result;
    } catch (error) {
      this.jobMetrics?.jobFinished(this.queue, (performance.now() - started) / 1000, delayed(error) ? 'delayed' : 'failed');
      throw error;
    }
  }

  private async failed(job: Job | undefined, error: Error): Promise<void> {
    if (!job) return;
    const final = error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    this.jobMetrics?.jobFailed(this.queue, final);
    this.logger.warn(`${this.queue} job ${job.id} failed (attempt ${job.attemptsMade}${final ? ', giving up' : ''}): ${error.message}`);
    if (error instanceof MalformedJobError) return;
    try {
      await this.onFailed(job as Job<JobPayloads[Q]>, error, final);
    } catch (e) {
      this.logger.error(`Could not record the failure of ${this.queue} job ${job.id}: ${(e as Error).message}`);
    }
  }
}
