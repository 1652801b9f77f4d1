import { samplePoaDocument } from '../../test/sample-poa';
import { DEFAULT_PRIMARY_COLOR } from './branding';
import { cssString } from './header-footer';
import { renderPoaHtml } from './render-poa-html';
import type { PoaDocument } from './types';

const SSRF_IMG = '<img src="http://169.254.169.254/">';

function withSummary(summary: string, overrides: Partial<PoaDocument> = {}): PoaDocument {
  const doc = samplePoaDocument(overrides);
  doc.version.sections.summary = summary;
  return doc;
}

describe('renderPoaHtml', () => {
  it('escapes user text so markup in it is shown as text, never interpreted', () => {
    const doc = withSummary(SSRF_IMG);
    doc.client.name = '<script>alert(1)</script>';
    doc.caseInfo.reference = 'REF"><iframe src="file:///etc/passwd">';
    doc.version.sections.rootCauses = [{ text: '<link rel=stylesheet href="http://127.0.0.1:9/css">' }];
    const out = renderPoaHtml(doc);

    expect(out.html).toContain('&lt;img src=&quot;http://169.254.169.254/&quot;&gt;');
    expect(out.html).not.toContain(SSRF_IMG);
    expect(out.html).not.toMatch(/<script/i);
    expect(out.html).not.toMatch(/<iframe/i);
    expect(out.html).not.toContain('<link rel=stylesheet');
    // The header (a CSS string in a page-margin box) gets the reference with quotes and brackets escaped.
    expect(out.html).toContain(
      '@top-left { content: "Plan of Action \u00b7 REF\\000022\\00003e\\00003ciframe src=\\000022file:///etc/passwd\\000022\\00003e";',
    );
    // The only URLs the markup references are the fake font origin and inline data.
    const urls = [...out.html.matchAll(/(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    expect(urls.every((url) => url.startsWith('https://fonts.poa-desk.invalid/') || url.startsWith('data:image/'))).toBe(true);
  });

  it('puts every section, the case facts and the proof of approval in the document', () => {
    const doc = samplePoaDocument();
    const { html } = renderPoaHtml(doc);
    for (const heading of [
      'Summary',
      'Root cause(s)',
      'Corrective actions taken',
      'Preventive measures',
      'Supporting documents',
      'Proof of approval',
    ]) {
      expect(html).toContain(`<h2>${heading}</h2>`);
    }
    for (const asin of doc.caseInfo.asins) expect(html).toContain(asin);
    expect(html).toContain('A2NW0RTHW1ND77');
    expect(html).toContain('Owner:</b> Head of Purchasing (M. Ortiz)');
    expect(html).toContain('Completed:</b> 22 Feb 2026');
    expect(html).toContain('13 Mar 2026, 16:42:09 UTC');
    expect(html).toContain(doc.approval?.contentSha256);
    expect(html).toContain('203.0.113.24');
  });

  it('omits an empty summary and says when a required section is empty', () => {
    const doc = withSummary('   ');
    doc.version.sections.rootCauses = [];
    const { html } = renderPoaHtml(doc);
    expect(html).not.toContain('<h2>Summary</h2>');
    expect(html).toMatch(/<h2>Root cause\(s\)<\/h2><p class="empty">None recorded\.<\/p>/);
  });

  it('heads root causes and actions with the notice issue they answer, numbering on across issues', () => {
    const doc = samplePoaDocument();
    const [first, second, third] = doc.version.sections.rootCauses;
    doc.version.sections.rootCauses = [
      { ...first!, group: 'Issue 1: Order defect rate' },
      { ...second!, group: 'Issue 1: Order defect rate' },
      { ...third!, group: 'Issue 2: Product authenticity (B0C1KX7Q2M)' },
    ];
    const { html } = renderPoaHtml(doc);
    const rootCauses = /<section class="root-causes">(.*?)<\/section>/s.exec(html)![1];
    expect(rootCauses).toBe(
      '<h2>Root cause(s)</h2>' +
        '<h3 class="issue">Issue 1: Order defect rate</h3><ol class="items">' +
        `<li><div class="text">${first!.text.replaceAll("'", '&#39;')}</div></li><li><div class="text">${second!.text}</div></li></ol>` +
        '<h3 class="issue">Issue 2: Product authenticity (B0C1KX7Q2M)</h3><ol class="items" start="3">' +
        `<li><div class="text">${third!.text.replaceAll('"', '&quot;')}</div></li></ol>`,
    );
    expect(html).not.toMatch(/<section class="corrective-actions">.*<h3/s);
  });

  it('marks a draft with a watermark repeated on every page and DRAFT in the header', () => {
    const draft = renderPoaHtml(samplePoaDocument({ mode: 'draft', approval: null }));
    expect(draft.html).toContain('<div class="watermark" aria-hidden="true">DRAFT</div>');
    expect(draft.html).toMatch(/\.watermark \{ position: fixed;/);
    expect(draft.html).toContain('@top-center { content: "DRAFT";');
    expect(draft.html).toContain('Not yet approved');

    const final = renderPoaHtml(samplePoaDocument());
    expect(final.html).not.toContain('class="watermark"');
    expect(final.html).not.toContain('@top-center');
  });

  it('puts the page number and total in the footer and the reference in header and footer', () => {
    const out = renderPoaHtml(samplePoaDocument());
    expect(out.html).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages);');
    expect(out.html).toContain('@top-left { content: "Plan of Action \u00b7 POA-2026-0142";');
    expect(out.html).toContain('@bottom-left { content: "POA-2026-0142 \u00b7 version 3";');
  });

  it('follows the tenant paper size: Letter or A4', () => {
    const letter = samplePoaDocument();
    letter.tenant.branding.paperSize = 'Letter';
    expect(renderPoaHtml(letter).paperSize).toBe('Letter');
    expect(renderPoaHtml(samplePoaDocument()).paperSize).toBe('A4');
  });

  it('uses a valid brand colour and falls back to the default for an invalid one', () => {
    const valid = renderPoaHtml(samplePoaDocument());
    expect(valid.html).toContain('--brand: #0b6e4f;');

    for (const bad of ['red', '#12345', '#12345g', '#0b6e4f; } body { display:none', '']) {
      const doc = samplePoaDocument();
      doc.tenant.branding.primaryColor = bad;
      const { html } = renderPoaHtml(doc);
      expect(html).toContain(`--brand: ${DEFAULT_PRIMARY_COLOR};`);
      expect(html).not.toContain('display:none');
      expect(html).toContain(`border-bottom: 0.5pt solid ${DEFAULT_PRIMARY_COLOR};`);
    }
  });

  it('accepts the logo only as an inline base64 image', () => {
    const withLogo = renderPoaHtml(samplePoaDocument());
    expect(withLogo.html).toMatch(/<img class="logo" alt="" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+">/);

    const rejected = [
      'https://evil.example/logo.png',
      'http://169.254.169.254/latest/meta-data/',
      'file:///etc/passwd',
      'data:text/html;base64,PHNjcmlwdD4=',
      'data:image/png;base64,AAAA" onerror="x',
      'data:image/png,not-base64',
    ];
    for (const logoDataUri of rejected) {
      const doc = samplePoaDocument();
      doc.tenant.branding.logoDataUri = logoDataUri;
      const { html } = renderPoaHtml(doc);
      expect(html).not.toContain('class="logo"');
      expect(html).not.toContain(logoDataUri);
    }
  });

  it('sets title and author from the case and the agency', () => {
    const out = renderPoaHtml(samplePoaDocument());
    expect(out.title).toBe('Plan of Action POA-2026-0142 - Northwind Home Goods LLC');
    expect(out.author).toBe('Apex Seller Recovery Ltd');
    expect(out.html).toContain('<title>Plan of Action POA-2026-0142 - Northwind Home Goods LLC</title>');
  });

  it('is pure: the same document gives the same output', () => {
    expect(renderPoaHtml(samplePoaDocument())).toEqual(renderPoaHtml(samplePoaDocument()));
  });
});

describe('header and footer (CSS page-margin boxes)', () => {
  const decode = (quoted: string) =>
    quoted.slice(1, -1).replace(/\\([0-9a-f]{6})/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));

  it('quotes any text as one CSS string that round-trips', () => {
    for (const value of [
      'Apex Ltd',
      'a"b\'c\\d',
      '"; } body { display: none } @page { x: "',
      '</style><script>x</script>',
      'line\nbreak\u2028',
      'マーケット 📦 &amp;',
    ]) {
      const quoted = cssString(value);
      // Nothing that could end the string, the rule or the element; every backslash starts a 6-digit escape.
      expect(quoted.slice(1, -1)).not.toMatch(/["'<>&\n\u2028]|\\(?![0-9a-f]{6})/);
      expect(decode(quoted)).toBe(value);
    }
  });

  it('keeps agency names that try to break out of the string inside it', () => {
    const doc = samplePoaDocument({ mode: 'draft' });
    doc.tenant.name = '"; } </style><script>alert(1)</script><style> @page { @top-left { content: "x';
    const { html } = renderPoaHtml(doc);
    expect(html).not.toMatch(/<script/i);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    const style = /<style>([^]*)<\/style>/.exec(html)?.[1] ?? '';
    expect(style).toContain(`@top-right { content: ${cssString(doc.tenant.name)};`);
    // Outside its strings the stylesheet has exactly one @page rule with one rule per margin box.
    const rules = style.replace(/"[^"]*"/g, '""');
    for (const box of ['top-left', 'top-center', 'top-right', 'bottom-left', 'bottom-right']) {
      expect(rules.match(new RegExp(`@${box} \\{`, 'g'))).toHaveLength(1);
    }
    expect(rules.match(/@page \{/g)).toHaveLength(1);
    expect(rules).not.toContain('alert');
    expect(style).toContain('font-size: 7.5pt;');
  });
});
