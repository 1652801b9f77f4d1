import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { countJestReport, readJestReport, type JestReport } from './jest-report';

const suite = (status: string, tests: string[]) => ({ status, assertionResults: tests.map((s) => ({ status: s })) });

function report(partial: Partial<JestReport>): JestReport {
  return { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0, testResults: [], ...partial };
}

describe('countJestReport', () => {
  it('counts passed, failed and skipped (pending + todo) tests', () => {
    const counts = countJestReport(
      report({
        numPassedTests: 7,
        numFailedTests: 2,
        numPendingTests: 1,
        numTodoTests: 2,
        testResults: [suite('failed', ['passed', 'failed', 'failed'])],
      }),
      1,
    );
    expect(counts).toEqual({ passed: 7, failed: 2, skipped: 3 });
  });

  it('counts a suite that failed without a failing test (compile error, throwing hook) as one failure', () => {
    const counts = countJestReport(report({ numPassedTests: 3, testResults: [suite('passed', ['passed']), suite('failed', [])] }), 1);
    expect(counts).toEqual({ passed: 3, failed: 1, skipped: 0 });
  });

  it('counts a non-zero exit with nothing failed (no tests found) as one failure', () => {
    expect(countJestReport(report({}), 1)).toEqual({ passed: 0, failed: 1, skipped: 0 });
  });

  it('counts a missing report (jest crashed) as one failure', () => {
    expect(countJestReport(undefined, null)).toEqual({ passed: 0, failed: 1, skipped: 0 });
  });

  it('reports a clean run as it is', () => {
    expect(countJestReport(report({ numPassedTests: 5, testResults: [suite('passed', ['passed'])] }), 0)).toEqual({
      passed: 5,
      failed: 0,
      skipped: 0,
    });
  });
});

describe('readJestReport', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'poa-report-spec-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a report file, and gives undefined for a missing or malformed one', () => {
    const good = path.join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(report({ numPassedTests: 4 })));
    expect(readJestReport(good)?.numPassedTests).toBe(4);
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{"numPassedTests": "four"}');
    expect(readJestReport(bad)).toBeUndefined();
    expect(readJestReport(path.join(dir, 'missing.json'))).toBeUndefined();
  });
});
