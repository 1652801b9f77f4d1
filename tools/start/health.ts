export interface WaitForHttpOptions {
  timeoutMs: number;
  /** Checked between attempts: a message here (e.g. "the API exited") aborts the wait. */
  abortReason?: () => string | undefined;
  intervalMs?: number;
}

/** Polls url until it answers 200; throws with the last failure when the time is up. */
export async function waitForHttpOk(url: string, options: WaitForHttpOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const reason = options.abortReason?.();
    if (reason) throw new Error(`${reason} while waiting for ${url}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
      if (response.status === 200) return;
      last = `HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 250));
  }
  throw new Error(`${url} did not answer 200 within ${Math.round(options.timeoutMs / 1000)} s (last: ${last})`);
}
