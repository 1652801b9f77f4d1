import { sql, type TenantDb } from '@poa/db';
import { addBusinessDays } from '@poa/domain';
import { scheduleCaseReminders, tenantMailDir } from '@poa/jobs';
import Redis from 'ioredis';
import { existsSync, readdirSync } from 'node:fs';
import { isolateSweep, outboxRows, seedApprovedCase, waitFor } from '../../test/fixtures';
import { startTestWorker, type TestWorker } from '../../test/test-worker';
import { ReminderScheduler } from './reminder-scheduler';

const HOUR = 3600_000;
// A controlled clock far from the real one: the worker's own timer (real time) never finds these reminders due.
const T0 = new Date('2030-01-03T09:00:00.000Z'); // a Thursday

describe('reminders: scheduled in PostgreSQL, sent once through the outbox', () => {
  let w: TestWorker;
  let db: TenantDb;
  let tenantId: string;
  let caseId: string;
  let annId: string;
  let bobId: string;

  const dispatchDue = (now: Date) => w.worker.get(ReminderScheduler).dispatchDue(now);
  const inTenant = <T>(fn: Parameters<TenantDb['transaction']>[0]) => db.transaction(fn, { tenantId }) as Promise<T>;
  const notifications = (userId: string) =>
    db.read<{ kind: string; title: string; reminder_id: string }>(
      sql`SELECT kind, title, reminder_id FROM notifications WHERE user_id = ${userId} ORDER BY created_at, kind`,
      { tenantId },
    );
  const reminders = () =>
    db.read<{ id: string; kind: string; fire_at: Date; sent_at: Date | null; outcome: string | null }>(
      sql`SELECT id, kind, fire_at, sent_at, outcome FROM reminders WHERE case_id = ${caseId} ORDER BY fire_at`,
      { tenantId },
    );
  const emlFiles = (jobId: string) => {
    const dir = tenantMailDir({ DATA_DIR: w.dataDir }, tenantId);
    return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(`${jobId}.eml`)) : [];
  };
  const flushRedis = async () => {
    const redis = new Redis(w.redisUrl);
    await redis.flushall();
    redis.disconnect();
  };

  beforeAll(async () => {
    // Its own database: this test wipes its Redis and re-queues outbox rows (see startTestWorker).
    w = await startTestWorker({ REMINDER_POLL_MS: String(24 * HOUR) }, { privateDatabase: true });
    db = w.db;
    ({ tenantId, caseId } = await seedApprovedCase(db, { queueRender: false }));
    [annId, bobId] = await inTenant<string[]>(async (tx) => {
      const users = await tx.query<{ id: string }>(
        `INSERT INTO users (tenant_id, email, name, role) VALUES ($1, 'ann@agency.test', 'Ann Assignee', 'writer'), ($1, 'bob@agency.test', 'Bob Other', 'writer') RETURNING id`,
        [tenantId],
      );
      await tx.query(`UPDATE cases SET status = 'drafting', due_at = $2, assignee_id = $3 WHERE id = $1`, [
        caseId,
        new Date(T0.getTime() + 30 * HOUR),
        users[0].id,
      ]);
      return users.map((u) => u.id);
    });
  }, 60_000);

  afterAll(() => w?.close());

  it('due soon: once, 24 hours before, even with the worker restarted and Redis flushed before and after sending', async () => {
    await inTenant((tx) => scheduleCaseReminders(tx, caseId, T0));
    expect((await reminders()).map((r) => [r.kind, new Date(r.fire_at).getTime() - T0.getTime()])).toEqual([
      ['due_soon', 6 * HOUR],
      ['overdue', 30 * HOUR],
    ]);
    // Scheduling again (any later change to the case) keeps the same two rows.
    await inTenant((tx) => scheduleCaseReminders(tx, caseId, new Date(T0.getTime() + HOUR)));
    expect(await reminders()).toHaveLength(2);

    // Between scheduling and sending: the worker restarts and Redis loses everything.
    await w.restart();
    await flushRedis();
    expect(await dispatchDue(new Date(T0.getTime() + 6 * HOUR - 1))).toBe(0);
    expect(await dispatchDue(new Date(T0.getTime() + 6 * HOUR))).toBe(1);
    const [dueSoon] = await reminders();
    expect(dueSoon).toMatchObject({ kind: 'due_soon', outcome: 'sent' });
    const jobId = `reminder-${dueSoon.id}`;

    // Redis loses the relayed e-mail job, the worker restarts: the sweep hands it back and it is sent once.
    await waitFor(async () => (await outboxRows(db, tenantId)).find((r) => r.job_id === jobId)?.dispatched_at, 15_000, 'the relay');
    await flushRedis();
    await w.restart();
    await isolateSweep(db, [tenantId], 10 * 60_000);
    await w.sweeper.sweepOnce();
    await waitFor(async () => emlFiles(jobId).length > 0, 15_000, 'the reminder e-mail');
    await waitFor(async () => (await outboxRows(db, tenantId)).find((r) => r.job_id === jobId)?.done_at, 15_000, 'the job marked done');
    // Once more after sending: Redis and the worker lose everything again; nothing is sent again.
    await flushRedis();
    await w.restart();
    await isolateSweep(db, [tenantId], 10 * 60_000);
    await w.sweeper.sweepOnce();
    expect(await dispatchDue(new Date(T0.getTime() + 7 * HOUR))).toBe(0);

    expect(emlFiles(jobId)).toHaveLength(1);
    expect(await notifications(annId)).toEqual([expect.objectContaining({ kind: 'due_soon', reminder_id: dueSoon.id })]);
    expect(await notifications(bobId)).toEqual([]);
  }, 90_000);

  it('overdue: at the due time, a notification without e-mail when the assignee turned that kind off', async () => {
    await inTenant((tx) => tx.query(`UPDATE users SET email_preferences = '{"overdue": false}' WHERE id = $1`, [annId]));
    expect(await dispatchDue(new Date(T0.getTime() + 30 * HOUR - 1))).toBe(0);
    expect(await dispatchDue(new Date(T0.getTime() + 30 * HOUR))).toBe(1);
    expect(await dispatchDue(new Date(T0.getTime() + 40 * HOUR))).toBe(0);
    const overdue = (await reminders())[1];
    expect(overdue).toMatchObject({ kind: 'overdue', outcome: 'sent' });
    expect((await notifications(annId)).map((n) => n.kind)).toEqual(['due_soon', 'overdue']);
    expect((await outboxRows(db, tenantId)).filter((r) => r.job_id === `reminder-${overdue.id}`)).toEqual([]);
  });

  it('waiting on Amazon: the escalation after the tenant’s business days, skipped once the outcome is in', async () => {
    const submittedAt = new Date('2030-01-04T15:00:00.000Z'); // a Friday
    await inTenant(async (tx) => {
      await tx.query(`UPDATE tenants SET waiting_on_amazon_days = 3 WHERE id = $1`, [tenantId]);
      await tx.query(`UPDATE cases SET status = 'submitted' WHERE id = $1`, [caseId]);
      await scheduleCaseReminders(tx, caseId, submittedAt);
    });
    const escalate = (await reminders()).find((r) => r.kind === 'escalate')!;
    expect(new Date(escalate.fire_at)).toEqual(new Date('2030-01-09T15:00:00.000Z')); // Wednesday: Mon, Tue, Wed
    expect(addBusinessDays(submittedAt, 3)).toEqual(new Date(escalate.fire_at));

    expect(await dispatchDue(new Date('2030-01-09T14:59:59.000Z'))).toBe(0);
    expect(await dispatchDue(new Date('2030-01-09T15:00:00.000Z'))).toBe(1);
    const notes = await notifications(annId);
    expect(notes.map((n) => n.kind)).toEqual(['due_soon', 'overdue', 'escalate']);
    expect(notes[2].title).toMatch(/no answer from Amazon after 3 business days/);

    // The next round's escalation is skipped when the case is decided before it falls due.
    await inTenant(async (tx) => {
      await tx.query(`UPDATE cases SET round = 2 WHERE id = $1`, [caseId]);
      await scheduleCaseReminders(tx, caseId, submittedAt);
      await tx.query(`UPDATE cases SET status = 'reinstated' WHERE id = $1`, [caseId]);
    });
    expect(await dispatchDue(new Date('2030-02-01T00:00:00.000Z'))).toBe(1);
    expect((await reminders()).filter((r) => r.outcome === 'skipped')).toHaveLength(1);
    expect(await notifications(annId)).toHaveLength(3);
  });
});
