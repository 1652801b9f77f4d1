import { existsSync } from 'node:fs';
import path from 'node:path';
import { NX_ENV, runForExitCode } from '../../start/commands';
import { REPO_ROOT } from '../../start/paths';
import type { Counts } from '../counts';

interface Check {
  name: string;
  args: string[];
}

/**
 * Each check counts as one test: type-check and lint every project, formatting, folder-level import cycles, the
 * migration drift check, the Helm chart (lint and schemas), the OpenAPI drift check, then the OpenAPI lint (Redocly, zero errors and warnings) and the type-check of
 * the READMEs' TypeScript snippets against the SDK.
 */
export function staticChecks(): Check[] {
  const checks: Check[] = [
    { name: 'typecheck', args: ['nx', 'run-many', '-t', 'typecheck', '--outputStyle=static'] },
    { name: 'lint', args: ['nx', 'run-many', '-t', 'lint', '--outputStyle=static'] },
    { name: 'format', args: ['prettier', '--check', '--log-level=warn', '.'] },
    { name: 'folder import cycles', args: ['tsx', 'tools/test/folder-cycles.ts'] },
    { name: 'migration drift', args: ['tsx', 'tools/db/migrations.ts', 'check'] },
    { name: 'Helm chart (lint, schemas)', args: ['tsx', 'tools/helm/check.ts'] },
  ];
  if (existsSync(path.join(REPO_ROOT, 'tools/openapi/check.ts'))) {
    checks.push({ name: 'OpenAPI/SDK drift', args: ['tsx', 'tools/openapi/check.ts'] });
  }
  checks.push(
    { name: 'OpenAPI lint', args: ['tsx', 'tools/openapi/lint.ts'] },
    { name: 'README snippets', args: ['tsx', 'tools/docs/check-snippets.ts'] },
  );
  return checks;
}

export async function runStaticTier(): Promise<Counts> {
  const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
  // tsx finds the @poa/* aliases through TSX_TSCONFIG_PATH (scripts/test sets it too).
  const env = { ...process.env, ...NX_ENV, TSX_TSCONFIG_PATH: process.env.TSX_TSCONFIG_PATH ?? 'tsconfig.base.json' };
  for (const check of staticChecks()) {
    process.stdout.write(`\n[static] ${check.name}: npx ${check.args.join(' ')}\n`);
    const exitCode = await runForExitCode('npx', check.args, env);
    if (exitCode === 0) counts.passed++;
    else counts.failed++;
    process.stdout.write(`[static] ${check.name}: ${exitCode === 0 ? 'passed' : `FAILED (exit ${exitCode})`}\n`);
  }
  return counts;
}
