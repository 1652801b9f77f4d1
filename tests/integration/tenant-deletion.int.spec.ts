/**
 * Deleting an agency: the owner schedules it with the agency's name typed as confirmation, may cancel during the
 * grace period, and the real worker purges every row of every tenant table and every stored file once it falls due
 * (a controlled clock), finishing a purge that was interrupted halfway, and touching nothing of any other agency.
 * Run against each storage driver: the local disk and an S3-compatible server.
 */
import { TENANT_TABLES } from '@poa/db';
import { createFileStorage, type FileStorage, type S3Storage } from '@poa/storage';
import { integrationEnv, startS3TestServer, type S3TestServer } from '@poa/test-setup';
import { Client } from 'pg';
import { addStaff, signupAgency, startTestApi, type TestApi } from '../../apps/api/test/harness';
import { createCase, createClient, createContact, draftBody, expectStatus, transition } from '../../apps/api/src/cases/case-test-helpers';
import { TenantPurger } from '../../apps/worker/src/tenant-deletion/tenant-purger';
import { startTestWorker, type TestWorker } from '../../apps/worker/test/test-worker';

const DAY = 86_400_000;
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('evidence of the corrected listing')]);
const TABLES = ['tenants', ...TENANT_TABLES] as const;

describe.each(['local', 's3'] as const)('tenant deletion (%s storage)', (driver) => {
  let w: TestWorker;
  let api: TestApi;
  let s3: S3TestServer | undefined;
  let storage: FileStorage;
  let admin: Client;

  beforeAll(async () => {
    if (driver === 's3') s3 = await startS3TestServer();
    // Its own database, so the row counts of every other tenant can be compared before and after.
    w = await startTestWorker({ OUTBOX_POLL_MS: '50', TENANT_DELETION_POLL_MS: String(DAY), ...s3?.settings }, { privateDatabase: true });
    api = await startTestApi({ DATABASE_URL: w.appUrl, REDIS_URL: w.redisUrl, DATA_DIR: w.dataDir, ...s3?.settings });
    storage = createFileStorage({ DATA_DIR: w.dataDir, STORAGE_DRIVER: 'local', ...s3?.settings });
    // A superuser on the same database: counts every tenant's rows (row-level security does not apply to it).
    const url = new URL((await integrationEnv()).adminUrl);
    url.pathname = new URL(w.appUrl).pathname;
    admin = new Client({ connectionString: url.toString() });
    await admin.connect();
  }, 120_000);

  afterAll(async () => {
    await admin?.end();
    await api?.close();
    await w?.close();
    if (driver === 's3') (storage as S3Storage | undefined)?.destroy();
    await s3?.close();
  });

  const http = () => api.http;
  const purger = () => w.worker.get(TenantPurger);

  /** Rows per table and tenant, over every tenant. */
  async function rowCounts(): Promise<Record<string, Record<string, number>>> {
    const counts: Record<string, Record<string, number>> = {};
    for (const table of TABLES) {
      const column = table === 'tenants' ? 'id' : 'tenant_id';
      const { rows } = await admin.query<{ tenant: string; n: number }>(
        `SELECT ${column}::text AS tenant, count(*)::int AS n FROM "${table}" GROUP BY 1`,
      );
      counts[table] = Object.fromEntries(rows.map((row) => [row.tenant, row.n]));
    }
    return counts;
  }
  const without = (counts: Record<string, Record<string, number>>, tenantId: string) =>
    Object.fromEntries(Object.entries(counts).map(([table, byTenant]) => [table, { ...byTenant, [tenantId]: undefined }]));

  async function waitFor<T>(fn: () => Promise<T | undefined>, what: string): Promise<T> {
    for (let i = 0; i < 600; i++) {
      const value = await fn();
      if (value !== undefined) return value;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  /** An agency with cases, drafts, an attachment, an approved PDF, a webhook with deliveries, a notification and an export. */
  async function agencyWithData(name: string) {
    const owner = await signupAgency(http(), name);
    const hook = await http().post('/api/v1/webhooks', { url: 'http://127.0.0.1:9/poa', events: ['case.created'] }, owner.token);
    expectStatus(hook, 201);
    const client = await createClient(http(), owner.token, { name: `${name} Seller` });
    const contact = await createContact(http(), owner.token, client.id, `${name} Contact`);
    const kase = await createCase(http(), owner.token, client.id, { title: `${name} listing removed` });
    await createCase(http(), owner.token, client.id, { title: `${name} second case` });
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'evidence.png');
    const upload = await fetch(`${api.baseUrl}/api/v1/cases/${kase.id}/attachments`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${owner.token}` },
    });
    expect(upload.status).toBe(201);
    expectStatus(
      await http().post(`/api/v1/cases/${kase.id}/comments`, { body: 'internal note', visibility: 'internal' }, owner.token),
      201,
    );
    expectStatus(await transition(http(), owner.token, kase.id, { action: 'start_drafting' }), 200);
    expectStatus(await http().post(`/api/v1/cases/${kase.id}/drafts`, draftBody(0, `${name} summary`), owner.token), 201);
    expectStatus(await transition(http(), owner.token, kase.id, { action: 'submit_for_review' }), 200);
    expectStatus(await transition(http(), owner.token, kase.id, { action: 'approve_internal' }), 200);
    expectStatus(
      await transition(http(), owner.token, kase.id, {
        action: 'client_approve',
        contactId: contact.id,
        fullName: 'Signer',
        note: 'By email',
      }),
      200,
    );
    await waitFor(async () => {
      const res = await fetch(`${api.baseUrl}/api/v1/cases/${kase.id}/pdf`, { headers: { authorization: `Bearer ${owner.token}` } });
      await res.arrayBuffer();
      return res.status === 200 ? true : undefined;
    }, `${name}'s PDF`);
    await w.db.transaction(
      (tx) =>
        tx.query(
          `INSERT INTO notifications (tenant_id, user_id, kind, case_id, title, body) VALUES ($1, $2, 'overdue', $3, 'Overdue', 'x')`,
          [owner.tenant.id, owner.user.id, kase.id],
        ),
      { tenantId: owner.tenant.id },
    );
    const requested = await http().post('/api/v1/tenant/export', {}, owner.token);
    expectStatus(requested, 202);
    await waitFor(async () => {
      const res = await http().get(`/api/v1/tenant/exports/${requested.body.id}`, owner.token);
      return res.body.status === 'ready' ? true : undefined;
    }, `${name}'s export`);
    const link = await http().post(`/api/v1/clients/${client.id}/contacts/${contact.id}/login-links`, {}, owner.token);
    expectStatus(link, 201);
    return { owner, name, client, contact, kase, portalLinkToken: link.body.token as string };
  }

  it('schedules, cancels and purges one agency after the grace period, resuming an interrupted purge, and nothing else', async () => {
    const a = await agencyWithData(`Closing Agency ${driver}`);
    const b = await agencyWithData(`Staying Agency ${driver}`);
    const tenantA = a.owner.tenant.id as string;
    const tenantB = b.owner.tenant.id as string;

    // Every kind of data the purge must remove is there, for both agencies.
    const before = await rowCounts();
    const kinds = [
      'cases',
      'draft_versions',
      'attachments',
      'pdf_renders',
      'webhooks',
      'webhook_deliveries',
      'notifications',
      'tenant_exports',
    ];
    for (const table of [...kinds, 'audit_events', 'portal_login_tokens', 'users', 'clients', 'contacts', 'comments']) {
      for (const tenant of [tenantA, tenantB])
        expect({ table, present: (before[table][tenant] ?? 0) > 0 }).toEqual({ table, present: true });
    }
    const filesA = await storage.list(tenantA);
    const filesB = (await storage.list(tenantB)).sort();
    expect(filesA.some((key) => key.includes('/attachments/'))).toBe(true);
    expect(filesA.some((key) => key.endsWith('.pdf'))).toBe(true);
    expect(filesA.some((key) => key.includes('/exports/'))).toBe(true);
    expect(filesB.length).toBe(filesA.length);

    // Owners only, and the agency's name exactly.
    const staffAdmin = await addStaff(http(), a.owner.token, 'admin');
    expect((await http().request('DELETE', '/api/v1/tenant', { body: { confirmName: a.name }, token: staffAdmin.token })).status).toBe(403);
    const wrong = await http().request('DELETE', '/api/v1/tenant', { body: { confirmName: 'Some Other Agency' }, token: a.owner.token });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'confirmName' })] });
    expect((await http().request('DELETE', '/api/v1/tenant', { body: {}, token: a.owner.token })).status).toBe(400);

    const asked = Date.now();
    const scheduled = await http().request('DELETE', '/api/v1/tenant', { body: { confirmName: a.name }, token: a.owner.token });
    expectStatus(scheduled, 202);
    const due = new Date(scheduled.body.deletionScheduledFor).getTime();
    expect(due - asked).toBeGreaterThan(7 * DAY - 60_000);
    expect(due - asked).toBeLessThan(7 * DAY + 60_000);
    expect((await http().get('/api/v1/tenant', a.owner.token)).body.deletionScheduledFor).toBe(scheduled.body.deletionScheduledFor);
    expect((await http().get('/api/v1/tenant', b.owner.token)).body.deletionScheduledFor).toBeNull();
    expect((await http().request('DELETE', '/api/v1/tenant', { body: { confirmName: a.name }, token: a.owner.token })).status).toBe(409);
    // The agency's clients can no longer log in to the portal; staff still can (and see the date).
    const portal = await http().post('/api/v1/portal/session', { token: a.portalLinkToken });
    expect(portal.status).toBe(403);
    expect(portal.body.error.code).toBe('TENANT_DELETION_SCHEDULED');
    const login = await http().get('/api/v1/me', staffAdmin.token);
    expectStatus(login, 200);
    expect(login.body.tenant.deletionScheduledFor).toBe(scheduled.body.deletionScheduledFor);

    // Cancelled, then scheduled again.
    expect((await http().delete('/api/v1/tenant/deletion', staffAdmin.token)).status).toBe(403);
    expectStatus(await http().delete('/api/v1/tenant/deletion', a.owner.token), 200);
    expect((await http().get('/api/v1/tenant', a.owner.token)).body.deletionScheduledFor).toBeNull();
    expect((await http().delete('/api/v1/tenant/deletion', a.owner.token)).status).toBe(404);
    expectStatus(await http().post('/api/v1/portal/session', { token: a.portalLinkToken }), 200);
    expectStatus(await http().request('DELETE', '/api/v1/tenant', { body: { confirmName: a.name }, token: a.owner.token }), 202);
    const dueAt = new Date((await http().get('/api/v1/tenant', a.owner.token)).body.deletionScheduledFor as string);

    // Not before it falls due.
    expect(await purger().purgeDue(new Date(dueAt.getTime() - 1))).toBe(0);
    const beforePurge = await rowCounts();
    expect(beforePurge.cases[tenantA]).toBe(before.cases[tenantA]);

    // A purge interrupted halfway (here after its fourth batch of two rows) ...
    let batches = 0;
    await expect(
      purger().purgeDue(new Date(dueAt.getTime() + DAY), {
        batchSize: 2,
        afterBatch: () => {
          if (++batches === 4) throw new Error('worker killed');
        },
      }),
    ).rejects.toThrow('worker killed');
    const halfway = await rowCounts();
    expect(halfway.tenants[tenantA]).toBe(1);
    const rowsOfA = (counts: Record<string, Record<string, number>>) =>
      TABLES.reduce((sum, table) => sum + (counts[table][tenantA] ?? 0), 0);
    expect(rowsOfA(halfway)).toBe(rowsOfA(beforePurge) - 8);
    // ... can no longer be cancelled, and completes on the next run.
    expect((await http().delete('/api/v1/tenant/deletion', a.owner.token)).status).toBe(409);
    expect(await purger().purgeDue(new Date(dueAt.getTime() + DAY))).toBe(1);

    const after = await rowCounts();
    for (const table of TABLES) expect([table, after[table][tenantA] ?? 0]).toEqual([table, 0]);
    expect(await storage.list(tenantA)).toEqual([]);
    // Every other agency's rows and files are exactly as they were.
    expect(without(after, tenantA)).toEqual(without(before, tenantA));
    expect((await storage.list(tenantB)).sort()).toEqual(filesB);
    for (const key of filesB) expect(await storage.exists(key)).toBe(true);
    // The deleted agency's staff are gone; the other agency works as before.
    expect((await http().get('/api/v1/tenant', a.owner.token)).status).toBe(401);
    expect((await http().get('/api/v1/me', staffAdmin.token)).status).toBe(401);
    expectStatus(await http().get(`/api/v1/cases/${b.kase.id}`, b.owner.token), 200);
    expect(await purger().purgeDue(new Date(dueAt.getTime() + 2 * DAY))).toBe(0);
  }, 300_000);
});
