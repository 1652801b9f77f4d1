import { ensurePdfTools } from '@poa/services';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startTestApi, type TestApi } from '../../apps/api/test/harness';
import { startTestWorker, type TestWorker } from '../../apps/worker/test/test-worker';

export interface PdfWorkerOptions {
  /** Folder under `test-artifacts/` that gets a picture of the first pages of every PDF read. */
  artifacts: string;
  /** How many pages to picture. */
  picturedPages: number;
  /** How long a PDF may take to be rendered, from the first request. */
  renderWithinMs: number;
  workerEnv?: Record<string, string>;
  apiEnv?: Record<string, string>;
}

export interface DownloadedPdf {
  res: Response;
  bytes: Buffer;
}

/**
 * The real worker rendering PDFs and an API beside it (same Redis and files), started before the suite and closed
 * after it. `api` and `worker` are there once the suite's `beforeAll` has run.
 */
export class PdfWorker {
  api!: TestApi;
  worker!: TestWorker;
  private readonly dir: string;

  constructor(private readonly options: PdfWorkerOptions) {
    this.dir = mkdtempSync(join(tmpdir(), `poa-${options.artifacts}-`));
  }

  /** Polls a PDF route until it answers 200 (the first request queues the render). */
  async download(url: string, token: string): Promise<DownloadedPdf> {
    const deadline = Date.now() + this.options.renderWithinMs;
    for (;;) {
      const res = await fetch(this.api.baseUrl + url, { headers: { authorization: `Bearer ${token}` } });
      if (res.status === 200) return { res, bytes: Buffer.from(await res.arrayBuffer()) };
      if (res.status !== 202) throw new Error(`${url}: ${res.status} ${await res.text()}`);
      if (Date.now() > deadline) throw new Error(`${url}: not ready: ${await res.text()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** The PDF's text (white space folded) and its `pdfinfo`, read back with poppler. */
  async textOf(bytes: Buffer, name: string): Promise<{ text: string; info: string }> {
    const tools = await ensurePdfTools({ log: () => undefined });
    const file = join(this.dir, `${name}.pdf`);
    writeFileSync(file, bytes);
    // A picture of the first pages, to look at the document as its reader will.
    const pdftoppm = join(dirname(tools.pdftotext), 'pdftoppm');
    if (existsSync(pdftoppm)) {
      const artifacts = join(__dirname, '../../test-artifacts', this.options.artifacts);
      mkdirSync(artifacts, { recursive: true });
      const lastPage = String(this.options.picturedPages);
      execFileSync(pdftoppm, ['-png', '-r', '70', '-f', '1', '-l', lastPage, file, join(artifacts, name)]);
    }
    return {
      text: execFileSync(tools.pdftotext, [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' '),
      info: execFileSync(tools.pdfinfo, [file], { encoding: 'utf8' }),
    };
  }
}

/** A `PdfWorker` for the enclosing `describe`: started in its `beforeAll`, closed in its `afterAll`. */
export function usePdfWorker(options: PdfWorkerOptions): PdfWorker {
  const pdfs = new PdfWorker(options);
  beforeAll(async () => {
    pdfs.worker = await startTestWorker({ OUTBOX_POLL_MS: '50', ...options.workerEnv });
    pdfs.api = await startTestApi({ REDIS_URL: pdfs.worker.redisUrl, DATA_DIR: pdfs.worker.dataDir, ...options.apiEnv });
  }, 90_000);
  afterAll(async () => {
    await pdfs.api?.close();
    await pdfs.worker?.close();
  });
  return pdfs;
}
