import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { persistentSecret } from './dev-secret';

describe('persistentSecret', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'poa-secret-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a private random secret once and returns the same one afterwards', () => {
    const dataDir = path.join(dir, 'nested');
    const first = persistentSecret(dataDir, 'jwt-secret');
    expect(first).toMatch(/^[0-9a-f]{96}$/);
    expect(statSync(path.join(dataDir, 'jwt-secret')).mode & 0o777).toBe(0o600);
    expect(persistentSecret(dataDir, 'jwt-secret')).toBe(first);
    expect(persistentSecret(dataDir, 'other')).not.toBe(first);
  });
});
