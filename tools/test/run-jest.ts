import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runForExitCode } from '../start/commands';
import type { Counts } from './counts';
import { countJestReport, readJestReport } from './jest-report';

/** Runs `jest -c <config>` with the terminal attached and counts its tests from the --json report. */
export async function runJest(config: string, env: NodeJS.ProcessEnv, extraArgs: string[] = []): Promise<Counts> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'poa-jest-report-'));
  const reportFile = path.join(dir, 'report.json');
  try {
    const exitCode = await runForExitCode('npx', ['jest', '-c', config, '--json', `--outputFile=${reportFile}`, ...extraArgs], env);
    return countJestReport(readJestReport(reportFile), exitCode);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
