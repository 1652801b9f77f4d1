import { sql, type TenantDb } from '@poa/db';
import { tenantMailDir } from '@poa/jobs';
import Redis from 'ioredis';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isolateSweep, outboxRows, seedApprovedCase, waitFor } from '../../test/fixtures';
import { startTestWorker, type TestWorker } from '../../test/test-worker';
import { FollowUpReminders } from './follow-up-reminders';

const DAY = 24 * 3600_000;
// A controlled clock far from the real one: the worker's own timer (real time) never finds these follow-ups due.
const T0 = new Date('2031-05-05T08:00:00.000Z');

describe('follow-up reminders: a due safety check is e-mailed to the client once', () => {
  let w: TestWorker;
  let db: TenantDb;
  let tenantId: string;
  let followUpId: string;

  const dispatchDue = (now: Date) => w.worker.get(FollowUpReminders).dispatchDue(now);
  const inTenant = <T>(fn: Parameters<TenantDb['transaction']>[0]) => db.transaction(fn, { tenantId }) as Promise<T>;
  const emlFiles = (jobId: string) => {
    const dir = tenantMailDir({ DATA_DIR: w.dataDir }, tenantId);
    return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(`${jobId}.eml`)) : [];
  };
  const dueJobs = async () => (await outboxRows(db, tenantId)).filter((r) => r.job_id.startsWith('follow-up-due-'));
  const flushRedis = async () => {
    // The test worker's own Redis (a private database too): never the shared one.
    const redis = new Redis(w.redisUrl);
    await redis.flushall();
    redis.disconnect();
  };

  beforeAll(async () => {
    w = await startTestWorker({ REMINDER_POLL_MS: String(DAY) }, { privateDatabase: true });
    db = w.db;
    let caseId: string;
    let versionId: string;
    ({ tenantId, caseId, versionId } = await seedApprovedCase(db, { queueRender: false }));
    [{ id: followUpId }] = await inTenant<{ id: string }[]>((tx) =>
      tx.query(
        `INSERT INTO follow_ups (tenant_id, case_id, client_id, draft_version_id, measure, frequency, owner, cadence, cadence_source, next_due_at)
         SELECT $1, c.id, c.client_id, $3, 'Supplier invoices are matched to new stock', 'weekly', 'Ops', '{"every":1,"unit":"week"}', 'parsed', $4
         FROM cases c WHERE c.id = $2 RETURNING id`,
        [tenantId, caseId, versionId, T0.toISOString()],
      ),
    );
  }, 60_000);
  afterAll(() => w?.close());

  it('sends once at the due time, even with the worker restarted and Redis flushed before and after sending', async () => {
    expect(await dispatchDue(new Date(T0.getTime() - 1))).toBe(0);
    await w.restart();
    await flushRedis();
    expect(await dispatchDue(T0)).toBe(1);
    expect(await dispatchDue(new Date(T0.getTime() + DAY))).toBe(0);
    const [job] = await dueJobs();
    expect(job.job_id.startsWith(`follow-up-due-${followUpId}-${T0.getTime()}-`)).toBe(true);

    await waitFor(async () => (await dueJobs())[0]?.dispatched_at, 15_000, 'the relay');
    await flushRedis();
    await w.restart();
    await isolateSweep(db, [tenantId], 10 * 60_000);
    await w.sweeper.sweepOnce();
    await waitFor(async () => emlFiles(job.job_id).length > 0, 15_000, 'the reminder e-mail');
    await waitFor(async () => (await dueJobs())[0]?.done_at, 15_000, 'the job marked done');
    const eml = readFileSync(join(tenantMailDir({ DATA_DIR: w.dataDir }, tenantId), emlFiles(job.job_id)[0]), 'utf8');
    expect(eml).toContain('clara@example.test');
    expect(eml).toMatch(/Safety check due/);

    await flushRedis();
    await w.restart();
    await isolateSweep(db, [tenantId], 10 * 60_000);
    await w.sweeper.sweepOnce();
    expect(await dispatchDue(new Date(T0.getTime() + 2 * DAY))).toBe(0);
    expect(emlFiles(job.job_id)).toHaveLength(1);
    expect(await dueJobs()).toHaveLength(1);
  }, 90_000);

  it('a check-in moves the due time; the next due time is reminded once in turn; an ended follow-up is not', async () => {
    const next = new Date(T0.getTime() + 7 * DAY);
    await inTenant((tx) => tx.query(`UPDATE follow_ups SET next_due_at = $2 WHERE id = $1`, [followUpId, next.toISOString()]));
    expect(await dispatchDue(new Date(next.getTime() - 1))).toBe(0);
    expect(await dispatchDue(next)).toBe(1);
    expect(await dispatchDue(new Date(next.getTime() + DAY))).toBe(0);
    expect(await dueJobs()).toHaveLength(2);

    const later = new Date(T0.getTime() + 14 * DAY);
    await inTenant((tx) =>
      tx.query(`UPDATE follow_ups SET next_due_at = $2, ended_at = now() WHERE id = $1`, [followUpId, later.toISOString()]),
    );
    expect(await dispatchDue(later)).toBe(0);
    const [row] = await db.read<{ reminded_due_at: Date }>(sql`SELECT reminded_due_at FROM follow_ups WHERE id = ${followUpId}`, {
      tenantId,
    });
    expect(new Date(row.reminded_due_at)).toEqual(next);
  });
});
