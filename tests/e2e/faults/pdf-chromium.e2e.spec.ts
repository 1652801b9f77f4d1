/**
 * The worker's Chromium killed in the middle of a render, and a render that hangs (Chromium frozen with SIGSTOP)
 * past PDF_RENDER_TIMEOUT_MS: the same worker process relaunches its browser, every approved version still gets
 * exactly one downloadable PDF, and no Chromium is left behind.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Http, signupAgency } from '../../../apps/api/test/harness';
import {
  createCase,
  createClient,
  createContact,
  draftBody,
  expectStatus,
  transition,
} from '../../../apps/api/src/cases/case-test-helpers';
import { startDeployment, waitFor, type Deployment } from './deployment';

const RENDER_TIMEOUT_MS = 4_000;

/** The browser processes the worker started (its direct children running Chromium or the headless shell). */
function browserPids(workerPid: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid ...: comm may hold spaces, so read after the last ')'.
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === workerPid && /chrom|headless/i.test(comm)) pids.push(Number(entry));
    } catch {
      /* gone meanwhile */
    }
  }
  return pids;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
};

describe("the worker's Chromium", () => {
  let deployment: Deployment;
  let http: Http;
  let owner: Awaited<ReturnType<typeof signupAgency>>;
  let clientId: string;
  let contactId: string;

  beforeAll(async () => {
    deployment = await startDeployment({
      name: 'pdf-chromium',
      apis: 1,
      workers: 1,
      // One render at a time, so "the render in progress" is the one whose browser the test kills or freezes.
      env: { WORKER_CONCURRENCY: '1', PDF_RENDER_TIMEOUT_MS: String(RENDER_TIMEOUT_MS) },
    });
    http = new Http(deployment.apiUrls[0]);
    owner = await signupAgency(http, 'Chromium Fault Agency');
    clientId = (await createClient(http, owner.token, { name: 'Chromium Seller' })).id;
    contactId = (await createContact(http, owner.token, clientId, 'Chromium Contact')).id;
  }, 180_000);

  afterAll(() => deployment?.stop());

  async function caseAwaitingApproval(): Promise<string> {
    const kase = await createCase(http, owner.token, clientId);
    expectStatus(await transition(http, owner.token, kase.id, { action: 'start_drafting' }), 200);
    expectStatus(await http.post(`/api/v1/cases/${kase.id}/drafts`, draftBody(0), owner.token), 201);
    expectStatus(await transition(http, owner.token, kase.id, { action: 'submit_for_review' }), 200);
    expectStatus(await transition(http, owner.token, kase.id, { action: 'approve_internal' }), 200);
    return kase.id;
  }

  const approve = async (caseId: string) =>
    expectStatus(await transition(http, owner.token, caseId, { action: 'client_approve', contactId, fullName: 'Priya Signer' }), 200);

  /** Waits for a render in progress, then freezes the browser doing it (so it is certainly mid-render) and returns its pid. */
  async function freezeBrowserMidRender(): Promise<number> {
    const workerPid = deployment.workers[0].pid;
    return waitFor(
      async () => {
        const [row] = await deployment.asTenant<{ n: number }>(
          owner.tenant.id,
          `SELECT count(*)::int AS n FROM pdf_renders WHERE status = 'rendering'`,
        );
        if (row.n === 0) return undefined;
        const [pid] = browserPids(workerPid);
        if (pid === undefined) return undefined;
        process.kill(pid, 'SIGSTOP');
        const [still] = await deployment.asTenant<{ n: number }>(
          owner.tenant.id,
          `SELECT count(*)::int AS n FROM pdf_renders WHERE status = 'rendering'`,
        );
        if (still.n > 0) return pid;
        process.kill(pid, 'SIGCONT');
        return undefined;
      },
      30_000,
      'a render in progress',
      10,
    );
  }

  async function expectOnePdfEach(caseIds: string[]) {
    for (const caseId of caseIds) {
      const pdf = await waitFor(
        async () => {
          const res = await fetch(`${deployment.apiUrls[0]}/api/v1/cases/${caseId}/pdf`, {
            headers: { authorization: `Bearer ${owner.token}` },
          });
          const body = Buffer.from(await res.arrayBuffer());
          return res.status === 200 ? body : undefined;
        },
        60_000,
        `the PDF of case ${caseId}`,
      );
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    }
    const rows = await deployment.asTenant<{ case_id: string; n: number; attempts: number }>(
      owner.tenant.id,
      `SELECT case_id, count(*)::int AS n, max(attempts)::int AS attempts FROM pdf_renders WHERE kind = 'final' AND case_id = ANY($1::uuid[]) GROUP BY case_id`,
      [caseIds],
    );
    expect(rows).toHaveLength(caseIds.length);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    const files = readdirSync(path.join(deployment.dataDir, 'files', owner.tenant.id, 'pdfs'));
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    return rows;
  }

  it('killed mid-render: the worker relaunches it and every PDF appears once', async () => {
    const cases = [await caseAwaitingApproval(), await caseAwaitingApproval(), await caseAwaitingApproval()];
    const workerPid = deployment.workers[0].pid;
    await Promise.all(cases.map(approve));

    const frozen = await freezeBrowserMidRender();
    process.kill(frozen, 'SIGKILL');

    await expectOnePdfEach(cases);
    expect(isAlive(frozen)).toBe(false);
    // The same worker process carried on with a new browser.
    expect(deployment.workers[0].isRunning()).toBe(true);
    expect(deployment.workers[0].pid).toBe(workerPid);
    expect(browserPids(workerPid).filter((pid) => pid !== frozen)).toHaveLength(1);
  }, 120_000);

  it('hung past PDF_RENDER_TIMEOUT_MS: the render is abandoned, the browser killed, and the retry produces the PDF', async () => {
    const caseId = await caseAwaitingApproval();
    const workerPid = deployment.workers[0].pid;
    await approve(caseId);

    const frozen = await freezeBrowserMidRender();
    const frozenAt = Date.now();
    // Left frozen: only the render timeout gets the worker out of it.
    await waitFor(async () => !isAlive(frozen), RENDER_TIMEOUT_MS + 15_000, 'the hung browser to be killed');
    expect(Date.now() - frozenAt).toBeGreaterThan(RENDER_TIMEOUT_MS - 1_000);

    const [row] = await expectOnePdfEach([caseId]);
    // The hung attempt counted, and a later one succeeded.
    expect(row.attempts).toBeGreaterThanOrEqual(2);
    expect(deployment.workers[0].pid).toBe(workerPid);
    expect(deployment.workers[0].isRunning()).toBe(true);
  }, 120_000);
});
