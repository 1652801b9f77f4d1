import { ensurePdfTools } from '@poa/services';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { signupAgency, startTestApi, type TestApi } from '../../apps/api/test/harness';
import { createCase, draftBody, expectStatus, transition } from '../../apps/api/src/cases/case-test-helpers';
import { clientWithPortalSession } from '../../apps/api/src/portal/portal-test-helpers';
import { startTestWorker, type TestWorker } from '../../apps/worker/test/test-worker';

const ARTIFACTS = join(__dirname, '../../test-artifacts/pdf-variants');
const APPROVER_IP = '203.0.113.77';

/** The PDF for Amazon and the approval certificate, rendered by the real worker and read back with pdftotext. */
describe('PDF variants: the copy for Amazon and the approval certificate', () => {
  let api: TestApi;
  let testWorker: TestWorker;
  const dir = mkdtempSync(join(tmpdir(), 'poa-variants-'));

  beforeAll(async () => {
    testWorker = await startTestWorker({ OUTBOX_POLL_MS: '50' });
    // Behind a trusted proxy, so the approval records the address the test chooses.
    api = await startTestApi({ REDIS_URL: testWorker.redisUrl, DATA_DIR: testWorker.dataDir, TRUST_PROXY: 'loopback' });
  }, 90_000);
  afterAll(async () => {
    await api?.close();
    await testWorker?.close();
  });

  /** Polls a PDF route until it answers 200 (the first request queues the render). */
  async function download(url: string, token: string) {
    const deadline = Date.now() + 45_000;
    for (;;) {
      const res = await fetch(api.baseUrl + url, { headers: { authorization: `Bearer ${token}` } });
      if (res.status === 200) return { res, bytes: Buffer.from(await res.arrayBuffer()) };
      if (res.status !== 202) throw new Error(`${url}: ${res.status} ${await res.text()}`);
      if (Date.now() > deadline) throw new Error(`${url}: not ready: ${await res.text()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function textOf(bytes: Buffer, name: string) {
    const tools = await ensurePdfTools({ log: () => undefined });
    const file = join(dir, `${name}.pdf`);
    writeFileSync(file, bytes);
    // A picture of the first page, to look at the document as its reader will.
    const pdftoppm = join(dirname(tools.pdftotext), 'pdftoppm');
    if (existsSync(pdftoppm)) {
      mkdirSync(ARTIFACTS, { recursive: true });
      execFileSync(pdftoppm, ['-png', '-r', '70', '-f', '1', '-l', '2', file, join(ARTIFACTS, name)]);
    }
    return {
      text: execFileSync(tools.pdftotext, [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' '),
      info: execFileSync(tools.pdfinfo, [file], { encoding: 'utf8' }),
    };
  }

  it("renders the plan in the seller's name without the agency or the proof, and the proof alone as a certificate", async () => {
    const owner = await signupAgency(api.http, 'Apex Seller Recovery Ltd');
    expectStatus(
      await api.http.patch(
        '/api/v1/tenant',
        { letterhead: '12 Harbour Street, Bristol\nappeals@apex.example', primaryColor: '#0b6e4f' },
        owner.token,
      ),
      200,
    );
    const x = await clientWithPortalSession(api.http, owner.token, 'Northwind Home Goods LLC');
    const kase = await createCase(api.http, owner.token, x.client.id, {
      asins: ['B0C1KX7Q2M', 'B0D2LM3N8P'],
      violationType: 'product_authenticity',
    });
    expectStatus(await transition(api.http, owner.token, kase.id, { action: 'start_drafting' }), 200);
    const draft = {
      ...draftBody(
        0,
        'Between 2 and 20 February three buyers reported that our pans (B0C1KX7Q2M) and lids (B0D2LM3N8P) were not authentic.',
      ),
      rootCauses: [{ text: 'We bought batch NW-2401 of B0C1KX7Q2M from Eastline Trading, which is not an authorised distributor.' }],
    };
    expectStatus(await api.http.post(`/api/v1/cases/${kase.id}/drafts`, draft, owner.token), 201);
    for (const action of ['submit_for_review', 'approve_internal'])
      expectStatus(await transition(api.http, owner.token, kase.id, { action }), 200);
    expectStatus(
      await api.http.post(`/api/v1/portal/cases/${kase.id}/approve`, { version: 1, fullName: 'Dana Whitfield' }, x.portalToken, {
        'x-forwarded-for': APPROVER_IP,
      }),
      200,
    );
    const approval = (await api.http.get(`/api/v1/cases/${kase.id}`, owner.token)).body.approval;
    expect(approval.ip).toBe(APPROVER_IP);

    // The copy for Amazon.
    const amazon = await download(`/api/v1/cases/${kase.id}/pdf?variant=amazon`, owner.token);
    expect(amazon.res.headers.get('content-disposition')).toBe(`attachment; filename="${kase.reference}-v1-amazon.pdf"`);
    const forAmazon = await textOf(amazon.bytes, 'amazon');
    for (const expected of [
      'Plan of Action',
      'Northwind Home Goods LLC',
      'A1SELLER',
      'Root cause(s)',
      'Corrective actions taken',
      'Preventive measures',
      'Summary',
      'B0C1KX7Q2M',
      'B0D2LM3N8P',
      'Eastline Trading',
      'Product authenticity',
    ])
      expect([expected, forAmazon.text.includes(expected)]).toEqual([expected, true]);
    for (const absent of [
      'Apex',
      'Harbour Street',
      'SHA-256',
      approval.contentSha256,
      APPROVER_IP,
      'Dana Whitfield',
      '(product_authenticity)',
      'product_authenticity',
      kase.reference,
      'Proof of approval',
      'DRAFT',
    ])
      expect([absent, forAmazon.text.includes(absent)]).toEqual([absent, false]);
    expect(forAmazon.info).toMatch(/Author:\s+Northwind Home Goods LLC/);
    expect(forAmazon.info).not.toMatch(/Apex/);

    // The same artifact from the version's route and the portal.
    const viaVersion = await download(`/api/v1/cases/${kase.id}/drafts/1/pdf?variant=amazon`, owner.token);
    expect(viaVersion.res.headers.get('etag')).toBe(amazon.res.headers.get('etag'));
    const viaPortal = await download(`/api/v1/portal/cases/${kase.id}/pdf?variant=amazon`, x.portalToken);
    expect(viaPortal.res.headers.get('etag')).toBe(amazon.res.headers.get('etag'));
    const viaPortalVersion = await download(`/api/v1/portal/cases/${kase.id}/versions/1/pdf?variant=amazon`, x.portalToken);
    expect(viaPortalVersion.res.headers.get('content-disposition')).toBe(`attachment; filename="${kase.reference}-v1-amazon.pdf"`);

    // The certificate.
    const certificate = await download(`/api/v1/cases/${kase.id}/pdf?variant=certificate`, owner.token);
    expect(certificate.res.headers.get('content-disposition')).toBe(`attachment; filename="${kase.reference}-v1-certificate.pdf"`);
    const cert = await textOf(certificate.bytes, 'certificate');
    for (const expected of [
      'Certificate of approval',
      approval.contentSha256,
      'Dana Whitfield',
      APPROVER_IP,
      kase.reference,
      'Apex Seller Recovery Ltd',
      'Northwind Home Goods LLC',
      'client portal',
      'Version approved 1',
    ])
      expect([expected, cert.text.includes(expected)]).toEqual([expected, true]);
    expect(cert.text).not.toContain('Eastline Trading');
    const portalCertificate = await download(`/api/v1/portal/cases/${kase.id}/pdf?variant=certificate`, x.portalToken);
    expect(portalCertificate.res.headers.get('etag')).toBe(certificate.res.headers.get('etag'));

    // Without a variant the answer is what it always was: the agency's document with the proof.
    const standard = await download(`/api/v1/cases/${kase.id}/pdf`, owner.token);
    expect(standard.res.headers.get('content-disposition')).toBe(`attachment; filename="${kase.reference}-v1.pdf"`);
    const agencyCopy = await textOf(standard.bytes, 'standard');
    for (const expected of ['Apex Seller Recovery Ltd', 'Proof of approval', approval.contentSha256, '(product_authenticity)'])
      expect(agencyCopy.text).toContain(expected);
  }, 150_000);
});
