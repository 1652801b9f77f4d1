/** Latency summary of one measured slice (or of several slices merged). */
export interface LoadStats {
  requests: number;
  errors: number;
  seconds: number;
  reqPerSec: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  meanMs: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Latencies in ms plus the wall time they were collected over (several slices: pass their summed wall time). */
export function summarise(latenciesMs: number[], errors: number, wallMs: number): LoadStats {
  const sorted = Float64Array.from(latenciesMs).sort();
  const list = Array.from(sorted);
  const total = list.reduce((a, b) => a + b, 0);
  return {
    requests: list.length,
    errors,
    seconds: round2(wallMs / 1000),
    reqPerSec: Math.round((list.length / wallMs) * 1000),
    p50Ms: round2(percentile(list, 50)),
    p95Ms: round2(percentile(list, 95)),
    p99Ms: round2(percentile(list, 99)),
    meanMs: round2(list.length ? total / list.length : NaN),
  };
}

export const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000;
