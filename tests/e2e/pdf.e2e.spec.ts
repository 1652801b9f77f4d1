import { e2eEnv } from '@poa/test-setup';
import { ensurePdfTools } from '@poa/services';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

const env = e2eEnv();
const http = new Http(env.baseUrl);

/** Takes a case from intake to client_review with one draft version; returns what approval needs. */
async function caseAwaitingApproval(token: string, clientId: string, contactId: string, draft = draftBody(0)) {
  const kase = await createCase(http, token, clientId);
  expectStatus(await transition(http, token, kase.id, { action: 'start_drafting' }), 200);
  expectStatus(await http.post(`/api/v1/cases/${kase.id}/drafts`, draft, token), 201);
  expectStatus(await transition(http, token, kase.id, { action: 'submit_for_review' }), 200);
  expectStatus(await transition(http, token, kase.id, { action: 'approve_internal' }), 200);
  return {
    ...kase,
    approve: () =>
      transition(http, token, kase.id, { action: 'client_approve', contactId, fullName: 'Priya Proof-Signer', note: 'By email' }),
  };
}

async function waitForPdf(token: string, caseId: string, timeoutMs: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${env.baseUrl}/api/v1/cases/${caseId}/pdf`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status === 200) return res;
    if (res.status !== 202) throw new Error(`unexpected ${res.status}: ${await res.text()}`);
    if (Date.now() > deadline) throw new Error(`PDF not ready after ${timeoutMs} ms: ${await res.text()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const asTenant = <T>(tenantId: string, text: string, params: unknown[] = []) => queryAsTenant<T>(env.databaseUrl, tenantId, text, params);

describe('approved POA to PDF, end to end', () => {
  let owner: Awaited<ReturnType<typeof signupAgency>>;
  let client: { id: string };
  let contact: { id: string };
  const dir = mkdtempSync(join(tmpdir(), 'poa-pdf-e2e-'));

  beforeAll(async () => {
    owner = await signupAgency(http, 'PDF Agency');
    client = await createClient(http, owner.token, { name: 'Probe Seller Ltd' });
    contact = await createContact(http, owner.token, client.id, 'Priya Proof');
  });

  it('approve, then download: the PDF carries the reference, every section and the proof; probes in the text fetch nothing', async () => {
    const hits: string[] = [];
    const probe: Server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('probe');
    });
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as { port: number }).port;
    const probes = [
      `<img src="http://127.0.0.1:${port}/img">`,
      '<iframe src="file:///etc/passwd">',
      '<img src="http://169.254.169.254/latest/meta-data/">',
      `<a href="http://127.0.0.1:${port}/link">x</a>`,
    ];
    const draft = draftBody(0);
    draft.rootCauses.push({ text: `Probe text ${probes.join(' ')}` });
    try {
      const kase = await caseAwaitingApproval(owner.token, client.id, contact.id, draft);
      const approvedAt = Date.now();
      expectStatus(await kase.approve(), 200);
      const res = await waitForPdf(owner.token, kase.id, 30_000);
      const approvalToDownloadMs = Date.now() - approvedAt;
      process.stdout.write(`approval to downloadable PDF: ${approvalToDownloadMs} ms\n`);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${kase.reference}-v1.pdf"`);
      const etag = res.headers.get('etag')!;
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const notModified = await fetch(`${env.baseUrl}/api/v1/cases/${kase.id}/pdf`, {
        headers: { authorization: `Bearer ${owner.token}`, 'if-none-match': etag },
      });
      expect(notModified.status).toBe(304);

      const file = join(dir, 'approved.pdf');
      writeFileSync(file, bytes);
      const tools = await ensurePdfTools({ log: () => undefined });
      const text = execFileSync(tools.pdftotext, [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain(kase.reference);
      for (const section of [draft.rootCauses[0].text, draft.correctiveActions[0].text, draft.preventiveMeasures[0].text]) {
        expect(text).toContain(section.replace(/\s+/g, ' ').slice(0, 40));
      }
      expect(text).toContain('Priya Proof-Signer');
      expect(text).toContain('http://169.254.169.254/latest/meta-data/');
      expect(text).toContain('file:///etc/passwd');
      const info = execFileSync(tools.pdfinfo, [file], { encoding: 'utf8' });
      expect(info).toMatch(/Pages:\s+[1-9]/);
      expect(info).toMatch(new RegExp(`Title:.*${kase.reference}`));
      expect(hits).toEqual([]);
    } finally {
      probe.close();
    }
  }, 90_000);
});
