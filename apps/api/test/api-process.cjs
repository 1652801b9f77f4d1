/*
 * Runs the API from its TypeScript sources in a process of its own (SWC compiles each file on load, with decorator
 * metadata, as Jest does): for tests that need a second API process, e.g. to prove that what one process caches is
 * invalidated by a change made through another. Env: the API's configuration; prints `listening <port>` when ready.
 */
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '../../..');
const SWC = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...SWC, filename });
  module._compile(code, filename);
};

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const poa = /^@poa\/([a-z-]+)$/.exec(request);
  if (poa) request = poa[1] === 'services' ? path.join(root, 'tools/services/index.ts') : path.join(root, `libs/${poa[1]}/src/index.ts`);
  return resolve.call(this, request, ...rest);
};

require('reflect-metadata');
const { loadConfig } = require('@poa/config');
const { createApp } = require(path.join(root, 'apps/api/src/app-setup.ts'));

(async () => {
  const app = await createApp(loadConfig(process.env), { logger: false });
  await app.listen(0, '127.0.0.1');
  process.stdout.write(`listening ${app.getHttpServer().address().port}\n`);
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
})().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
