// Tier 2: integration tests against the real PostgreSQL, Redis and Chromium found or started by tools/services.
module.exports = {
  ...require('./jest.preset'),
  rootDir: __dirname,
  displayName: 'integration',
  testMatch: ['<rootDir>/{apps,libs,tools}/**/*.int.spec.{ts,tsx}'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 60000,
  maxWorkers: 2,
};
