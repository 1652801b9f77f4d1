import { DUE_BATCH, DueBatchPoller } from './due-batch-poller';

/** Settles the batches it is given in turn (a full batch, then a short one...), noting when each call came. */
class ScriptedPoller extends DueBatchPoller {
  readonly calls: number[] = [];

  constructor(
    private readonly batches: number[],
    pollMs: number,
  ) {
    super('Scripted poller', pollMs);
  }

  async dispatchDue(): Promise<number> {
    this.calls.push(Date.now());
    return this.batches.shift() ?? 0;
  }
}

const waitFor = async (condition: () => boolean, ms = 2_000) => {
  const until = Date.now() + ms;
  while (!condition() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('DueBatchPoller', () => {
  it('runs again at once after a full batch and waits pollMs after a short one, from bootstrap until shutdown', async () => {
    // Long enough that a loaded machine's event-loop stalls (hundreds of ms) cannot pass for the wait.
    const pollMs = 1_000;
    const poller = new ScriptedPoller([DUE_BATCH, DUE_BATCH, 3], pollMs);
    poller.onApplicationBootstrap();
    await waitFor(() => poller.calls.length >= 4, 5_000);
    await poller.onApplicationShutdown();
    const settledCalls = poller.calls.length;

    expect(settledCalls).toBe(4);
    const [first, second, third, fourth] = poller.calls;
    expect(second - first).toBeLessThan(pollMs / 2);
    expect(third - second).toBeLessThan(pollMs / 2);
    expect(fourth - third).toBeGreaterThanOrEqual(pollMs - 5);

    await new Promise((resolve) => setTimeout(resolve, pollMs * 1.5));
    expect(poller.calls.length).toBe(settledCalls);
  }, 10_000);
});
