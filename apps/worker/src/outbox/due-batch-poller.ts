import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PollLoop } from './poll-loop';

/** How many due rows one `dispatchDue` settles at most; a full batch means more may be waiting. */
export const DUE_BATCH = 100;

/**
 * A worker service that settles rows that fell due, a batch (one transaction) at a time: from bootstrap until
 * shutdown, it calls `dispatchDue(now)` straight again after a full batch, and otherwise after `pollMs`.
 */
export abstract class DueBatchPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: PollLoop;

  protected constructor(what: string, pollMs: number) {
    this.loop = new PollLoop(
      what,
      new Logger(new.target.name),
      () => this.dispatchDue(new Date()),
      (settled) => (settled === DUE_BATCH ? 0 : pollMs),
    );
  }

  /** One batch of rows due at `now`; returns how many were settled. */
  abstract dispatchDue(now: Date, batch?: number): Promise<number>;

  onApplicationBootstrap(): void {
    this.loop.start(0);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }
}
