import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { jobLogContext } from './job-context';

/**
 * Nest's logger for the worker as JSON lines (pino), like the API's: each line written while a job runs carries the
 * job's queue, job id, tenant id and trace id.
 */
export class WorkerJsonLogger implements LoggerService {
  private readonly pino: Logger;

  constructor(level: string, destination?: pino.DestinationStream) {
    const options: pino.LoggerOptions = {
      level,
      base: { service: 'poa-desk-worker' },
      mixin: () => {
        const job = jobLogContext.getStore();
        return job ? { queue: job.queue, jobId: job.jobId, tenantId: job.tenantId, traceId: job.traceId } : {};
      },
    };
    this.pino = destination ? pino(options, destination) : pino(options);
  }

  log(message: unknown, context?: string): void {
    this.pino.info({ context }, String(message));
  }

  error(message: unknown, stack?: string, context?: string): void {
    this.pino.error({ context, err: stack ? { message: String(message), stack } : undefined }, String(message));
  }

  warn(message: unknown, context?: string): void {
    this.pino.warn({ context }, String(message));
  }

  debug(message: unknown, context?: string): void {
    this.pino.debug({ context }, String(message));
  }

  verbose(message: unknown, context?: string): void {
    this.pino.trace({ context }, String(message));
  }
}
