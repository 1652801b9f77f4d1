import { samplePoaDocument } from '../../test/sample-poa';
import { renderDocumentHtml } from '../render-pdf';
import { renderAmazonHtml, renderCertificateHtml } from './render-variants';

describe('the Amazon variant', () => {
  const doc = samplePoaDocument({ variant: 'amazon' });
  const out = renderAmazonHtml(doc);

  it("holds the plan's sections, the ASINs and the seller's name and ID", () => {
    for (const heading of ['Summary', 'Root cause(s)', 'Corrective actions taken', 'Preventive measures', 'Supporting documents']) {
      expect(out.html).toContain(`<h2>${heading}</h2>`);
    }
    for (const asin of doc.caseInfo.asins) expect(out.html).toContain(asin);
    expect(out.html).toContain('<div class="agency-name">Northwind Home Goods LLC</div>');
    expect(out.html).toContain('A2NW0RTHW1ND77');
    expect(out.author).toBe('Northwind Home Goods LLC');
  });

  it('carries nothing of the agency and none of the approval proof or internal keys', () => {
    const text = `${out.html} ${out.title} ${out.author} ${out.subject}`;
    for (const absent of [
      doc.tenant.name,
      'Apex',
      'class="logo"',
      '12 Harbour Street',
      '(product_authenticity)',
      doc.caseInfo.reference,
      'SHA-256',
      doc.approval!.contentSha256,
      doc.approval!.ip!,
      'Proof of approval',
      '#0b6e4f',
    ]) {
      expect(text).not.toContain(absent);
    }
  });

  it("names every issue of the notice it answers, or the case's violation when the case lists none", () => {
    expect(out.html).toContain('<th>Concerning</th><td>Product authenticity (inauthentic complaint)</td>');
    const twoIssues = samplePoaDocument({ variant: 'amazon' });
    twoIssues.caseInfo.issueLabels = ['Order defect rate', 'Product authenticity (inauthentic complaint)'];
    const both = renderAmazonHtml(twoIssues);
    expect(both.html).toContain('<th>Concerning</th><td>Order defect rate; Product authenticity (inauthentic complaint)</td>');
    expect(both.subject).toContain('Order defect rate; Product authenticity');
  });

  it('is marked DRAFT when the version is not approved', () => {
    const draft = renderAmazonHtml(samplePoaDocument({ variant: 'amazon', mode: 'draft', approval: null }));
    expect(draft.html).toContain('<div class="watermark" aria-hidden="true">DRAFT</div>');
    expect(out.html).not.toContain('class="watermark"');
  });
});

describe('the certificate variant', () => {
  it('holds who approved which version, when, the SHA-256 and how it was recorded, and none of the plan', () => {
    const doc = samplePoaDocument({ variant: 'certificate' });
    doc.approval = { ...doc.approval!, recordedByName: null };
    const { html, title } = renderCertificateHtml(doc);
    expect(title).toBe('Certificate of approval POA-2026-0142 v3 - Northwind Home Goods LLC');
    expect(html).toContain(doc.approval!.contentSha256);
    expect(html).toContain(doc.approval!.fullName);
    expect(html).toContain('13 Mar 2026, 16:42:09 UTC');
    expect(html).toContain('Version approved</th><td>3 (saved 12 Mar 2026)');
    expect(html).toContain('in the client portal');
    expect(html).not.toContain('<h2>Root cause(s)</h2>');
    expect(html).not.toContain('Eastline Trading');
  });

  it('says who recorded an approval given outside the portal, with their note', () => {
    const doc = samplePoaDocument({ variant: 'certificate' });
    doc.approval = { ...doc.approval!, recordedByName: 'Maya Reviewer', note: 'Approved by email on 13 March' };
    expect(renderCertificateHtml(doc).html).toContain(
      'recorded by Maya Reviewer on the contact&#39;s behalf. Note: Approved by email on 13 March',
    );
  });

  it('refuses a document without an approval', () => {
    expect(() => renderCertificateHtml(samplePoaDocument({ approval: null }))).toThrow('needs an approval');
  });
});

describe('renderDocumentHtml', () => {
  it('chooses the template of the variant, standard by default', () => {
    expect(renderDocumentHtml(samplePoaDocument()).html).toContain('<h2>Proof of approval</h2>');
    expect(renderDocumentHtml(samplePoaDocument({ variant: 'amazon' })).author).toBe('Northwind Home Goods LLC');
    expect(renderDocumentHtml(samplePoaDocument({ variant: 'certificate' })).html).toContain('<h1>Certificate of approval</h1>');
  });
});
