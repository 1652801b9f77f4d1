// Shared Jest settings: SWC compiles TypeScript with decorator metadata (NestJS DI needs it);
// type checking is a separate target (tsc --noEmit).
const path = require('node:path');
const root = __dirname;
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    '^@poa/domain/fixtures$': path.join(root, 'libs/domain/src/fixtures/notice-corpus.ts'),
    '^@poa/services$': path.join(root, 'tools/services/index.ts'),
    '^@poa/test-setup$': path.join(root, 'tests/setup/index.ts'),
    '^@poa/(config|db|domain|jobs|pdf|sdk|storage|telemetry)$': path.join(root, 'libs/$1/src/index.ts'),
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
