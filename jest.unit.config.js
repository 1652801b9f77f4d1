// Tier 1: unit tests. No services.
module.exports = {
  ...require('./jest.preset'),
  rootDir: __dirname,
  displayName: 'unit',
  testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.{ts,tsx}'],
  testPathIgnorePatterns: ['/node_modules/', '\\.int\\.spec\\.tsx?$', '\\.e2e\\.spec\\.tsx?$', '/dist/'],
};
