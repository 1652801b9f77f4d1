import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../start/paths';

/** scripts/test runs every tier on a supported Node (bringing the LTS into .data/ when the system's is older). */
describe('the Node.js the tests run on', () => {
  it('is one package.json "engines" allows', () => {
    const engines = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    const [, minimum] = /^>=(\d+(?:\.\d+){0,2})$/.exec(engines) ?? [];
    expect(minimum).toBeDefined();
    const need = minimum.split('.').map(Number);
    const have = process.versions.node.split('.').map(Number);
    const cmp = need.map((n, i) => Math.sign((have[i] ?? 0) - n)).find((d) => d !== 0) ?? 0;
    expect({ node: process.version, path: process.execPath, supported: cmp >= 0 }).toEqual({
      node: process.version,
      path: process.execPath,
      supported: true,
    });
  });
});
