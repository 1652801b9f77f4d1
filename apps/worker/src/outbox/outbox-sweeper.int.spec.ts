import type { TenantDb } from '@poa/db';
import { enqueue, QUEUES } from '@poa/jobs';
import { randomUUID } from 'node:crypto';
import { dispatchedRows, isolateSweep, outboxRows, renderStatus, seedApprovedCase, waitFor } from '../../test/fixtures';
import { startTestWorker, type TestWorker } from '../../test/test-worker';
import { WorkerMetrics } from '../observability/worker-metrics';

const TWO_MINUTES = 2 * 60_000;
const TWENTY_FIVE_HOURS = 25 * 3600_000;

describe('outbox sweep: dispatched rows checked against BullMQ on a real Redis and PostgreSQL', () => {
  let testWorker: TestWorker;
  let db: TenantDb;

  const pdfQueue = () => testWorker.queue(QUEUES.pdfRender);
  const jobState = (jobId: string, queue = pdfQueue()) => queue.getJobState(jobId);
  const sweep = () => testWorker.sweeper.sweepOnce();

  /** An email outbox row for the tenant (as the API writes one), sent no earlier than `notBefore`; returns its job id. */
  const addEmailRow = (tenantId: string, notBefore: Date) =>
    db.transaction(
      (tx) =>
        enqueue(tx, {
          queue: QUEUES.email,
          payload: { tenantId, to: 'clara@example.test', subject: 'Reminder', text: 'Please review', notBefore: notBefore.toISOString() },
          occasion: { kind: 'reminder' },
        }),
      { tenantId },
    );

  beforeAll(async () => {
    // Its own database: these tests stop and wipe their Redis and re-queue outbox rows (see startTestWorker).
    testWorker = await startTestWorker({}, { privateDatabase: true });
    db = testWorker.db;
  }, 60_000);

  afterAll(() => testWorker?.close());

  afterEach(async () => {
    // A failed test must not leave a queue paused for the next one.
    await pdfQueue().resume();
    await testWorker.queue(QUEUES.email).resume();
  });

  it('hands a job removed from Redis after relaying back to the relay, once it is a minute old; it then runs once', async () => {
    await pdfQueue().pause();
    const seeded = await seedApprovedCase(db);
    const [row] = await dispatchedRows(db, seeded.tenantId);
    expect(await jobState(row.job_id)).toBe('waiting');
    expect(await pdfQueue().remove(row.job_id)).toBe(1);
    expect(await jobState(row.job_id)).toBe('unknown');

    // Just dispatched: not judged yet (the relay's add and its commit are never told apart).
    await isolateSweep(db, [seeded.tenantId]);
    expect(await sweep()).toEqual({ checked: 0, done: 0, requeued: 0, expired: 0 });
    expect((await outboxRows(db, seeded.tenantId))[0].dispatched_at).toEqual(row.dispatched_at);

    const requeuedBefore = await testWorker.worker.get(WorkerMetrics).value('poa_outbox_requeued_total');
    await isolateSweep(db, [seeded.tenantId], TWO_MINUTES);
    expect(await sweep()).toEqual({ checked: 1, done: 0, requeued: 1, expired: 0 });
    expect(await testWorker.worker.get(WorkerMetrics).value('poa_outbox_requeued_total')).toBe(requeuedBefore + 1);
    // The relay queues the same job id again (the queue is still paused, so it waits there).
    await waitFor(
      async () => (await outboxRows(db, seeded.tenantId))[0].dispatched_at! > row.dispatched_at!,
      10_000,
      'the relay to dispatch the row again',
    );
    expect(await jobState(row.job_id)).toBe('waiting');

    await pdfQueue().resume();
    await waitFor(async () => (await renderStatus(db, seeded.tenantId, seeded.versionId))?.status === 'ready', 30_000, 'the PDF');
    await waitFor(async () => (await jobState(row.job_id)) === 'completed', 10_000, 'the job to complete');
    expect((await renderStatus(db, seeded.tenantId, seeded.versionId)).attempts).toBe(1);

    // Completed: the next sweep closes the row.
    await isolateSweep(db, [seeded.tenantId], TWO_MINUTES);
    expect(await sweep()).toEqual({ checked: 1, done: 1, requeued: 0, expired: 0 });
    expect((await outboxRows(db, seeded.tenantId))[0].done_at).not.toBeNull();
  }, 60_000);

  it('marks the rows of completed and failed jobs done and never queues them again, even once Redis forgets the job', async () => {
    const seeded = await seedApprovedCase(db);
    // A render of a version without a pdf_renders row fails for good (UnrecoverableError).
    const failing = { tenantId: seeded.tenantId, caseId: seeded.caseId, draftVersionId: randomUUID(), kind: 'final' } as const;
    await db.transaction((tx) => enqueue(tx, { queue: QUEUES.pdfRender, payload: failing }), { tenantId: seeded.tenantId });
    await waitFor(async () => (await renderStatus(db, seeded.tenantId, seeded.versionId))?.status === 'ready', 30_000, 'the PDF');
    const [row, failedRow] = await dispatchedRows(db, seeded.tenantId);
    await waitFor(async () => (await jobState(row.job_id)) === 'completed', 10_000, 'the job to complete');
    await waitFor(async () => (await jobState(failedRow.job_id)) === 'failed', 10_000, 'the other job to fail');

    await isolateSweep(db, [seeded.tenantId], TWO_MINUTES);
    expect(await sweep()).toEqual({ checked: 2, done: 2, requeued: 0, expired: 0 });
    const [done, failedDone] = await outboxRows(db, seeded.tenantId);
    expect(done.done_at).not.toBeNull();
    expect(done.dispatched_at).not.toBeNull();
    expect(failedDone.done_at).not.toBeNull();

    await pdfQueue().remove(row.job_id);
    await isolateSweep(db, [seeded.tenantId]);
    expect(await sweep()).toEqual({ checked: 0, done: 0, requeued: 0, expired: 0 });
    await new Promise((r) => setTimeout(r, 500));
    expect(await jobState(row.job_id)).toBe('unknown');
    expect((await outboxRows(db, seeded.tenantId))[0]).toMatchObject({ done_at: done.done_at, dispatched_at: done.dispatched_at });
    expect((await renderStatus(db, seeded.tenantId, seeded.versionId)).attempts).toBe(1);
  }, 60_000);

  it('leaves jobs that are still waiting or delayed alone', async () => {
    await pdfQueue().pause();
    const seeded = await seedApprovedCase(db);
    const emailQueue = testWorker.queue(QUEUES.email);
    // A reminder for in an hour: the email processor parks it in BullMQ's delayed set.
    const reminder = await addEmailRow(seeded.tenantId, new Date(Date.now() + 3600_000));
    const rows = await dispatchedRows(db, seeded.tenantId);
    expect(rows).toHaveLength(2);
    expect(await jobState(rows[0].job_id)).toBe('waiting');
    await waitFor(async () => (await jobState(reminder, emailQueue)) === 'delayed', 10_000, 'the reminder to be delayed');

    await isolateSweep(db, [seeded.tenantId], TWO_MINUTES);
    expect(await sweep()).toEqual({ checked: 2, done: 0, requeued: 0, expired: 0 });
    const after = await outboxRows(db, seeded.tenantId);
    expect(after.map((r) => r.done_at)).toEqual([null, null]);
    expect(after.map((r) => r.dispatched_at)).toEqual(rows.map((r) => new Date(r.dispatched_at!.getTime() - TWO_MINUTES)));
    expect(await jobState(rows[0].job_id)).toBe('waiting');
    expect(await jobState(reminder, emailQueue)).toBe('delayed');
    await emailQueue.remove(reminder);
  }, 60_000);

  it('gives up on a missing job dispatched longer ago than completed jobs are kept, but not on a reminder that was due only lately', async () => {
    await pdfQueue().pause();
    const emailQueue = testWorker.queue(QUEUES.email);
    await emailQueue.pause();
    const seeded = await seedApprovedCase(db);
    // A reminder that was due two hours ago: it could not have finished (and been removed) a day ago. Its job is lost
    // before it ran (a sent email's row is marked done by the email processor and never swept).
    await addEmailRow(seeded.tenantId, new Date(Date.now() - 2 * 3600_000));
    const [pdfRow, emailRow] = await dispatchedRows(db, seeded.tenantId);
    expect(await pdfQueue().remove(pdfRow.job_id)).toBe(1);
    expect(await emailQueue.remove(emailRow.job_id)).toBe(1);

    const expiredBefore = await testWorker.worker.get(WorkerMetrics).value('poa_outbox_expired_total');
    await isolateSweep(db, [seeded.tenantId], TWENTY_FIVE_HOURS);
    expect(await sweep()).toEqual({ checked: 2, done: 0, requeued: 1, expired: 1 });
    expect(await testWorker.worker.get(WorkerMetrics).value('poa_outbox_expired_total')).toBe(expiredBefore + 1);
    const [pdfAfter] = await outboxRows(db, seeded.tenantId);
    expect(pdfAfter.done_at).not.toBeNull();
    await emailQueue.resume();
    await waitFor(
      async () => (await jobState(emailRow.job_id, emailQueue)) === 'completed',
      10_000,
      'the reminder to be queued again and sent',
    );

    // Not re-sent: with the queue running again, the PDF stays queued.
    await pdfQueue().resume();
    await new Promise((r) => setTimeout(r, 1000));
    expect(await jobState(pdfRow.job_id)).toBe('unknown');
    expect((await renderStatus(db, seeded.tenantId, seeded.versionId)).status).toBe('queued');
  }, 60_000);

  it('changes nothing while Redis is down; once Redis is back, empty, it re-queues the lost job, which finds its work done', async () => {
    const seeded = await seedApprovedCase(db);
    await waitFor(async () => (await renderStatus(db, seeded.tenantId, seeded.versionId))?.status === 'ready', 30_000, 'the PDF');
    const [row] = await outboxRows(db, seeded.tenantId);
    await waitFor(async () => (await jobState(row.job_id)) === 'completed', 10_000, 'the job to complete');

    await testWorker.stopRedis();
    try {
      await isolateSweep(db, [seeded.tenantId], TWO_MINUTES);
      const [before] = await outboxRows(db, seeded.tenantId);
      await expect(sweep()).rejects.toThrow(/Redis is not reachable/);
      expect((await outboxRows(db, seeded.tenantId))[0]).toEqual(before);
    } finally {
      await testWorker.startRedis();
    }

    // Redis restarted without the completed job: the sweep cannot tell it ran, so it runs again and renders nothing new.
    const swept = await waitFor(() => sweep().catch(() => null), 10_000, 'a sweep with Redis back');
    expect(swept).toEqual({ checked: 1, done: 0, requeued: 1, expired: 0 });
    await waitFor(async () => (await jobState(row.job_id)) === 'completed', 10_000, 'the re-queued job to complete');
    expect((await renderStatus(db, seeded.tenantId, seeded.versionId)).attempts).toBe(1);
  }, 60_000);
});
