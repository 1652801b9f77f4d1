/**
 * The CRM example (libs/sdk/examples/crm-sync.ts) run as a CRM developer runs it, against the started product
 * (WEBHOOK_ALLOW_LOOPBACK=true): the SDK packed with `npm pack`, installed into an empty project outside the
 * repository, the example copied there, type-checked against the package's declarations and run with tsx. It runs
 * twice, with two API keys of one agency, as a nightly sync does.
 */
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@poa/services';
import { packSdk, SDK_DIR } from '../../tools/sdk/build';
import { jsonApi } from './json-api';

const baseUrl = (process.env.E2E_BASE_URL ?? '').replace(/\/$/, '');
if (!baseUrl) throw new Error('E2E_BASE_URL is not set: run the e2e tier (bash scripts/test --tier e2e)');
const api = jsonApi(baseUrl);
const REPO_ROOT = path.join(__dirname, '../..');
const bin = (name: string) => path.join(REPO_ROOT, 'node_modules/.bin', name);

jest.setTimeout(300_000);

let project: string;

beforeAll(() => {
  project = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'poa-crm-project-')));
}, 10_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the example in the CRM's project with only what a CRM's shell would have (no monorepo path mapping). */
async function runExample(apiKey: string): Promise<Run> {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? os.tmpdir(),
    POA_BASE_URL: baseUrl,
    POA_API_KEY: apiKey,
    WEBHOOK_PORT: String(await freePort()),
  };
  return new Promise((resolve) => {
    execFile(bin('tsx'), ['crm-sync.ts'], { cwd: project, env, timeout: 150_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function expectSucceeded(run: Run): void {
  if (run.code !== 0) throw new Error(`the example exited with ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`);
}

const caseLines = (stdout: string) =>
  [...stdout.matchAll(/^case (POA-\d{4}-\d{4,}) for ticket-77: (\w+) \((created|existing|replayed)\)$/gm)].map(
    ([, reference, status, how]) => ({
      reference,
      status,
      how,
    }),
  );

it('installs from the packed SDK outside the repository, and the CRM example syncs, replays and verifies a webhook, twice', async () => {
  expect(project.startsWith(REPO_ROOT)).toBe(false);
  const tarball = await packSdk(project);
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'crm-sync', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], { cwd: project, stdio: 'pipe' });
  copyFileSync(path.join(SDK_DIR, 'examples/crm-sync.ts'), path.join(project, 'crm-sync.ts'));
  // Node itself (not Jest, which maps @poa/* into the repository) resolves the package inside the project.
  const resolved = execFileSync('node', ['-p', "require.resolve('@poa/sdk')"], {
    cwd: project,
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
  });
  expect(resolved.trim()).toBe(path.join(project, 'node_modules/@poa/sdk/dist/index.cjs'));

  // The example type-checks against the package's own declarations, as an ESM project (Node's resolution) sees them.
  const typeCheck = execFileSync(
    bin('tsc'),
    [
      '--noEmit',
      '--strict',
      '--target',
      'es2022',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--typeRoots',
      path.join(REPO_ROOT, 'node_modules/@types'),
      '--types',
      'node',
      'crm-sync.ts',
    ],
    { cwd: project, encoding: 'utf8' },
  );
  expect(typeCheck).toBe('');

  const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const owner = await api<{ accessToken: string }>('POST', '/api/v1/auth/signup', {
    agencyName: `CRM Agency ${run}`,
    name: 'Owner',
    email: `crm-${run}@e2e.test`,
    password: 'correct horse battery',
  });
  const scopes = ['clients:write', 'cases:write', 'webhooks:manage'];
  const nightlyKey = (await api<{ key: string }>('POST', '/api/v1/api-keys', { name: 'CRM nightly', scopes }, owner.accessToken)).key;
  const otherKey = (await api<{ key: string }>('POST', '/api/v1/api-keys', { name: 'CRM other', scopes }, owner.accessToken)).key;

  // First run: creates the clients and the case, the retry is replayed, case.created arrives signed.
  const first = await runExample(nightlyKey);
  expectSucceeded(first);
  expect(first.stdout).toMatch(/^client acct-1001: [0-9a-f-]{36} \(created\)$/m);
  expect(first.stdout).toMatch(/^client acct-1002: [0-9a-f-]{36} \(created\)$/m);
  const firstCase = caseLines(first.stdout);
  expect(firstCase.map((line) => line.how)).toEqual(['created', 'replayed']);
  const reference = firstCase[0].reference;
  expect(firstCase[1].reference).toBe(reference);
  expect(first.stdout).toContain(`webhook case.created: ${reference} is intake (signature verified)`);

  // Second run, with another key: the clients are updated, the same case found (and its retry replayed).
  const second = await runExample(otherKey);
  expectSucceeded(second);
  expect(second.stdout).toMatch(/^client acct-1001: [0-9a-f-]{36} \(updated\)$/m);
  expect(second.stdout).toMatch(/^client acct-1002: [0-9a-f-]{36} \(updated\)$/m);
  expect(caseLines(second.stdout)).toEqual([
    { reference, status: 'intake', how: 'existing' },
    { reference, status: 'intake', how: 'replayed' },
  ]);

  // One case and two clients in the agency; the example removed its webhook registration.
  const cases = await api<{ data: { reference: string; externalId: string | null }[] }>(
    'GET',
    '/api/v1/cases',
    undefined,
    owner.accessToken,
  );
  expect(cases.data.map((c) => [c.reference, c.externalId])).toEqual([[reference, 'ticket-77']]);
  const clients = await api<{ data: unknown[] }>('GET', '/api/v1/clients', undefined, owner.accessToken);
  expect(clients.data).toHaveLength(2);
  const webhooks = await api<{ data: unknown[] }>('GET', '/api/v1/webhooks', undefined, owner.accessToken);
  expect(webhooks.data).toEqual([]);
});
