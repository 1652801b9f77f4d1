import { canonicalDraftJson, type DraftSections } from '@poa/domain';
import { sql, TenantDb, DEFAULT_BRANDING } from '@poa/db';
import { enqueue, QUEUES } from '@poa/jobs';
import { createHash, randomUUID } from 'node:crypto';

export const SECTIONS: DraftSections = {
  summary: 'We sold units of ASIN B0TESTPDF1 sourced from an unverified wholesaler; we have removed the stock and changed suppliers.',
  rootCauses: [{ text: 'Root cause: invoices from Acme Wholesale could not be verified by Amazon.' }],
  correctiveActions: [{ text: 'Corrective: removed 120 units of B0TESTPDF1 from FBA on 2026-10-02.', completedAt: '2026-10-02' }],
  preventiveMeasures: [
    {
      text: 'Preventive: every new supplier is verified against the brand list.',
      owner: 'Head of Sourcing',
      startDate: '2026-10-05',
      frequency: 'Weekly',
    },
  ],
  supportingDocuments: [],
};

/**
 * An approved case written straight to the database, with the pdf_renders row and the outbox message the API writes
 * on approval (`queueRender: false`: without the message, so the render stays queued until a test adds a job itself).
 */
export async function seedApprovedCase(db: TenantDb, opts: { reference?: string; approverName?: string; queueRender?: boolean } = {}) {
  const tenantId = randomUUID();
  const caseId = randomUUID();
  const versionId = randomUUID();
  const reference = opts.reference ?? `POA-2026-${Math.floor(Math.random() * 9000 + 1000)}`;
  await db.transaction(
    async (tx) => {
      await tx.query(`INSERT INTO tenants (id, name, branding) VALUES ($1, 'Worker Test Agency', $2)`, [
        tenantId,
        JSON.stringify(DEFAULT_BRANDING),
      ]);
      const [client] = await tx.query<{ id: string }>(
        `INSERT INTO clients (tenant_id, name, seller_id) VALUES ($1, 'Test Seller GmbH', 'A1SELLER') RETURNING id`,
        [tenantId],
      );
      const [contact] = await tx.query<{ id: string }>(
        `INSERT INTO contacts (tenant_id, client_id, name, email) VALUES ($1, $2, 'Clara Client', 'clara@example.test') RETURNING id`,
        [tenantId, client.id],
      );
      await tx.query(
        `INSERT INTO cases (id, tenant_id, client_id, reference, title, violation_type, marketplace, asins, notice_received_at, due_at, status, latest_version, approved_version_id)
         VALUES ($1, $2, $3, $4, 'Inauthentic complaint', 'product_authenticity', 'DE', '{B0TESTPDF1}', now(), now() + interval '17 days', 'approved', 1, $5)`,
        [caseId, tenantId, client.id, reference, versionId],
      );
      const hash = createHash('sha256').update(canonicalDraftJson(SECTIONS)).digest('hex');
      await tx.query(
        `INSERT INTO draft_versions (id, tenant_id, case_id, version, round, sections, content_sha256, author_type, author_name) VALUES ($1, $2, $3, 1, 1, $4, $5, 'user', 'Writer')`,
        [versionId, tenantId, caseId, JSON.stringify(SECTIONS), hash],
      );
      await tx.query(
        `INSERT INTO approvals (tenant_id, case_id, draft_version_id, version, contact_id, contact_name, contact_email, full_name, approved_at, ip, user_agent, content_sha256)
         VALUES ($1, $2, $3, 1, $4, 'Clara Client', 'clara@example.test', $5, now(), '203.0.113.7', 'Jest', $6)`,
        [tenantId, caseId, versionId, contact.id, opts.approverName ?? 'Clara Client', hash],
      );
      await tx.query(`INSERT INTO pdf_renders (tenant_id, case_id, draft_version_id, version, kind) VALUES ($1, $2, $3, 1, 'final')`, [
        tenantId,
        caseId,
        versionId,
      ]);
      if (opts.queueRender !== false)
        await enqueue(tx, { queue: QUEUES.pdfRender, payload: { tenantId, caseId, draftVersionId: versionId, kind: 'final' } });
    },
    { tenantId },
  );
  return { tenantId, caseId, versionId, reference };
}

export async function waitFor<T>(fn: () => Promise<T | null | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The pdf_renders row of a version, as the worker leaves it. */
export async function renderStatus(db: TenantDb, tenantId: string, versionId: string) {
  const rows = await db.read<{ status: string; storage_key: string | null; page_count: number | null; attempts: number }>(
    sql`SELECT status, storage_key, page_count, attempts FROM pdf_renders WHERE draft_version_id = ${versionId}`,
    { tenantId },
  );
  return rows[0];
}

export interface OutboxRowState {
  id: string;
  topic: string;
  job_id: string;
  dispatched_at: Date | null;
  done_at: Date | null;
}

export const outboxRows = (db: TenantDb, tenantId: string) =>
  db.read<OutboxRowState>(sql`SELECT id, topic, job_id, dispatched_at, done_at FROM outbox WHERE tenant_id = ${tenantId} ORDER BY id`, {
    tenantId,
  });

/** Waits for the relay to dispatch the tenant's outbox rows (all of them) and returns them. */
export const dispatchedRows = (db: TenantDb, tenantId: string) =>
  waitFor(
    async () => {
      const rows = await outboxRows(db, tenantId);
      return rows.length > 0 && rows.every((r) => r.dispatched_at) ? rows : null;
    },
    15_000,
    'the relay to dispatch the outbox rows',
  );

/**
 * Before a test sweeps: moves these tenants' dispatch times `ageMs` back (0: leaves them) and marks every other
 * dispatched row done. Test workers share the database but each has its own Redis, so another test's live jobs
 * would look lost to this sweep; done rows are never looked at again.
 */
export async function isolateSweep(db: TenantDb, tenantIds: string[], ageMs = 0): Promise<void> {
  await db.systemTransaction({ 'app.outbox_relay': 'on' }, async (tx) => {
    await tx.query(
      `UPDATE outbox SET done_at = now() WHERE dispatched_at IS NOT NULL AND done_at IS NULL AND NOT (tenant_id = ANY($1::uuid[]))`,
      [tenantIds],
    );
    await tx.query(
      `UPDATE outbox SET dispatched_at = dispatched_at - $2 * interval '1 millisecond' WHERE tenant_id = ANY($1::uuid[]) AND dispatched_at IS NOT NULL`,
      [tenantIds, ageMs],
    );
  });
}
