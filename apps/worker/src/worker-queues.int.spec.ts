import { QUEUES } from '@poa/jobs';
import { readdirSync, readFileSync } from 'node:fs';
import { renderStatus, seedApprovedCase } from '../test/fixtures';
import { startTestWorker, type TestWorker } from '../test/test-worker';

/** Browser processes started by this test process (a renderer's Chromium is its child). */
function chromiumChildren(): number {
  let n = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && /chrom/i.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))) n++;
    } catch {
      /* gone meanwhile */
    }
  }
  return n;
}

/** WORKER_QUEUES: the chart's webhook/e-mail worker takes no PDF job and runs no Chromium (the PDF worker's pod does). */
describe('a worker limited to some queues', () => {
  let testWorker: TestWorker;

  beforeAll(async () => {
    testWorker = await startTestWorker({ WORKER_QUEUES: 'webhook-delivery,email' }, { privateDatabase: true });
  }, 60_000);

  afterAll(() => testWorker?.close());

  it('leaves pdf-render jobs waiting and starts no browser', async () => {
    const seeded = await seedApprovedCase(testWorker.db, { queueRender: false });
    const queue = testWorker.queue(QUEUES.pdfRender);
    const jobId = `render-final-${seeded.versionId}`;
    await queue.add(
      QUEUES.pdfRender,
      { tenantId: seeded.tenantId, caseId: seeded.caseId, draftVersionId: seeded.versionId, kind: 'final' },
      { jobId },
    );
    await new Promise((r) => setTimeout(r, 3000));
    expect(await queue.getJobState(jobId)).toBe('waiting');
    expect((await renderStatus(testWorker.db, seeded.tenantId, seeded.versionId)).status).toBe('queued');
    expect(chromiumChildren()).toBe(0);
  });
});
