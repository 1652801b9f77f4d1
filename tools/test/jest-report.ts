import { existsSync, readFileSync } from 'node:fs';
import type { Counts } from './counts';

/** The parts of Jest's --json report we read. */
export interface JestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests?: number;
  testResults: Array<{ status: string; assertionResults: Array<{ status: string }> }>;
}

/**
 * Tests passed/failed/skipped from a Jest report. A suite that failed without a failing test (it did not compile,
 * a hook threw) counts as one failure; so does a non-zero exit with nothing failed (no tests found, a crash).
 */
export function countJestReport(report: JestReport | undefined, exitCode: number | null): Counts {
  if (!report) return { passed: 0, failed: 1, skipped: 0 };
  const brokenSuites = report.testResults.filter(
    (suite) => suite.status === 'failed' && !suite.assertionResults.some((test) => test.status === 'failed'),
  ).length;
  let failed = report.numFailedTests + brokenSuites;
  if (exitCode !== 0 && failed === 0) failed = 1;
  return { passed: report.numPassedTests, failed, skipped: report.numPendingTests + (report.numTodoTests ?? 0) };
}

export function readJestReport(file: string): JestReport | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<JestReport>;
    return typeof parsed.numPassedTests === 'number' && Array.isArray(parsed.testResults) ? (parsed as JestReport) : undefined;
  } catch {
    return undefined;
  }
}
