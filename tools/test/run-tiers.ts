/**
 * `bash scripts/test`: runs the tiers static, unit, integration and e2e (or those named with --tier) and prints a
 * summary whose last line is `N passed, N failed`. Exits non-zero when anything failed.
 */
import { killRunningCommands } from '../start/commands';
import { parseRunOptions, USAGE, type RunOptions, type Tier } from './args';
import { CRASHED, type Counts } from './counts';
import { tailFile } from './log-tail';
import { renderSummary, type TierResult } from './summary';
import { Teardown } from './teardown';
import { runE2eTier, E2E_LOG_FILES } from './tiers/e2e';
import { runIntegrationTier } from './tiers/integration';
import { runStaticTier } from './tiers/static';
import { runUnitTier } from './tiers/unit';

let interrupted = false;

const TIER_RUNNERS: Record<Tier, (teardown: Teardown, options: RunOptions) => Promise<Counts>> = {
  static: () => runStaticTier(),
  unit: (_teardown, options) => runUnitTier(options),
  integration: (teardown, options) => runIntegrationTier(teardown, options),
  e2e: (teardown, options) => runE2eTier(teardown, options),
};

async function runTier(tier: Tier, options: RunOptions): Promise<TierResult> {
  const started = Date.now();
  process.stdout.write(`\n========== tier ${tier} ==========\n`);
  const teardown = new Teardown();
  let counts: Counts;
  try {
    counts = await TIER_RUNNERS[tier](teardown, options);
  } catch (error) {
    process.stderr.write(`\n[test] tier ${tier} crashed: ${(error as Error).stack ?? String(error)}\n`);
    counts = CRASHED;
  }
  await teardown.runAll();
  const failed = counts.failed + teardown.errors.length;
  if (tier === 'e2e' && failed > 0) printServerLogs();
  return { tier, ...counts, failed, ms: Date.now() - started };
}

function printServerLogs(): void {
  for (const file of E2E_LOG_FILES) process.stderr.write(`\n[test] last lines of ${file}:\n${tailFile(file)}\n`);
}

function onSignal(signal: NodeJS.Signals): void {
  if (interrupted) return;
  interrupted = true;
  process.stderr.write(`\n[test] ${signal}: stopping the running tier and cleaning up...\n`);
  killRunningCommands(signal);
}

async function main(): Promise<void> {
  const options = parseRunOptions(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // scripts/preflight.sh may have brought the LTS into .data/: say which Node.js runs the tiers (and every child).
  process.stdout.write(`[test] Node.js ${process.version} (${process.execPath})\n`);
  const results: TierResult[] = [];
  for (const tier of options.tiers) {
    if (interrupted) break;
    results.push(await runTier(tier, options));
  }
  process.stdout.write(`\n${renderSummary(results)}\n`);
  const anyFailed = results.some((result) => result.failed > 0);
  process.exitCode = interrupted ? 130 : anyFailed ? 1 : 0;
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 2;
});
