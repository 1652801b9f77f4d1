/**
 * PostgreSQL restarted under load, on a server this test starts itself on a free port (never the machine's): while
 * it is down the API answers 503 DATABASE_UNAVAILABLE (never a 500, never a stack), it serves again once the
 * server is back without being restarted, and every approval is either wholly written or not at all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bootstrapDatabase, freePort } from '@poa/services';
import { startLocalPostgres, type LocalPostgres } from '../../../tools/services/postgres-server';
import { Http, signupAgency, type HttpResponse } from '../../../apps/api/test/harness';
import {
  createCase,
  createClient,
  createContact,
  draftBody,
  expectStatus,
  transition,
} from '../../../apps/api/src/cases/case-test-helpers';
import { startDeployment, waitFor, type Deployment } from './deployment';

const CASES = 8;
const log = (message: string) => process.stderr.write(`[postgres-restart] ${message}\n`);

interface Answer {
  route: string;
  status: number;
  body: unknown;
  at: number;
}

describe('PostgreSQL restarted under load', () => {
  let dataDir: string;
  let port: number;
  let postgres: LocalPostgres | undefined;
  let deployment: Deployment | undefined;

  beforeAll(async () => {
    port = await freePort();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'poa-fault-pg-'));
    postgres = await startLocalPostgres({ port, dataDir, fsyncOff: true, log });
    const database = await bootstrapDatabase(postgres.adminUrl, {
      database: 'poa_fault',
      ownerPassword: 'poa_owner',
      appPassword: 'poa_app',
    });
    deployment = await startDeployment({ name: 'pg-restart', apis: 1, workers: 1, database });
  }, 180_000);

  afterAll(async () => {
    await deployment?.stop();
    await postgres?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 with a clear code while it is down, recovers by itself, and writes no approval by halves', async () => {
    const http = new Http(deployment!.apiUrls[0]);
    const owner = await signupAgency(http, 'Restart Agency');
    const tenantId = owner.tenant.id as string;
    const client = await createClient(http, owner.token, { name: 'Restart Seller' });
    const contact = await createContact(http, owner.token, client.id, 'Restart Contact');
    const cases: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const kase = await createCase(http, owner.token, client.id);
      expectStatus(await transition(http, owner.token, kase.id, { action: 'start_drafting' }), 200);
      expectStatus(await http.post(`/api/v1/cases/${kase.id}/drafts`, draftBody(0), owner.token), 201);
      expectStatus(await transition(http, owner.token, kase.id, { action: 'submit_for_review' }), 200);
      expectStatus(await transition(http, owner.token, kase.id, { action: 'approve_internal' }), 200);
      cases.push(kase.id);
    }

    // Load: four clients list, comment and approve without pause, through the stop and the restart.
    const answers: Answer[] = [];
    let loading = true;
    let approvals = 0;
    const record = async (route: string, request: Promise<Pick<HttpResponse, 'status' | 'body'>>) => {
      const res = await request.catch((error: Error) => ({ status: 0, body: error.message }));
      answers.push({ route, status: res.status, body: res.body, at: Date.now() });
    };
    const clientLoop = async (n: number) => {
      for (let i = 0; loading; i++) {
        const caseId = cases[(n + i) % CASES];
        if (i % 3 === 0) await record('list', http.get('/api/v1/cases?limit=20', owner.token));
        else if (i % 3 === 1)
          await record(
            'comment',
            http.post(`/api/v1/cases/${caseId}/comments`, { body: 'Still here', visibility: 'internal' }, owner.token),
          );
        else {
          const target = cases[approvals++ % CASES];
          await record(
            'approve',
            transition(http, owner.token, target, { action: 'client_approve', contactId: contact.id, fullName: 'Priya Signer' }),
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
    };
    const load = Promise.all([0, 1, 2, 3].map(clientLoop));

    await new Promise((resolve) => setTimeout(resolve, 300));
    const stoppedAt = Date.now();
    await postgres!.stop();
    log('stopped PostgreSQL under load');
    await waitFor(async () => answers.some((a) => a.at > stoppedAt && a.status >= 500), 15_000, 'a failed answer while PostgreSQL is down');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    postgres = await startLocalPostgres({ port, dataDir, fsyncOff: true, log });
    const restartedAt = Date.now();
    await waitFor(async () => (await fetch(`${deployment!.apiUrls[0]}/health/ready`)).status === 200, 30_000, 'the API to be ready again');
    await waitFor(
      async () => answers.filter((a) => a.at > restartedAt && a.status < 300).length >= 12,
      30_000,
      'requests to succeed again',
    );
    loading = false;
    await load;

    log(
      `${answers.length} answers: ${[...new Set(answers.map((a) => a.status))].map((st) => `${st} x${answers.filter((a) => a.status === st).length}`).join(', ')}`,
    );
    // Nothing but success, a refused transition (the case was already approved) or 503 DATABASE_UNAVAILABLE.
    const unexpected = answers.filter((a) => ![200, 201, 409, 503].includes(a.status));
    expect(unexpected.map((a) => `${a.route} ${a.status} ${JSON.stringify(a.body)}`)).toEqual([]);
    const unavailable = answers.filter((a) => a.status === 503);
    expect(unavailable.length).toBeGreaterThan(0);
    for (const a of unavailable) {
      expect((a.body as { error: { code: string } }).error.code).toBe('DATABASE_UNAVAILABLE');
      expect(JSON.stringify(a.body)).not.toMatch(/\bat .+\.(js|ts):\d+|stack/i);
    }
    expect(
      answers.filter((a) => a.status === 409).every((a) => (a.body as { error: { code: string } }).error.code === 'INVALID_TRANSITION'),
    ).toBe(true);
    // The same API process, never restarted.
    expect(deployment!.apis[0].isRunning()).toBe(true);

    // Each case is either approved with everything an approval writes, or untouched.
    const states = await deployment!.asTenant<{
      id: string;
      status: string;
      approvals: number;
      renders: number;
      jobs: number;
      events: number;
    }>(
      tenantId,
      `SELECT c.id, c.status,
              (SELECT count(*)::int FROM approvals a WHERE a.case_id = c.id) AS approvals,
              (SELECT count(*)::int FROM pdf_renders r WHERE r.case_id = c.id AND r.kind = 'final') AS renders,
              (SELECT count(*)::int FROM outbox o WHERE o.job_id LIKE 'render-final-%' AND o.payload->>'caseId' = c.id::text) AS jobs,
              (SELECT count(*)::int FROM case_events e WHERE e.case_id = c.id AND e.type = 'approval.recorded') AS events
       FROM cases c WHERE c.id = ANY($1::uuid[])`,
      [cases],
    );
    expect(states).toHaveLength(CASES);
    for (const s of states) {
      const expected = s.status === 'approved' ? 1 : 0;
      expect(s).toEqual({ id: s.id, status: s.status, approvals: expected, renders: expected, jobs: expected, events: expected });
      expect(['approved', 'client_review']).toContain(s.status);
    }
    const approved = states.filter((s) => s.status === 'approved').map((s) => s.id);
    expect(approved.length).toBeGreaterThan(0);
    // The worker got through the outage too: every approved case gets its PDF.
    await waitFor(
      async () => {
        const [row] = await deployment!.asTenant<{ n: number }>(
          tenantId,
          `SELECT count(*)::int AS n FROM pdf_renders WHERE kind = 'final' AND status = 'ready'`,
        );
        return row.n === approved.length;
      },
      60_000,
      'the PDFs of the approved cases',
    );
  }, 240_000);
});
