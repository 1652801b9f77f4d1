/**
 * Lints the committed OpenAPI document with Redocly's recommended ruleset and our own rules (redocly.yaml; reasoned
 * exceptions in .redocly.lint-ignore.yaml). Fails on any error or warning: `redocly lint` itself fails on errors only.
 *   npx tsx tools/openapi/lint.ts [document]
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.join(__dirname, '../..');
export const OPENAPI_DOCUMENT = 'libs/sdk/src/generated/openapi.json';

interface LintReport {
  totals: { errors: number; warnings: number; ignored: number };
  problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
}

const document = process.argv[2] ?? OPENAPI_DOCUMENT;
const run = spawnSync(path.join(ROOT, 'node_modules/.bin/redocly'), ['lint', document, '--format=json'], {
  cwd: ROOT,
  encoding: 'utf8',
  env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
});
let report: LintReport;
try {
  report = JSON.parse(run.stdout) as LintReport;
} catch {
  console.error(`redocly lint did not answer a report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
}
for (const problem of report.problems) {
  console.log(`${problem.severity} ${problem.ruleId} at ${problem.location[0]?.pointer ?? '?'}: ${problem.message}`);
}
const { errors, warnings, ignored } = report.totals;
console.log(`${document}: ${errors} errors, ${warnings} warnings (${ignored} ignored with a reason in .redocly.lint-ignore.yaml)`);
if (errors + warnings > 0) process.exitCode = 1;
