import { signupAgency } from '../../apps/api/test/harness';
import { createCase, draftBody, expectStatus, queryAsTenant, transition } from '../../apps/api/src/cases/case-test-helpers';
import { clientWithPortalSession } from '../../apps/api/src/portal/portal-test-helpers';
import { usePdfWorker } from './pdf-worker-fixture';

/** The safety-net log as the real worker prints it, read back with pdftotext. */
describe('the safety-net log PDF', () => {
  const pdfs = usePdfWorker({
    artifacts: 'safety-net',
    picturedPages: 1,
    renderWithinMs: 150_000,
    // A generous render timeout: this machine's CPU is shared, and Chromium slows down with it.
    workerEnv: { PDF_RENDER_TIMEOUT_MS: '120000' },
  });

  const logText = async (url: string, token: string, name: string) =>
    (await pdfs.textOf((await pdfs.download(url, token)).bytes, name)).text;

  async function approvedCase(token: string, clientId: string, contactId: string, measures: { text: string; frequency: string }[]) {
    const { api } = pdfs;
    const kase = await createCase(api.http, token, clientId);
    const body = { ...draftBody(0), preventiveMeasures: measures.map((m) => ({ ...m, owner: 'Ops lead', startDate: null })) };
    expectStatus(await api.http.post(`/api/v1/cases/${kase.id}/drafts`, body, token), 201);
    for (const action of ['start_drafting', 'submit_for_review', 'approve_internal'])
      expectStatus(await transition(api.http, token, kase.id, { action }), 200);
    expectStatus(
      await transition(api.http, token, kase.id, { action: 'client_approve', contactId, fullName: 'Seller', note: 'phone' }),
      200,
    );
    return kase.id;
  }

  it('holds each measure and its checks in the range, and nothing outside it or of another client', async () => {
    const { api } = pdfs;
    const owner = await signupAgency(api.http, 'Net Agency');
    const seller = await clientWithPortalSession(api.http, owner.token, 'Logged Seller');
    const other = await clientWithPortalSession(api.http, owner.token, 'Other Seller');
    const caseId = await approvedCase(owner.token, seller.client.id, seller.contact.id, [
      { text: 'Supplier invoices are matched to new stock', frequency: 'weekly' },
      { text: 'Listings are reviewed for restricted claims', frequency: 'before each new listing' },
    ]);
    const otherCase = await approvedCase(owner.token, other.client.id, other.contact.id, [
      { text: 'Secret measure of the other seller', frequency: 'daily' },
    ]);
    const tenantId = owner.tenant.id;
    const db = api.config.DATABASE_URL;
    await queryAsTenant(db, tenantId, `UPDATE follow_ups SET created_at = '2026-01-01'`);
    const ids = await queryAsTenant<{ id: string; measure: string; case_id: string }>(
      db,
      tenantId,
      `SELECT id, measure, case_id FROM follow_ups`,
    );
    const idOf = (prefix: string) => ids.find((r) => r.measure.startsWith(prefix))!;
    const insert = (f: { id: string; case_id: string }, at: string, result: string, note: string) =>
      queryAsTenant(
        db,
        tenantId,
        `INSERT INTO follow_up_check_ins (tenant_id, follow_up_id, case_id, result, note, checked_at, actor_type, actor_name)
         VALUES ($1, $2, $3, $4, $5, $6, 'contact', 'Seller')`,
        [tenantId, f.id, f.case_id, result, note, at],
      );
    await insert(idOf('Supplier'), '2026-02-02T09:00:00Z', 'done', '');
    await insert(idOf('Supplier'), '2026-02-09T09:00:00Z', 'problem', 'Two invoices missing, supplier asked');
    await insert(idOf('Supplier'), '2026-03-15T09:00:00Z', 'done', 'after the range');
    await insert(idOf('Listings'), '2026-02-20T09:00:00Z', 'done', 'Three new listings checked');
    await insert(idOf('Secret'), '2026-02-05T09:00:00Z', 'done', 'other seller check');
    expect(idOf('Supplier').case_id).toBe(caseId);
    expect(idOf('Secret').case_id).toBe(otherCase);

    const url = `/api/v1/clients/${seller.client.id}/safety-net.pdf?from=2026-02-01&to=2026-02-28`;
    const text = await logText(url, owner.token, 'safety-net-log');
    expect(text).toContain('How our safety nets ran');
    expect(text).toContain('We check: Supplier invoices are matched to new stock, every week (responsible: Ops lead).');
    expect(text).toContain('Checked on 2026-02-02: done.');
    expect(text).toContain('Checked on 2026-02-09: problem found. Two invoices missing, supplier asked.');
    expect(text).toContain('We check: Listings are reviewed for restricted claims, each time it applies (responsible: Ops lead).');
    expect(text).toContain('Checked on 2026-02-20: done. Three new listings checked.');
    expect(text).not.toContain('after the range');
    expect(text).not.toContain('2026-03-15');
    expect(text).not.toMatch(/Secret measure|other seller check|Other Seller|Net Agency/);

    // A new check in the range makes a new log (the old one is not served).
    await insert(idOf('Supplier'), '2026-02-16T09:00:00Z', 'done', 'late addition');
    expect(await logText(url, owner.token, 'safety-net-log-2')).toContain('Checked on 2026-02-16: done. late addition.');
  }, 400_000);
});
