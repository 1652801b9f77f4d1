import { PdfRenderTimeoutError } from './errors';

/** Rejects with PdfRenderTimeoutError when `promise` has not settled within `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, step: string): Promise<T> {
  // The loser of the race may still reject later: swallow that so it is not an unhandled rejection.
  promise.catch(() => undefined);
  if (ms <= 0) return Promise.reject(new PdfRenderTimeoutError(step, 0));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PdfRenderTimeoutError(step, ms)), ms);
    // The work itself (a CDP pipe) keeps the process alive; the timer alone must not.
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
