import { addCounts, NONE, type Counts } from './counts';

export interface TierResult extends Counts {
  tier: string;
  ms: number;
}

/** The summary table, one row per tier; the last line is exactly `N passed, N failed`. */
export function renderSummary(results: TierResult[]): string {
  const total = results.reduce<Counts>((sum, result) => addCounts(sum, result), NONE);
  const row = (cells: string[]) =>
    `${cells[0].padEnd(12)}${cells
      .slice(1)
      .map((cell) => cell.padStart(9))
      .join('')}`;
  return [
    row(['tier', 'passed', 'failed', 'skipped', 'time']),
    ...results.map((r) => row([r.tier, String(r.passed), String(r.failed), String(r.skipped), `${(r.ms / 1000).toFixed(1)}s`])),
    `${total.passed} passed, ${total.failed} failed`,
  ].join('\n');
}
