import { canonicalDraftJson, type DraftSections } from '@poa/domain';
import { TenantDb, DEFAULT_BRANDING } from '@poa/db';
import { pdfRenderJobId, QUEUES } from '@poa/jobs';
import { createHash, randomUUID } from 'node:crypto';

export const SECTIONS: DraftSections = {
  summary: 'We sold units of ASIN B0TESTPDF1 sourced from an unverified wholesaler; we have removed the stock and changed suppliers.',
  rootCauses: [{ text: 'Root cause: invoices from Acme Wholesale could not be verified by Amazon.' }],
  correctiveActions: [{ text: 'Corrective: removed 120 units of B0TESTPDF1 from FBA on 2026-10-02.', completedAt: '2026-10-02' }],
  preventiveMeasures: [{ text: 'Preventive: every new supplier is verified against the brand list.', owner: 'Head of Sourcing', startDate: '2026-10-05', frequency: 'Weekly' }],
  supportingDocuments: [],
};

/** An approved case written straight to the database, with the pdf_renders row and the outbox message the API writes on approval. */
export async function seedApprovedCase(db: TenantDb, opts: { reference?: string; approverName?: string } = {}) {
  const tenantId = randomUUID();
  const caseId = randomUUID();
  const versionId = randomUUID();
  const reference = opts.reference ?? `POA-2026-${Math.floor(Math.random() * 9000 + 1000)}`;
  await db.transaction(
    async (tx) => {
      await tx.query(`INSERT INTO tenants (id, name, branding) VALUES ($1, 'Worker Test Agency', $2)`, [tenantId, JSON.stringify(DEFAULT_BRANDING)]);
      const [client] = await tx.query<{ id: string }>(`INSERT INTO clients (tenant_id, name, seller_id) VALUES ($1, 'Test Seller GmbH', 'A1SELLER') RETURNING id`, [tenantId]);
      const [contact] = await tx.query<{ id: string }>(`INSERT INTO contacts (tenant_id, client_id, name, email) VALUES ($1, $2, 'Clara Client', 'clara@example.test') RETURNING id`, [tenantId, client.id]);
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
      await tx.query(`INSERT INTO pdf_renders (tenant_id, case_id, draft_version_id, version, kind) VALUES ($1, $2, $3, 1, 'final')`, [tenantId, caseId, versionId]);
      await tx.query(`INSERT INTO outbox (tenant_id, topic, job_id, payload) VALUES ($1, $2, $3, $4)`, [
        tenantId,
        QUEUES.pdfRender,
        pdfRenderJobId({ draftVersionId: versionId, kind: 'final' }),
        JSON.stringify({ tenantId, caseId, draftVersionId: versionId, kind: 'final' }),
      ]);
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
