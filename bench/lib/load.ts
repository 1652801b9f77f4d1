import { summarise, type LoadStats } from './stats';

/** Raw samples of one slice, kept so several interleaved slices of a variant can be merged before summarising. */
export interface Samples {
  latenciesMs: number[];
  errors: number;
  wallMs: number;
  firstError?: string;
}

export const emptySamples = (): Samples => ({ latenciesMs: [], errors: 0, wallMs: 0 });

export function mergeSamples(into: Samples, slice: Samples): Samples {
  for (const l of slice.latenciesMs) into.latenciesMs.push(l);
  into.errors += slice.errors;
  into.wallMs += slice.wallMs;
  into.firstError ??= slice.firstError;
  return into;
}

export const summariseSamples = (s: Samples): LoadStats => summarise(s.latenciesMs, s.errors, s.wallMs);

/**
 * Closed-loop load: `concurrency` loops, each sending its next request when the previous one answers, until
 * `durationMs` has passed. Bounded in time and in requests in flight; errors are counted, not retried.
 */
export async function runClosedLoop(opts: { concurrency: number; durationMs: number; request: () => Promise<void> }): Promise<Samples> {
  const samples = emptySamples();
  const started = performance.now();
  const deadline = started + opts.durationMs;
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          await opts.request();
          samples.latenciesMs.push(performance.now() - t0);
        } catch (error) {
          samples.errors += 1;
          samples.firstError ??= (error as Error).message;
          // A failing target answers instantly: do not spin.
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      }
    }),
  );
  samples.wallMs = performance.now() - started;
  return samples;
}

export const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)];
