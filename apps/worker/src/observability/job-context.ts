import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line written while a job runs carries (the worker's JSON logger reads it). */
export interface JobLogContext {
  queue: string;
  jobId: string | undefined;
  tenantId: string | undefined;
  traceId: string | undefined;
}

export const jobLogContext = new AsyncLocalStorage<JobLogContext>();
