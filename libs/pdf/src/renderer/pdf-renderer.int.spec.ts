import { ensurePdfBrowser } from '@poa/services';
import { renderPdf } from '../render-pdf';
import { renderPoaHtml } from '../template/render-poa-html';
import { inspectPdf, isProcessAlive, processGroupMembers, squash, waitUntil } from '../../test/pdf-inspect';
import { startProbeServer, type ProbeServer } from '../../test/probe-server';
import { samplePoaDocument } from '../../test/sample-poa';
import { PdfRenderTimeoutError } from './errors';
import { PdfRenderer, type PdfRendererLog } from './pdf-renderer';

let executablePath: string;

beforeAll(async () => {
  // The browser production renders with (chromium-headless-shell where it can be installed).
  executablePath = await ensurePdfBrowser({ log: () => undefined });
});

describe('PdfRenderer with a long-lived Chromium', () => {
  let renderer: PdfRenderer;
  const blocked: string[] = [];
  const log: PdfRendererLog = (_level, message, meta) => {
    if (message === 'pdf page request blocked') blocked.push(String(meta?.url));
  };

  beforeAll(async () => {
    renderer = new PdfRenderer({ executablePath, log });
    await renderer.start();
  });

  afterAll(() => renderer.close());

  it('renders a realistic POA: every section, the proof of approval, page count and metadata', async () => {
    const doc = samplePoaDocument();
    const result = await renderPdf(renderer, doc);
    const pdf = await inspectPdf(result.pdf);

    expect(result.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(result.pageCount).toBeGreaterThanOrEqual(2);
    expect(result.pageCount).toBeLessThanOrEqual(3);
    expect(Number(pdf.info.Pages)).toBe(result.pageCount);
    expect(pdf.info.Title).toBe('Plan of Action POA-2026-0142 - Northwind Home Goods LLC');
    expect(pdf.info.Author).toBe('Apex Seller Recovery Ltd');
    expect(pdf.info.Creator).toBe('POA Desk');
    // Tagged (a structure tree for screen readers), and still so after the incremental metadata update.
    expect(pdf.info.Tagged).toBe('yes');
    expect(pdf.info.Subject).toContain('Plan of Action');
    expect(pdf.info['Page size']).toContain('(A4)');
    expect(result.renderMs).toBeGreaterThan(0);

    const text = squash(pdf.text);
    const sections = doc.version.sections;
    const expected = [
      doc.caseInfo.reference,
      doc.client.name,
      doc.client.sellerId ?? '',
      doc.caseInfo.marketplace,
      doc.caseInfo.violationLabel,
      ...doc.caseInfo.asins,
      'Rootcause(s)',
      'Correctiveactionstaken',
      'Preventivemeasures',
      'Supportingdocuments',
      'Proofofapproval',
      sections.summary.slice(0, 60),
      ...sections.rootCauses.map((c) => c.text.slice(0, 60)),
      ...sections.correctiveActions.map((a) => a.text.slice(0, 60)),
      ...sections.preventiveMeasures.flatMap((m) => [m.text.slice(0, 60), m.owner, m.frequency]),
      ...sections.supportingDocuments.map((d) => d.description.slice(0, 60)),
      'Completed:22Feb2026',
      'Startdate:1Mar2026',
      doc.approval?.fullName ?? '',
      doc.approval?.contactEmail ?? '',
      '13Mar2026,16:42:09UTC',
      doc.approval?.ip ?? '',
      doc.approval?.contentSha256 ?? '',
      'Safari/605.1.15',
    ];
    for (const snippet of expected) expect(text).toContain(squash(snippet));
    pdf.pageTexts.forEach((pageText, index) => {
      expect(squash(pageText)).toContain(`Page${index + 1}of${result.pageCount}`);
      expect(pageText).toContain('POA-2026-0142');
    });
    expect(squash(pdf.text)).not.toContain('DRAFT');
  });

  it('prints on Letter paper when the tenant asks for it', async () => {
    const doc = samplePoaDocument();
    doc.tenant.branding.paperSize = 'Letter';
    const pdf = await inspectPdf((await renderPdf(renderer, doc)).pdf);
    expect(pdf.info['Page size']).toContain('612 x 792');
  });

  it('stamps DRAFT on every page of a draft (watermark and header)', async () => {
    const result = await renderPdf(renderer, samplePoaDocument({ mode: 'draft', approval: null }));
    const pdf = await inspectPdf(result.pdf);
    expect(result.pageCount).toBeGreaterThanOrEqual(2);
    for (const pageText of pdf.pageTexts) {
      expect(pageText.match(/DRAFT/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    }
  });

  it('renders Japanese and Chinese text and emoji with the bundled Noto fonts', async () => {
    const doc = samplePoaDocument();
    doc.caseInfo.title = 'マーケットプレイス の出品停止について';
    doc.version.sections.summary = '我们已经更换了供应商。 Emoji check: 📦✅';
    const pdf = await inspectPdf((await renderPdf(renderer, doc)).pdf);
    expect(pdf.text).toContain('マーケットプレイス');
    expect(pdf.text).toContain('我们已经更换了供应商');
    expect(pdf.text).toContain('📦');
    expect(pdf.fonts).toMatch(/NotoSansJP/);
    expect(pdf.fonts).toMatch(/NotoSansSC/);
    expect(pdf.fonts).toMatch(/NotoColorEmoji/);
  });

  it('loads no CJK font file for a document without CJK text', async () => {
    const pdf = await inspectPdf((await renderPdf(renderer, samplePoaDocument())).pdf);
    expect(pdf.fonts).toMatch(/NotoSans-Regular/);
    expect(pdf.fonts).not.toMatch(/NotoSansJP|NotoSansSC/);
  });

  it('renders concurrent jobs safely', async () => {
    const docs = ['A', 'B', 'C', 'D'].map((suffix) => {
      const doc = samplePoaDocument();
      doc.caseInfo.reference = `POA-CONC-${suffix}`;
      return doc;
    });
    const results = await Promise.all(docs.map((doc) => renderPdf(renderer, doc)));
    for (const [index, result] of results.entries()) {
      const pdf = await inspectPdf(result.pdf);
      expect(pdf.text).toContain(docs[index].caseInfo.reference);
    }
  });

  describe('SSRF: the page fetches nothing', () => {
    let probe: ProbeServer;

    beforeAll(async () => {
      probe = await startProbeServer();
    });

    afterAll(() => probe.close());

    beforeEach(() => {
      probe.requests.length = 0;
      blocked.length = 0;
    });

    it('the probe server does count requests (control)', async () => {
      await fetch(`http://127.0.0.1:${probe.port}/control`);
      expect(probe.requests).toEqual(['GET /control']);
    });

    it('user text with tags is printed literally and triggers no request', async () => {
      const payloads = [
        `<img src="http://127.0.0.1:${probe.port}/img">`,
        '<iframe src="file:///etc/passwd">',
        '<img src="http://169.254.169.254/latest/meta-data/">',
        `<link rel=stylesheet href="http://127.0.0.1:${probe.port}/css">`,
      ];
      const doc = samplePoaDocument({ mode: 'draft', approval: null });
      doc.version.sections.summary = payloads.join('\n');
      doc.version.sections.rootCauses = payloads.map((text) => ({ text }));
      doc.caseInfo.title = payloads[0];
      doc.tenant.branding.logoDataUri = `http://127.0.0.1:${probe.port}/logo.png`;

      const pdf = await inspectPdf((await renderPdf(renderer, doc)).pdf);

      expect(probe.requests).toEqual([]);
      for (const payload of payloads) expect(squash(pdf.text)).toContain(squash(payload));
      expect(pdf.text).not.toContain('root:x:0:0');
    });

    it('even raw markup that bypasses the template cannot reach the network or the disk', async () => {
      const input = renderPoaHtml(samplePoaDocument());
      const html = input.html.replace(
        '<body class="final">',
        '<body class="final">' +
          `<img src="http://127.0.0.1:${probe.port}/raw-img">` +
          `<link rel="stylesheet" href="http://127.0.0.1:${probe.port}/raw-css">` +
          '<iframe src="file:///etc/passwd"></iframe>' +
          `<iframe src="http://127.0.0.1:${probe.port}/raw-frame"></iframe>` +
          '<img src="http://169.254.169.254/latest/meta-data/">' +
          `<script>fetch("http://127.0.0.1:${probe.port}/raw-script")</script>`,
      );
      const pdf = await inspectPdf((await renderer.render({ ...input, html })).pdf);

      expect(probe.requests).toEqual([]);
      expect(pdf.text).not.toContain('root:x:0:0');
      // The request guard saw and aborted them (not merely the dead proxy behind it). Chromium
      // refuses the file: frame itself (a local resource from a non-file page) before any request.
      expect(blocked).toEqual(
        expect.arrayContaining([
          `http://127.0.0.1:${probe.port}/raw-img`,
          `http://127.0.0.1:${probe.port}/raw-css`,
          `http://127.0.0.1:${probe.port}/raw-frame`,
          'http://169.254.169.254/latest/meta-data/',
        ]),
      );
      expect(blocked.some((url) => url.includes('raw-script'))).toBe(false);
    });
  });
});

describe('PdfRenderer resilience', () => {
  it('relaunches Chromium after it is killed between renders', async () => {
    const renderer = new PdfRenderer({ executablePath });
    try {
      await renderPdf(renderer, samplePoaDocument());
      const firstPid = (await renderer.browserPid()) as number;
      process.kill(firstPid, 'SIGKILL');
      expect(await waitUntil(() => !isProcessAlive(firstPid))).toBe(true);

      const result = await renderPdf(renderer, samplePoaDocument());
      expect((await inspectPdf(result.pdf)).text).toContain('POA-2026-0142');
      expect(await renderer.browserPid()).not.toBe(firstPid);
    } finally {
      await renderer.close();
    }
  });

  it('kills a hung browser when a render times out, and the next render succeeds', async () => {
    const renderer = new PdfRenderer({ executablePath, renderTimeoutMs: 8_000 });
    try {
      await renderer.start();
      const hungPid = (await renderer.browserPid()) as number;
      process.kill(hungPid, 'SIGSTOP');

      const started = Date.now();
      await expect(renderPdf(renderer, samplePoaDocument())).rejects.toBeInstanceOf(PdfRenderTimeoutError);
      expect(Date.now() - started).toBeLessThan(12_000);
      expect(await waitUntil(async () => (await processGroupMembers(hungPid)).length === 0)).toBe(true);

      const result = await renderPdf(renderer, samplePoaDocument());
      expect(result.pageCount).toBeGreaterThanOrEqual(2);
      expect(await renderer.browserPid()).not.toBe(hungPid);
    } finally {
      await renderer.close();
    }
  });

  it('recycles the browser after recycleAfter jobs without failing jobs in flight', async () => {
    const renderer = new PdfRenderer({ executablePath, recycleAfter: 2 });
    try {
      const pids = new Set<number>();
      for (let round = 0; round < 3; round++) {
        pids.add((await renderer.browserPid()) as number);
        const results = await Promise.all([renderPdf(renderer, samplePoaDocument()), renderPdf(renderer, samplePoaDocument())]);
        expect(results.every((r) => r.pageCount >= 2)).toBe(true);
      }
      expect(pids.size).toBe(3);
      const retired = [...pids].slice(0, 2);
      expect(await waitUntil(async () => (await Promise.all(retired.map(processGroupMembers))).every((m) => m.length === 0))).toBe(true);
    } finally {
      await renderer.close();
    }
  });

  it('leaves no Chromium process behind after close()', async () => {
    const renderer = new PdfRenderer({ executablePath });
    await renderPdf(renderer, samplePoaDocument());
    const pid = (await renderer.browserPid()) as number;
    expect((await processGroupMembers(pid)).length).toBeGreaterThan(1);

    await renderer.close();

    expect(isProcessAlive(pid)).toBe(false);
    expect(await processGroupMembers(pid)).toEqual([]);
    await expect(renderPdf(renderer, samplePoaDocument())).rejects.toThrow('closed');
  });
});
