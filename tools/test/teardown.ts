/** Cleanup steps run in reverse order; every step runs even when one fails, and failures are collected. */
export class Teardown {
  private readonly steps: Array<{ label: string; run: () => Promise<unknown> | unknown }> = [];
  readonly errors: string[] = [];

  add(label: string, run: () => Promise<unknown> | unknown): void {
    this.steps.push({ label, run });
  }

  async runAll(): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step.run();
      } catch (error) {
        const message = `${step.label}: ${(error as Error).message}`;
        this.errors.push(message);
        process.stderr.write(`[test] cleanup failed: ${message}\n`);
      }
    }
  }
}
