import type { Logger } from '@nestjs/common';

/**
 * Runs `run` again and again, one run at a time, waiting `delayAfter(result)` between runs. A failing run (Redis or
 * PostgreSQL down) is logged once per distinct error, and its recovery once; `stop` waits for the run in hand.
 */
export class PollLoop {
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private running: Promise<void> | null = null;
  private lastError: string | null = null;

  constructor(
    private readonly what: string,
    private readonly logger: Logger,
    private readonly run: () => Promise<number>,
    private readonly delayAfter: (result: number) => number,
  ) {}

  start(delayMs: number): void {
    this.schedule(delayMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => (this.running = null));
    }, delayMs);
  }

  private async tick(): Promise<void> {
    let result = 0;
    try {
      result = await this.run();
      if (this.lastError) this.logger.log(`${this.what} recovered`);
      this.lastError = null;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (message !== this.lastError) this.logger.warn(`${this.what} waiting: ${message}`);
      this.lastError = message;
    }
    this.schedule(this.delayAfter(result));
  }
}
