/**
 * Two API and two worker processes on one PostgreSQL and one Redis, every write spread over both APIs at once:
 * case references stay unique, each approved version gets exactly one PDF (one row, one file), and each webhook
 * endpoint receives every event of the agency once settled, in the order the deliveries were recorded.
 */
import { readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
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

const CASES = 8;
const APPROVED = 4;

interface Received {
  hook: string;
  eventId: string;
  type: string;
  caseId: string;
  status?: string;
}

describe('two APIs and two workers on one database', () => {
  let deployment: Deployment;
  let receiver: Server;
  const received: Received[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        const event = JSON.parse(body) as { id: string; type: string; data: { case: { id: string }; to?: string } };
        received.push({ hook: req.url ?? '', eventId: event.id, type: event.type, caseId: event.data.case.id, status: event.data.to });
        // A slow endpoint makes both workers contend for the same endpoint's queue.
        setTimeout(() => res.writeHead(204).end(), 5);
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    deployment = await startDeployment({ name: 'two-by-two', apis: 2, workers: 2 });
  }, 180_000);

  afterAll(async () => {
    await deployment?.stop();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  it('no duplicate reference, one PDF per approval, every webhook event delivered in order', async () => {
    const [a, b] = deployment.apiUrls.map((url) => new Http(url));
    const api = (i: number) => (i % 2 === 0 ? a : b);
    const owner = await signupAgency(a, 'Two By Two Agency');
    const hookBase = `http://127.0.0.1:${(receiver.address() as { port: number }).port}`;
    for (const name of ['one', 'two']) {
      const events = ['case.created', 'case.status_changed', 'draft.created', 'case.approved', 'pdf.ready', 'comment.created'];
      expectStatus(await b.post('/api/v1/webhooks', { url: `${hookBase}/${name}`, events }, owner.token), 201);
    }
    const client = await createClient(b, owner.token, { name: 'Concurrent Seller' });
    const contact = await createContact(a, owner.token, client.id, 'Concurrent Contact');

    // Every case is created at once, half through each API.
    const cases = await Promise.all(Array.from({ length: CASES }, (_, i) => createCase(api(i), owner.token, client.id)));
    expect(new Set(cases.map((c) => c.reference)).size).toBe(CASES);

    // Each case goes through its workflow with every step on the other API from the last, all cases at once,
    // with comments written concurrently on the same cases.
    await Promise.all(
      cases.map(async (kase, i) => {
        expectStatus(await transition(api(i), owner.token, kase.id, { action: 'start_drafting' }), 200);
        expectStatus(await api(i + 1).post(`/api/v1/cases/${kase.id}/drafts`, draftBody(0), owner.token), 201);
        await Promise.all(
          [0, 1, 2].map(async (n) =>
            expectStatus(
              await api(i + n).post(`/api/v1/cases/${kase.id}/comments`, { body: `Comment ${n}`, visibility: 'shared' }, owner.token),
              201,
            ),
          ),
        );
        if (i >= APPROVED) return;
        expectStatus(await transition(api(i), owner.token, kase.id, { action: 'submit_for_review' }), 200);
        expectStatus(await transition(api(i + 1), owner.token, kase.id, { action: 'approve_internal' }), 200);
        // The same approval sent to both APIs at once: one wins, the other is refused by the state machine.
        const answers = await Promise.all(
          [a, b].map((http) =>
            transition(http, owner.token, kase.id, { action: 'client_approve', contactId: contact.id, fullName: 'Priya Signer' }),
          ),
        );
        expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
      }),
    );

    const approvedIds = cases.slice(0, APPROVED).map((c) => c.id);
    const tenantId = owner.tenant.id as string;
    await waitFor(
      async () => {
        const [row] = await deployment.asTenant<{ n: number }>(
          tenantId,
          `SELECT count(*)::int AS n FROM pdf_renders WHERE kind = 'final' AND status = 'ready'`,
        );
        return row.n >= APPROVED;
      },
      90_000,
      'every approved version to have its PDF',
    );
    const renders = await deployment.asTenant<{ case_id: string; n: number }>(
      tenantId,
      `SELECT case_id, count(*)::int AS n FROM pdf_renders WHERE kind = 'final' GROUP BY case_id`,
    );
    expect(renders.map((r) => r.case_id).sort()).toEqual([...approvedIds].sort());
    expect(renders.every((r) => r.n === 1)).toBe(true);
    const pdfDir = path.join(deployment.dataDir, 'files', tenantId, 'pdfs');
    expect(readdirSync(pdfDir).filter((f) => f.endsWith('-final.pdf'))).toHaveLength(APPROVED);
    expect(readdirSync(pdfDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    // Every delivery settles; each endpoint got exactly its deliveries, in their recorded order (seq).
    await waitFor(
      async () => {
        const [row] = await deployment.asTenant<{ pending: number }>(
          tenantId,
          `SELECT count(*) FILTER (WHERE status <> 'succeeded')::int AS pending FROM webhook_deliveries`,
        );
        return row.pending === 0 && received.length > 0;
      },
      90_000,
      'every webhook delivery to succeed',
    );
    const hooks = await deployment.asTenant<{ id: string; url: string }>(tenantId, `SELECT id, url FROM webhooks`);
    let total = 0;
    for (const hook of hooks) {
      const recorded = await deployment.asTenant<{ event_id: string }>(
        tenantId,
        `SELECT event_id FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY seq`,
        [hook.id],
      );
      const got = received.filter((r) => hookBase + r.hook === hook.url).map((r) => r.eventId);
      const firstReceipts = got.filter((id, index) => got.indexOf(id) === index);
      expect(firstReceipts).toEqual(recorded.map((r) => r.event_id));
      total += recorded.length;
    }
    // Per case: created, to drafting, the draft, 3 comments; approved ones add 3 status changes, case.approved and pdf.ready.
    expect(total).toBe(2 * (CASES * 6 + APPROVED * 5));
    // Per case and endpoint the statuses arrive in the order the workflow went through them.
    for (const kase of cases.slice(0, APPROVED)) {
      const statuses = received
        .filter((r) => r.hook === '/one' && r.caseId === kase.id && r.type === 'case.status_changed')
        .map((r) => r.status);
      expect(statuses).toEqual(['drafting', 'internal_review', 'client_review', 'approved']);
    }
  }, 240_000);
});
