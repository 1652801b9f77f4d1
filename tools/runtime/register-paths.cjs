// Lets the compiled server (dist/server) resolve the monorepo's @poa/* imports, which tsc leaves as written.
const path = require('node:path');
const tsConfigPaths = require('tsconfig-paths');

const distRoot = path.resolve(__dirname, '../../dist/server');
tsConfigPaths.register({
  baseUrl: distRoot,
  paths: { '@poa/*': ['libs/*/src/index.js'] },
});
