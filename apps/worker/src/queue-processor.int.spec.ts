import { sql, type TenantDb } from '@poa/db';
import { QUEUES, tenantMailDir, type QueueName } from '@poa/jobs';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { renderStatus, seedApprovedCase, waitFor } from '../test/fixtures';
import { startTestWorker, type TestWorker } from '../test/test-worker';

/**
 * A job whose payload does not match its queue's schema fails at once, with the schema's complaint, and the worker
 * applies none of it: each payload below points at real rows that a processor trusting it would change.
 */
describe('queue processors: malformed jobs fail clearly and change nothing', () => {
  let testWorker: TestWorker;
  let db: TenantDb;
  let seeded: Awaited<ReturnType<typeof seedApprovedCase>>;

  beforeAll(async () => {
    testWorker = await startTestWorker();
    db = testWorker.db;
    // No outbox message: the render stays queued, so only the malformed job below could touch it.
    seeded = await seedApprovedCase(db, { queueRender: false });
  }, 60_000);

  afterAll(() => testWorker?.close());

  /** Adds a job straight to the queue (retries allowed) and waits until BullMQ is done with it. */
  async function runJob(queue: QueueName, data: Record<string, unknown>) {
    const jobId = `malformed-${queue}-${randomUUID()}`;
    await testWorker.queue(queue).add(queue, data, { jobId, attempts: 3, backoff: { type: 'fixed', delay: 100 } });
    const state = await waitFor(
      async () => {
        const s = await testWorker.queue(queue).getJobState(jobId);
        return s === 'failed' || s === 'completed' ? s : null;
      },
      // The first job waits for the processor to start (the PDF one launches Chromium first): slow on a busy machine.
      45_000,
      `the ${queue} job to finish`,
    );
    const job = (await testWorker.queue(queue).getJob(jobId))!;
    return { jobId, state, failedReason: job.failedReason, attemptsMade: job.attemptsMade };
  }

  /** Failed for good on its first attempt, with the schema's complaint. */
  const expectMalformed = (run: Awaited<ReturnType<typeof runJob>>, reason: string) => {
    expect(run).toEqual({ jobId: run.jobId, state: 'failed', failedReason: `${reason} (job ${run.jobId})`, attemptsMade: 1 });
  };

  it('pdf-render: the version stays queued, unclaimed and without a pdf.ready event', async () => {
    const run = await runJob(QUEUES.pdfRender, { tenantId: seeded.tenantId, draftVersionId: seeded.versionId, kind: 'final' });
    expect(await renderStatus(db, seeded.tenantId, seeded.versionId)).toMatchObject({ status: 'queued', attempts: 0, storage_key: null });
    const events = await db.read(sql`SELECT type FROM case_events WHERE case_id = ${seeded.caseId}`, { tenantId: seeded.tenantId });
    expect(events).toEqual([]);
    expectMalformed(run, 'Malformed pdf-render job payload: caseId: Invalid input: expected string, received undefined');
  });

  it('webhook-delivery: the delivery is neither leased nor attempted', async () => {
    const tenantId = seeded.tenantId;
    const { webhookId, deliveryId } = await db.transaction(
      async (tx) => {
        const [hook] = await tx.query<{ id: string }>(
          `INSERT INTO webhooks (tenant_id, url, events, secret) VALUES ($1, 'https://crm.example.test/hook', '{case.created}', 'whsec_test') RETURNING id`,
          [tenantId],
        );
        const [delivery] = await tx.query<{ id: string }>(
          `INSERT INTO webhook_deliveries (tenant_id, webhook_id, event_id, event_type, payload) VALUES ($1, $2, $3, 'case.created', '{}') RETURNING id`,
          [tenantId, hook.id, randomUUID()],
        );
        return { webhookId: hook.id, deliveryId: delivery.id };
      },
      { tenantId },
    );
    const payload = { tenantId, eventId: randomUUID(), type: 'case.created', webhookId, deliveryId, attempt: 0, redelivery: 'yes' };
    const run = await runJob(QUEUES.webhookDelivery, payload);
    const [delivery] = await db.read<{ status: string; attempts: unknown[]; lease_until: Date | null; retry_count: number }>(
      sql`SELECT status, attempts, lease_until, retry_count FROM webhook_deliveries WHERE id = ${deliveryId}`,
      { tenantId },
    );
    expect(delivery).toEqual({ status: 'pending', attempts: [], lease_until: null, retry_count: 0 });
    expectMalformed(run, 'Malformed webhook-delivery job payload: redelivery: Invalid input: expected boolean, received string');
  });

  it('email: a reminder whose send time is not a time is not sent now (nor ever)', async () => {
    const run = await runJob(QUEUES.email, {
      tenantId: seeded.tenantId,
      to: 'clara@example.test',
      subject: 'Reminder',
      text: 'Please review',
      notBefore: 'in two days',
    });
    const mailDir = tenantMailDir({ DATA_DIR: testWorker.dataDir }, seeded.tenantId);
    expect(existsSync(mailDir) ? readdirSync(mailDir) : []).toEqual([]);
    expectMalformed(run, 'Malformed email job payload: notBefore: Invalid ISO datetime');
  });
});
