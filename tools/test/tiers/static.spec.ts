import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../start/paths';
import { staticChecks } from './static';

describe('staticChecks', () => {
  it('type-checks, lints and format-checks, looks for folder import cycles, runs the drift checks (the OpenAPI one only when its script exists), checks the Helm chart, lints the OpenAPI document and type-checks the README snippets', () => {
    const checks = staticChecks();
    expect(checks.slice(0, 5)).toEqual([
      { name: 'typecheck', args: ['nx', 'run-many', '-t', 'typecheck', '--outputStyle=static'] },
      { name: 'lint', args: ['nx', 'run-many', '-t', 'lint', '--outputStyle=static'] },
      { name: 'format', args: ['prettier', '--check', '--log-level=warn', '.'] },
      { name: 'folder import cycles', args: ['tsx', 'tools/test/folder-cycles.ts'] },
      { name: 'migration drift', args: ['tsx', 'tools/db/migrations.ts', 'check'] },
    ]);
    expect(checks[5]).toEqual({ name: 'Helm chart (lint, schemas)', args: ['tsx', 'tools/helm/check.ts'] });
    const openApiCheckExists = existsSync(path.join(REPO_ROOT, 'tools/openapi/check.ts'));
    expect(checks.some((check) => check.name === 'OpenAPI/SDK drift')).toBe(openApiCheckExists);
    expect(checks.slice(-2)).toEqual([
      { name: 'OpenAPI lint', args: ['tsx', 'tools/openapi/lint.ts'] },
      { name: 'README snippets', args: ['tsx', 'tools/docs/check-snippets.ts'] },
    ]);
  });
});
