import { signupAgency } from '../../apps/api/test/harness';
import { createCase, draftBody, expectStatus, transition } from '../../apps/api/src/cases/case-test-helpers';
import { clientWithPortalSession } from '../../apps/api/src/portal/portal-test-helpers';
import { usePdfWorker } from './pdf-worker-fixture';

const APPROVER_IP = '203.0.113.77';

/** The PDF for Amazon and the approval certificate, rendered by the real worker and read back with pdftotext. */
describe('PDF variants: the copy for Amazon and the approval certificate', () => {
  const pdfs = usePdfWorker({
    artifacts: 'pdf-variants',
    picturedPages: 2,
    renderWithinMs: 45_000,
    // Behind a trusted proxy, so the approval records the address the test chooses.
    apiEnv: { TRUST_PROXY: 'loopback' },
  });

  it("renders the plan in the seller's name without the agency or the proof, and the proof alone as a certificate", async () => {
    const { api } = pdfs;
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
      issues: [
        { violationType: 'product_authenticity', asins: ['B0C1KX7Q2M', 'B0D2LM3N8P'], orderIds: [] },
        { violationType: 'order_defect_rate', asins: [], orderIds: ['112-4839201-5531844'] },
      ],
    });
    const [authenticity, defects] = (await api.http.get(`/api/v1/cases/${kase.id}`, owner.token)).body.issues as { id: string }[];
    expectStatus(await transition(api.http, owner.token, kase.id, { action: 'start_drafting' }), 200);
    const draft = {
      ...draftBody(
        0,
        'Between 2 and 20 February three buyers reported that our pans (B0C1KX7Q2M) and lids (B0D2LM3N8P) were not authentic.',
      ),
      rootCauses: [
        {
          text: 'We bought batch NW-2401 of B0C1KX7Q2M from Eastline Trading, which is not an authorised distributor.',
          issueId: authenticity!.id,
        },
        { text: 'Buyer messages about fakes waited four days in a general queue before anyone answered them.', issueId: defects!.id },
      ],
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
    const amazon = await pdfs.download(`/api/v1/cases/${kase.id}/pdf?variant=amazon`, owner.token);
    expect(amazon.res.headers.get('content-disposition')).toBe(`attachment; filename="${kase.reference}-v1-amazon.pdf"`);
    const forAmazon = await pdfs.textOf(amazon.bytes, 'amazon');
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
      'Concerning Product authenticity; Order defect rate',
      'Issue 1: Product authenticity (B0C1KX7Q2M, B0D2LM3N8P)',
      'Issue 2: Order defect rate',
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
    const viaVersion = await pdfs.download(`/api/v1/cases/${kase.id}/drafts/1/pdf?variant=amazon`, owner.token);
    expect(viaVersion.res.headers.get('etag')).toBe(amazon.res.headers.get('etag'));
    const viaPortal = await pdfs.download(`/api/v1/portal/cases/${kase.id}/pdf?variant=amazon`, x.portalToken);
    expect(viaPortal.res.headers.get('etag')).toBe(amazon.res.headers.get('etag'));
    const viaPortalVersion = await pdfs.download(`/api/v1/portal/cases/${kase.id}/versions/1/pdf?variant=amazon`, x.portalToken);
    expect(viaPortalVersion.res.headers.get('content-disposition')).toBe(`attachment; filename="${kase.reference}-v1-amazon.pdf"`);

    // The certificate.
    const certificate = await pdfs.download(`/api/v1/cases/${kase.id}/pdf?variant=certificate`, owner.token);
    expect(certificate.res.headers.get('content-disposition')).toBe(`attachment; filename="${kase.reference}-v1-certificate.pdf"`);
    const cert = await pdfs.textOf(certificate.bytes, 'certificate');
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
    const portalCertificate = await pdfs.download(`/api/v1/portal/cases/${kase.id}/pdf?variant=certificate`, x.portalToken);
    expect(portalCertificate.res.headers.get('etag')).toBe(certificate.res.headers.get('etag'));

    // Without a variant the answer is what it always was: the agency's document with the proof.
    const standard = await pdfs.download(`/api/v1/cases/${kase.id}/pdf`, owner.token);
    expect(standard.res.headers.get('content-disposition')).toBe(`attachment; filename="${kase.reference}-v1.pdf"`);
    const agencyCopy = await pdfs.textOf(standard.bytes, 'standard');
    for (const expected of ['Apex Seller Recovery Ltd', 'Proof of approval', approval.contentSha256, '(product_authenticity)'])
      expect(agencyCopy.text).toContain(expected);
  }, 150_000);
});
