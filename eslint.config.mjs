import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';

/** depConstraints of the monorepo; `testCode` lets tests and their helpers import the tooling that starts services. */
function moduleBoundaries(testCode) {
  const backendMay = ['scope:backend', 'scope:shared', ...(testCode ? ['scope:tooling'] : [])];
  return {
    allow: [],
    depConstraints: [
      { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
      { sourceTag: 'scope:frontend', onlyDependOnLibsWithTags: ['scope:shared'] },
      { sourceTag: 'scope:backend', onlyDependOnLibsWithTags: backendMay },
      { sourceTag: 'scope:tooling', onlyDependOnLibsWithTags: ['scope:tooling', 'scope:shared', 'scope:backend'] },
      { sourceTag: 'type:lib', notDependOnLibsWithTags: ['type:app'] },
      { sourceTag: 'type:app', notDependOnLibsWithTags: ['type:app'] },
    ],
  };
}

/** Tests, their helpers, benchmarks and developer tooling: not shipped, so they may reach test helpers and tooling. */
const TEST_CODE = [
  '**/*.spec.ts',
  '**/*.spec.tsx',
  '**/test/**/*.ts',
  '**/*test-helpers.ts',
  'bench/**/*.ts',
  'tests/**/*.ts',
  'tools/**/*.ts',
];

export default [
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.data/**', 'tmp/**', 'libs/sdk/src/generated/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The module boundaries of the monorepo: web never imports server code, libs never import apps, apps never
      // import each other, and production code never imports tooling (tests and their helpers may: see below).
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries(false)],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/test/**', '**/testing/**', '**/*test-helpers'], message: 'Production code does not import test helpers.' },
          ],
        },
      ],
    },
  },
  {
    files: TEST_CODE,
    rules: { '@nx/enforce-module-boundaries': ['error', moduleBoundaries(true)], 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.cjs', '**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
