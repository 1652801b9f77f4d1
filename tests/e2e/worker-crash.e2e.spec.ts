import { e2eEnv, startWorker } from '@poa/test-setup';
import type { ChildProcess } from 'node:child_process';
import { Http, signupAgency } from '../../apps/api/test/harness';
import {
  createCase,
  createClient,
  createContact,
  draftBody,
  expectStatus,
  queryAsTenant,
  transition,
} from '../../apps/api/src/cases/case-test-helpers';

// Runs last (tests/setup/e2e-sequencer.cjs): it kills the tier's worker and stops its replacement at the end.
const env = e2eEnv();
const http = new Http(env.baseUrl);
const asTenant = <T>(tenantId: string, text: string, params: unknown[] = []) => queryAsTenant<T>(env.databaseUrl, tenantId, text, params);

async function caseAwaitingApproval(token: string, clientId: string, contactId: string) {
  const kase = await createCase(http, token, clientId);
  expectStatus(await transition(http, token, kase.id, { action: 'start_drafting' }), 200);
  expectStatus(await http.post(`/api/v1/cases/${kase.id}/drafts`, draftBody(0), token), 201);
  expectStatus(await transition(http, token, kase.id, { action: 'submit_for_review' }), 200);
  expectStatus(await transition(http, token, kase.id, { action: 'approve_internal' }), 200);
  return {
    ...kase,
    approve: () =>
      transition(http, token, kase.id, { action: 'client_approve', contactId, fullName: 'Priya Proof-Signer', note: 'By email' }),
  };
}

async function waitForPdf(token: string, caseId: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${env.baseUrl}/api/v1/cases/${caseId}/pdf`, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    if (res.status === 200) return;
    if (res.status !== 202) throw new Error(`unexpected ${res.status}`);
    if (Date.now() > deadline) throw new Error(`PDF not ready after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('worker crash', () => {
  let owner: Awaited<ReturnType<typeof signupAgency>>;
  let client: { id: string };
  let contact: { id: string };

  beforeAll(async () => {
    owner = await signupAgency(http, 'Crash Agency');
    client = await createClient(http, owner.token, { name: 'Crash Seller Ltd' });
    contact = await createContact(http, owner.token, client.id, 'Priya Proof');
  });

  it('a worker killed with SIGKILL mid-render: after a restart every PDF appears, once per version', async () => {
    const cases = [];
    for (let i = 0; i < 6; i++) cases.push(await caseAwaitingApproval(owner.token, client.id, contact.id));
    await Promise.all(cases.map(async (c) => expectStatus(await c.approve(), 200)));

    // Kill the worker as soon as one render is in progress.
    const deadline = Date.now() + 20_000;
    let rendering = 0;
    while (Date.now() < deadline && rendering === 0) {
      rendering = (
        await asTenant<{ n: number }>(owner.tenant.id, `SELECT count(*)::int AS n FROM pdf_renders WHERE status = 'rendering'`)
      )[0].n;
    }
    expect(rendering).toBeGreaterThan(0);
    process.kill(env.workerPid, 'SIGKILL');

    let restarted: ChildProcess | null = null;
    try {
      restarted = startWorker(env.workerCommand, env.artifactsDir);
      for (const c of cases) await waitForPdf(owner.token, c.id, 60_000);
      const rows = await asTenant<{ case_id: string; n: number; max_attempts: number }>(
        owner.tenant.id,
        `SELECT case_id, count(*)::int AS n, max(attempts)::int AS max_attempts FROM pdf_renders WHERE kind = 'final' AND case_id = ANY($1::uuid[]) GROUP BY case_id`,
        [cases.map((c) => c.id)],
      );
      expect(rows).toHaveLength(6);
      expect(rows.every((r) => r.n === 1)).toBe(true);
      // The interrupted render ran again (a second attempt), and still produced one artifact.
      expect(Math.max(...rows.map((r) => r.max_attempts))).toBeGreaterThanOrEqual(2);
    } finally {
      if (restarted && restarted.exitCode === null) {
        const exited = new Promise((resolve) => restarted!.once('exit', resolve));
        restarted.kill('SIGTERM');
        await exited;
      }
    }
  }, 120_000);
});
