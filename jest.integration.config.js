// Tier 2: integration tests against the real PostgreSQL, Redis and Chromium found or started by tools/services.
module.exports = {
  ...require('./jest.preset'),
  rootDir: __dirname,
  displayName: 'integration',
  testMatch: ['<rootDir>/{apps,libs,tools}/**/*.int.spec.{ts,tsx}', '<rootDir>/tests/integration/**/*.int.spec.{ts,tsx}'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 60000,
  maxWorkers: 2,
  // A suite that leaks a handle must not hang the tier (CI has a time limit); leaks still print a warning.
  forceExit: true,
};
