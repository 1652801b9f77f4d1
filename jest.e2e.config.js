// Tier 3: end-to-end tests against the started product (HTTP and headless Chromium).
module.exports = {
  ...require('./jest.preset'),
  rootDir: __dirname,
  displayName: 'e2e',
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.spec.{ts,tsx}'],
  testTimeout: 120000,
  maxWorkers: 1,
};
