import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { signupAgency, startTestApi, type TestApi } from '../../test/harness';
import { createCase, createClient, expectStatus, queryAsTenant } from '../cases/case-test-helpers';
import { caseInClientReview, clientWithPortalSession } from '../portal/portal-test-helpers';

/** A render row that says "ready" while storage lost its file (wiped disk or bucket, restored database). */
describe('a stored file that is gone', () => {
  let api: TestApi;
  let owner: Awaited<ReturnType<typeof signupAgency>>;
  beforeAll(async () => {
    api = await startTestApi();
    owner = await signupAgency(api.http, 'Lost Files Agency');
  });
  afterAll(async () => {
    await api?.close();
  });

  const asTenant = <T>(text: string, params: unknown[] = []) => queryAsTenant<T>(api.config.DATABASE_URL, owner.tenant.id, text, params);
  const markReadyWithoutFile = (caseId: string) =>
    asTenant(
      `UPDATE pdf_renders SET status = 'ready', storage_key = $2, sha256 = repeat('ab', 32), size = 10, page_count = 1, ready_at = now() WHERE case_id = $1 AND kind = 'final'`,
      [caseId, `${owner.tenant.id}/pdfs/gone-${Date.now()}.pdf`],
    );
  const rerenderJobs = (caseId: string) =>
    asTenant<{ job_id: string }>(
      `SELECT job_id FROM outbox WHERE topic = 'pdf-render' AND payload->>'caseId' = $1 AND job_id LIKE '%-rerender-%'`,
      [caseId],
    );

  it('a PDF whose file is gone answers 202 queued and is rendered again (staff and portal), never a 500', async () => {
    const x = await clientWithPortalSession(api.http, owner.token, 'Lost PDF Goods');
    const created = await caseInClientReview(api.http, owner.token, x.client.id);
    expectStatus(
      await api.http.post(`/api/v1/portal/cases/${created.id}/approve`, { version: 1, fullName: 'Lost Q. Goods' }, x.portalToken),
      200,
    );

    await markReadyWithoutFile(created.id);
    const staff = await api.http.get(`/api/v1/cases/${created.id}/pdf`, owner.token);
    expect(staff.status).toBe(202);
    expect(staff.body).toMatchObject({ status: 'queued', version: 1, kind: 'final' });
    expect(await rerenderJobs(created.id)).toHaveLength(1);
    const [render] = await asTenant<{ status: string }>(`SELECT status FROM pdf_renders WHERE case_id = $1 AND kind = 'final'`, [
      created.id,
    ]);
    expect(render.status).toBe('queued');
    // Asked again while queued: still 202, no second job.
    expect((await api.http.get(`/api/v1/cases/${created.id}/pdf`, owner.token)).status).toBe(202);
    expect(await rerenderJobs(created.id)).toHaveLength(1);

    await markReadyWithoutFile(created.id);
    const portal = await api.http.get(`/api/v1/portal/cases/${created.id}/versions/1/pdf`, x.portalToken);
    expect(portal.status).toBe(202);
    expect(portal.body).toMatchObject({ status: 'queued' });
    expect(await rerenderJobs(created.id)).toHaveLength(2);
  });

  it('an attachment whose file is gone answers 404, not 500', async () => {
    const caseId = (await createCase(api.http, owner.token, (await createClient(api.http, owner.token)).id)).id;
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(Buffer.from('%PDF-1.4\n%%EOF\n'))], { type: 'application/pdf' }), 'invoice.pdf');
    const res = await fetch(`${api.baseUrl}/api/v1/cases/${caseId}/attachments`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${owner.token}` },
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    rmSync(join(api.config.DATA_DIR, 'files', owner.tenant.id, 'cases', caseId, 'attachments', id));

    const download = await api.http.get(`/api/v1/cases/${caseId}/attachments/${id}`, owner.token);
    expect(download.status).toBe(404);
    expect(download.body.error.code).toBe('NOT_FOUND');
  });
});
