import { loadConfig } from '@poa/config';
import { createDataSource, TenantDb } from '@poa/db';
import { enqueue, QUEUES, tenantMailDir, type EmailJob } from '@poa/jobs';
import { ensureRedis, freePort } from '@poa/services';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the integration tier's shared setup, as in worker.int.spec.ts
import { integrationEnv } from '../../../../tests/setup/integration-env';
import { seedApprovedCase, waitFor } from '../../test/fixtures';
import { EmailProcessor } from './email.processor';

describe('email processor: BullMQ queue to .eml files, delayed reminders', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'poa-mail-'));
  let redis: Awaited<ReturnType<typeof ensureRedis>>;
  let queue: Queue<EmailJob>;
  let queueConnection: Redis;
  let processor: EmailProcessor;
  let db: TenantDb;
  let closeDb: () => Promise<void>;
  let seeded: Awaited<ReturnType<typeof seedApprovedCase>>;

  // Each agency's .eml files go to a folder of their own, which the development mailbox filters on.
  const agencyMailDir = () => tenantMailDir({ DATA_DIR: dataDir }, seeded.tenantId);
  const emlFiles = () => (existsSync(agencyMailDir()) ? readdirSync(agencyMailDir()).filter((f) => f.endsWith('.eml')) : []);
  const emlFor = (jobId: string) => emlFiles().find((f) => f.endsWith(`${jobId}.eml`));

  beforeAll(async () => {
    const env = await integrationEnv();
    // A Redis of our own: no other test's worker takes these jobs.
    redis = await ensureRedis({ port: await freePort(), dataDir, log: () => undefined });
    const dataSource = await createDataSource({ url: env.appUrl, poolSize: 2 }).initialize();
    db = new TenantDb(dataSource);
    closeDb = () => dataSource.destroy();
    seeded = await seedApprovedCase(db);
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: env.appUrl,
      REDIS_URL: redis.url,
      DATA_DIR: dataDir,
      MAIL_FROM: 'Desk <mail@desk.test>',
    });
    processor = new EmailProcessor(db, config);
    processor.onApplicationBootstrap();
    queueConnection = new Redis(redis.url, { maxRetriesPerRequest: null });
    queue = new Queue<EmailJob>(QUEUES.email, { connection: queueConnection, prefix: config.QUEUE_PREFIX });
  }, 60_000);

  afterAll(async () => {
    await queue?.close();
    queueConnection?.disconnect();
    await processor?.onApplicationShutdown();
    await closeDb?.();
    await redis?.stop();
  });

  // The state first, then the job: a job read before it completed carries no return value even if it completes a moment later.
  const returnValueOnceCompleted = async (jobId: string) =>
    (await queue.getJobState(jobId)) === 'completed' ? (await queue.getJob(jobId))?.returnvalue : undefined;

  const job = (extra: Partial<EmailJob> = {}): EmailJob => ({
    tenantId: seeded.tenantId,
    to: 'clara@example.test',
    subject: 'Hello from the queue',
    text: 'Line one\n\nVisit https://desk.test/portal',
    ...extra,
  });

  it('writes a queued email as an .eml with a text part and the branded HTML part', async () => {
    await queue.add(QUEUES.email, job(), { jobId: 'email-now-1' });
    const file = await waitFor(async () => emlFor('email-now-1'), 15_000, 'the .eml file');
    const eml = readFileSync(join(agencyMailDir(), file), 'utf8');
    expect(eml).toMatch(/^To: clara@example\.test$/m);
    expect(eml).toMatch(/^Subject: Hello from the queue$/m);
    expect(eml).toMatch(/^From: Worker Test Agency <mail@desk\.test>$/m);
    expect(eml).toMatch(/Content-Type: text\/plain/);
    expect(eml).toMatch(/Content-Type: text\/html/);
    const html = eml.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    expect(html).toContain('data-agency-color="#1f4e79">Worker Test Agency</td>');
    expect(html).toContain('<a href="https://desk.test/portal">');
  });

  it('sends an email once even when its job comes back after Redis lost it (the outbox row is marked done)', async () => {
    // Already dispatched (in the transaction that writes it), as the relay leaves it: no test worker's relay takes it.
    const jobId = await db.transaction(
      async (tx) => {
        const id = await enqueue(tx, { queue: QUEUES.email, payload: job(), occasion: { kind: 'review' } });
        await tx.query(`UPDATE outbox SET dispatched_at = now() WHERE job_id = $1`, [id]);
        return id;
      },
      { tenantId: seeded.tenantId },
    );
    const outboxDone = async () =>
      (
        await db.systemTransaction({ 'app.outbox_relay': 'on' }, (tx) =>
          tx.query<{ done_at: Date | null }>(`SELECT done_at FROM outbox WHERE job_id = $1`, [jobId]),
        )
      )[0].done_at;
    const finished = () => returnValueOnceCompleted(jobId);

    await queue.add(QUEUES.email, job(), { jobId });
    expect(await waitFor(finished, 15_000, 'the first run')).toMatchObject({ sent: true });
    expect(await outboxDone()).toBeInstanceOf(Date);

    // Redis forgets the job; the sweep hands the row back and the relay adds the same job id again.
    await queue.remove(jobId);
    await queue.add(QUEUES.email, job(), { jobId });
    expect(await waitFor(finished, 15_000, 'the second run')).toEqual({ sent: false, reason: 'already sent' });
  });

  it('holds a reminder in the delayed set until notBefore, then sends it only while the case is unchanged', async () => {
    const notBefore = new Date(Date.now() + 2500).toISOString();
    await queue.add(
      QUEUES.email,
      job({ subject: 'Reminder due', notBefore, onlyIf: { caseId: seeded.caseId, status: 'approved', latestVersion: 1 } }),
      { jobId: 'email-reminder-due' },
    );
    await queue.add(
      QUEUES.email,
      job({ subject: 'Reminder stale', notBefore, onlyIf: { caseId: seeded.caseId, status: 'client_review', latestVersion: 1 } }),
      { jobId: 'email-reminder-stale' },
    );
    await waitFor(async () => (await queue.getJob('email-reminder-due'))?.isDelayed(), 5_000, 'the reminder to be delayed');
    expect(emlFor('email-reminder-due')).toBeUndefined();
    await waitFor(async () => emlFor('email-reminder-due'), 15_000, 'the reminder .eml');
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(notBefore));
    const stale = await waitFor(() => returnValueOnceCompleted('email-reminder-stale'), 15_000, 'the stale reminder to complete');
    expect(stale).toMatchObject({ sent: false });
    expect(emlFor('email-reminder-stale')).toBeUndefined();
  });
});
