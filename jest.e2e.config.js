// Tier 3: end-to-end tests against the started product (HTTP and headless Chromium).
module.exports = {
  ...require('./jest.preset'),
  rootDir: __dirname,
  displayName: 'e2e',
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.spec.{ts,tsx}'],
  testTimeout: 120000,
  maxWorkers: 1,
  testSequencer: '<rootDir>/tests/setup/e2e-sequencer.cjs',
  // A suite that leaks a handle must not hang the tier (CI has a time limit); leaks still print a warning.
  forceExit: true,
};
