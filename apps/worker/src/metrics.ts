import { Injectable } from '@nestjs/common';

/** Counters the health port exposes in Prometheus text format. */
@Injectable()
export class WorkerMetrics {
  rendersSucceeded = 0;
  rendersFailed = 0;
  renderMsSum = 0;
  outboxRelayed = 0;
  /** Dispatched jobs the outbox sweep found missing from Redis and handed back to the relay. */
  outboxRequeued = 0;
  /** Missing jobs too old to tell from finished-and-removed ones: marked done without re-sending. */
  outboxExpired = 0;
  private readonly recentRenderMs: number[] = [];

  recordRender(ms: number): void {
    this.rendersSucceeded++;
    this.renderMsSum += ms;
    this.recentRenderMs.push(ms);
    if (this.recentRenderMs.length > 500) this.recentRenderMs.shift();
  }

  renderPercentile(p: number): number {
    if (!this.recentRenderMs.length) return 0;
    const sorted = [...this.recentRenderMs].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  }
}
