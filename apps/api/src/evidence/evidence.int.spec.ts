import { TenantDb } from '@poa/db';
import { defaultPlaybook } from '@poa/domain';
import { addStaff, signupAgency, startTestApi, type TestApi } from '../../test/harness';
import { evidenceFacts, caseTemplateTexts } from '../common/case-evidence';
import { createCase, createClient, expectStatus, queryAsTenant } from '../cases/case-test-helpers';
import { clientWithPortalSession, emailsOf } from '../portal/portal-test-helpers';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('This program cannot be run in DOS mode.')]);

/** Playbooks per violation type, the evidence checklist of a case, and the documents the client sends from the portal. */
jest.setTimeout(120_000);

describe('playbooks and evidence', () => {
  let api: TestApi;
  let owner: { token: string; tenant: { id: string }; user: { id: string } };
  let admin: string;
  let writer: { token: string; user: { id: string } };
  let viewer: string;

  beforeAll(async () => {
    api = await startTestApi();
    owner = await signupAgency(api.http, 'Playbook Agency');
    admin = (await addStaff(api.http, owner.token, 'admin')).token;
    writer = await addStaff(api.http, owner.token, 'writer');
    viewer = (await addStaff(api.http, owner.token, 'viewer')).token;
  }, 180_000);
  afterAll(async () => {
    await api?.close();
  });

  async function upload(url: string, token: string, data: Buffer, fields: Record<string, string> = {}, name = 'invoice.pdf') {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(data)], { type: 'application/octet-stream' }), name);
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    const res = await fetch(`${api.baseUrl}${url}`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: res.status, body: (await res.json()) as any };
  }

  const playbookBody = (guidance: string, deadlineHours = 100) => {
    const base = defaultPlaybook('product_authenticity');
    return {
      ...base,
      deadlineHours,
      guidance,
      starterDraft: { ...base.starterDraft, summary: `[Our own summary prompt: ${guidance}.]` },
      evidence: [
        ...base.evidence,
        {
          key: 'purchase_orders',
          label: 'Purchase orders',
          proves: 'The purchase matches the invoice',
          required: true,
          askClient: true,
          accepts: ['pdf'],
          kind: 'other',
        },
      ],
    };
  };

  it('lists every violation type with the built-in playbook until the agency changes one', async () => {
    const list = await api.http.get('/api/v1/playbooks', viewer);
    expectStatus(list, 200);
    const authenticity = list.body.data.find((p: { violationType: string }) => p.violationType === 'product_authenticity');
    expect(authenticity).toMatchObject({ customised: false, path: 'poa', deadlineHours: 17 * 24, updatedAt: null });
    expect(authenticity.evidence.map((e: { key: string }) => e.key)).toEqual([
      'supplier_invoices',
      'letter_of_authorization',
      'supplier_details',
    ]);
    expect(list.body.data).toHaveLength(14);
    expectStatus(await api.http.get('/api/v1/playbooks/no_such_type', viewer), 404);
  });

  it('lets admins and owners change and reset a playbook; others are refused; bad bodies are 400 with the field', async () => {
    const body = playbookBody('Ask for the brand letter first');
    expectStatus(await api.http.put('/api/v1/playbooks/product_authenticity', body, writer.token), 403);
    expectStatus(await api.http.delete('/api/v1/playbooks/product_authenticity', writer.token), 403);
    expectStatus(await api.http.put('/api/v1/playbooks/no_such_type', body, admin), 404);

    const saved = await api.http.put('/api/v1/playbooks/late_shipment_rate', playbookBody('Late shipment notes', 48), admin);
    expectStatus(saved, 200);
    expect(saved.body).toMatchObject({
      violationType: 'late_shipment_rate',
      customised: true,
      guidance: 'Late shipment notes',
      deadlineHours: 48,
    });
    expect((await api.http.get('/api/v1/playbooks/late_shipment_rate', viewer)).body.customised).toBe(true);

    const reset = await api.http.delete('/api/v1/playbooks/late_shipment_rate', owner.token);
    expectStatus(reset, 200);
    expect(reset.body).toMatchObject({ customised: false, deadlineHours: 17 * 24 });
    expect((await api.http.get('/api/v1/playbooks/late_shipment_rate', viewer)).body).toEqual(reset.body);

    const bad = async (change: Record<string, unknown>, field: string) => {
      const res = await api.http.put('/api/v1/playbooks/product_authenticity', { ...body, ...change }, admin);
      expectStatus(res, 400);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    };
    await bad({ deadlineHours: 0 }, 'deadlineHours');
    await bad({ evidence: [...body.evidence, body.evidence[0]] }, `evidence.${body.evidence.length}.key`);
    await bad({ evidence: [{ ...body.evidence[0], key: 'Not A Key' }] }, 'evidence.0.key');
    await bad({ evidence: [{ ...body.evidence[0], accepts: ['exe'] }] }, 'evidence.0.accepts.0');
    await bad({ starterDraft: { ...body.starterDraft, rootCauses: [{ text: 1 }] } }, 'starterDraft.rootCauses.0.text');
    const audit = await api.http.get('/api/v1/audit-events', owner.token);
    expect(audit.body.data.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['settings.playbook_changed', 'settings.playbook_reset']),
    );
  });

  it('opens a case from its playbook; a later edit changes new cases only', async () => {
    const client = await createClient(api.http, owner.token, { name: 'Playbook Client' });
    const before = await createCase(api.http, owner.token, client.id, { title: 'Before the edit' });
    expectStatus(await api.http.put('/api/v1/playbooks/product_authenticity', playbookBody('Edited guidance', 100), admin), 200);
    const after = await createCase(api.http, owner.token, client.id, { title: 'After the edit' });
    const withDue = await createCase(api.http, owner.token, client.id, { title: 'Notice names a date', dueAt: '2026-12-01T00:00:00.000Z' });

    const keys = async (id: string) =>
      (await api.http.get(`/api/v1/cases/${id}/evidence`, viewer)).body.data.map((e: { key: string }) => e.key);
    expect(await keys(before.id)).toEqual(['supplier_invoices', 'letter_of_authorization', 'supplier_details']);
    expect(await keys(after.id)).toEqual(['supplier_invoices', 'letter_of_authorization', 'supplier_details', 'purchase_orders']);

    // The deadline when the notice names none: noticeReceivedAt + the playbook's hours.
    const due = async (id: string) => (await api.http.get(`/api/v1/cases/${id}`, viewer)).body.dueAt;
    expect(await due(before.id)).toBe(new Date(Date.parse('2026-11-20T10:00:00.000Z') + 17 * 24 * 3600_000).toISOString());
    expect(await due(after.id)).toBe(new Date(Date.parse('2026-11-20T10:00:00.000Z') + 100 * 3600_000).toISOString());
    expect(await due(withDue.id)).toBe('2026-12-01T00:00:00.000Z');

    // The starter draft it started from feeds the checker's template rule.
    const texts = await api.app
      .get(TenantDb)
      .transaction(async (tx) => ({ before: await caseTemplateTexts(tx, before.id), after: await caseTemplateTexts(tx, after.id) }), {
        tenantId: owner.tenant.id,
      });
    expect(texts.after).toContain('[Our own summary prompt: Edited guidance.]');
    expect(texts.before.some((t) => t.includes('Our own summary prompt'))).toBe(false);
    expect(texts.before.length).toBeGreaterThan(3);

    // Resetting the playbook leaves the case opened from the edited one as it was.
    expectStatus(await api.http.delete('/api/v1/playbooks/product_authenticity', admin), 200);
    expect(await keys(after.id)).toContain('purchase_orders');
  });

  it('ticks an item with an upload that names it, waives one with a reason, and keeps invoice and letter fields', async () => {
    const client = await createClient(api.http, owner.token, { name: 'Checklist Client' });
    const kase = await createCase(api.http, owner.token, client.id);
    const url = `/api/v1/cases/${kase.id}/attachments`;

    const unknown = await upload(url, writer.token, PDF, { evidenceKey: 'no_such_item' });
    expectStatus(unknown, 400);
    expect(unknown.body.error.details).toEqual([{ field: 'evidenceKey', message: expect.any(String) }]);
    expectStatus(await upload(url, writer.token, PDF, { evidenceKey: 'Bad Key!' }), 400);
    expectStatus(await upload(url, writer.token, EXE, { evidenceKey: 'supplier_invoices' }, 'x.exe'), 415);
    expectStatus(await upload(url, viewer, PDF, { evidenceKey: 'supplier_invoices' }), 403);

    const saved = await upload(url, writer.token, PDF, { evidenceKey: 'supplier_invoices' });
    expectStatus(saved, 201);
    expect(saved.body.evidenceKey).toBe('supplier_invoices');
    expectStatus(await upload(url, writer.token, PDF, {}, 'loose.pdf'), 201);

    const waived = await api.http.post(
      `/api/v1/cases/${kase.id}/evidence/supplier_details/waive`,
      { reason: 'On the invoice already' },
      writer.token,
    );
    expectStatus(waived, 200);
    expect(waived.body).toMatchObject({ status: 'waived', waivedReason: 'On the invoice already' });
    expectStatus(await api.http.post(`/api/v1/cases/${kase.id}/evidence/supplier_details/waive`, {}, writer.token), 400);
    expectStatus(await api.http.post(`/api/v1/cases/${kase.id}/evidence/nothing/waive`, { reason: 'no such item' }, writer.token), 404);
    expectStatus(await api.http.post(`/api/v1/cases/${kase.id}/evidence/supplier_details/waive`, { reason: 'viewer' }, viewer), 403);

    const list = await api.http.get(`/api/v1/cases/${kase.id}/evidence`, viewer);
    expectStatus(list, 200);
    expect(list.body.data).toEqual([
      expect.objectContaining({
        key: 'supplier_invoices',
        label: 'Supplier invoices',
        required: true,
        askClient: true,
        kind: 'invoice',
        status: 'provided',
        attachments: [{ id: saved.body.id, fileName: 'invoice.pdf', fromClient: false }],
        waivedReason: null,
      }),
      expect.objectContaining({ key: 'letter_of_authorization', status: 'missing', attachments: [], kind: 'authorisation' }),
      expect.objectContaining({ key: 'supplier_details', status: 'waived', waivedReason: 'On the invoice already' }),
    ]);
    const unwaived = await api.http.delete(`/api/v1/cases/${kase.id}/evidence/supplier_details/waive`, writer.token);
    expect(unwaived.body).toMatchObject({ status: 'missing', waivedReason: null });

    // Structured fields beside the file, validated by the item's kind.
    const invoice = {
      supplierName: 'Acme Wholesale Ltd',
      supplierAddress: '1 Trade Park, Leeds',
      supplierContact: '+44 113 000 0000',
      invoiceDate: '2026-09-14',
      quantity: 500,
      unitsSold: 430,
    };
    const typed = await api.http.put(`/api/v1/cases/${kase.id}/evidence/supplier_invoices/details`, invoice, writer.token);
    expectStatus(typed, 200);
    expect(typed.body.invoice).toEqual(invoice);
    const fieldOf = async (key: string, body: Record<string, unknown>) => {
      const res = await api.http.put(`/api/v1/cases/${kase.id}/evidence/${key}/details`, body, writer.token);
      expectStatus(res, 400);
      return res.body.error.details.map((d: { field: string }) => d.field);
    };
    expect(await fieldOf('supplier_invoices', { invoiceDate: '2026-13-01' })).toEqual(['invoiceDate']);
    expect(await fieldOf('supplier_invoices', { quantity: -1 })).toEqual(['quantity']);
    expect(await fieldOf('supplier_invoices', { rightsOwner: 'Brand' })).toEqual(['rightsOwner']);
    expect(await fieldOf('letter_of_authorization', { supplierName: 'x' })).toEqual(['supplierName']);
    expect(await fieldOf('supplier_details', { supplierName: 'x' })).toEqual(['supplierName']);
    const letter = { rightsOwner: 'Brand Co', sellerName: 'Checklist Client', explicit: true };
    expect(
      (await api.http.put(`/api/v1/cases/${kase.id}/evidence/letter_of_authorization/details`, letter, writer.token)).body.authorisation,
    ).toEqual(letter);

    // What the checker reads.
    const facts = await api.app.get(TenantDb).transaction((tx) => evidenceFacts(tx, kase.id), { tenantId: owner.tenant.id });
    expect(facts).toEqual([
      { key: 'supplier_invoices', label: 'Supplier invoices', required: true, status: 'provided', kind: 'invoice', invoice },
      {
        key: 'letter_of_authorization',
        label: 'Letter of authorization from the brand',
        required: true,
        status: 'missing',
        kind: 'authorisation',
        authorisation: letter,
      },
      { key: 'supplier_details', label: "Supplier's contact details", required: false, status: 'missing', kind: 'other' },
    ]);

    const events = await api.http.get(`/api/v1/cases/${kase.id}/events?limit=100`, viewer);
    expect(events.body.data.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['evidence.provided', 'evidence.waived', 'evidence.unwaived', 'evidence.details_updated']),
    );
  });

  it('portal: the client sees what is asked of them, uploads from the portal, the item is ticked and the assignee told', async () => {
    const x = await clientWithPortalSession(api.http, owner.token, 'Xena Imports');
    const y = await clientWithPortalSession(api.http, owner.token, 'Yuri Traders');
    const kase = await createCase(api.http, owner.token, x.client.id, { assigneeId: writer.user.id });
    const other = await signupAgency(api.http, 'Other Portal Agency');
    const otherContact = await clientWithPortalSession(api.http, other.token, 'Other Agency Client');

    const asked = await api.http.get(`/api/v1/portal/cases/${kase.id}/evidence`, x.portalToken);
    expectStatus(asked, 200);
    expect(asked.body.case).toEqual({ id: kase.id, reference: kase.reference, title: expect.any(String) });
    expect(asked.body.data.map((e: { key: string; status: string }) => [e.key, e.status])).toEqual([
      ['supplier_invoices', 'missing'],
      ['letter_of_authorization', 'missing'],
      ['supplier_details', 'missing'],
    ]);
    const requests = await api.http.get('/api/v1/portal/evidence-requests', x.portalToken);
    expect(requests.body.data).toEqual([{ caseId: kase.id, reference: kase.reference, title: expect.any(String), missing: 3 }]);

    // Another client's contact and another agency's contact see nothing and upload nothing.
    for (const token of [y.portalToken, otherContact.portalToken]) {
      expectStatus(await api.http.get(`/api/v1/portal/cases/${kase.id}/evidence`, token), 404);
      expectStatus(await upload(`/api/v1/portal/cases/${kase.id}/attachments`, token, PDF, { evidenceKey: 'supplier_invoices' }), 404);
    }
    expect((await api.http.get('/api/v1/portal/evidence-requests', y.portalToken)).body.data).toEqual([]);
    // Staff tokens are not portal tokens.
    expectStatus(await api.http.get(`/api/v1/portal/cases/${kase.id}/evidence`, owner.token), 403);

    const portalUrl = `/api/v1/portal/cases/${kase.id}/attachments`;
    expectStatus(await upload(portalUrl, x.portalToken, PDF), 400);
    expectStatus(await upload(portalUrl, x.portalToken, EXE, { evidenceKey: 'supplier_invoices' }, 'x.exe'), 415);
    const notAsked = await createCase(api.http, owner.token, x.client.id, { violationType: 'late_shipment_rate', title: 'Late' });
    const refused = await upload(`/api/v1/portal/cases/${notAsked.id}/attachments`, x.portalToken, PDF, { evidenceKey: 'handling_time' });
    expectStatus(refused, 400);
    expect(refused.body.error.details[0].field).toBe('evidenceKey');

    const sent = await upload(portalUrl, x.portalToken, PDF, { evidenceKey: 'supplier_invoices' }, 'invoice-from-phone.pdf');
    expectStatus(sent, 201);
    expect(sent.body).toMatchObject({ fileName: 'invoice-from-phone.pdf', evidenceKey: 'supplier_invoices', status: 'provided' });

    const staffView = (await api.http.get(`/api/v1/cases/${kase.id}/evidence`, viewer)).body.data[0];
    expect(staffView).toMatchObject({
      key: 'supplier_invoices',
      status: 'provided',
      attachments: [{ id: sent.body.id, fromClient: true }],
    });
    const portalView = (await api.http.get(`/api/v1/portal/cases/${kase.id}/evidence`, x.portalToken)).body.data[0];
    expect(portalView).toMatchObject({ status: 'provided', attachments: [{ id: sent.body.id, fileName: 'invoice-from-phone.pdf' }] });
    const open = (await api.http.get('/api/v1/portal/evidence-requests', x.portalToken)).body.data;
    expect(open.find((r: { caseId: string }) => r.caseId === kase.id).missing).toBe(2);

    // The assignee: an in-app notification and an e-mail.
    const notifications = await api.http.get('/api/v1/notifications', writer.token);
    expect(notifications.body.data[0]).toMatchObject({ kind: 'evidence_received', caseId: kase.id });
    expect(notifications.body.data[0].title).toContain('supplier invoices');
    const mails = await emailsOf(api.config.DATABASE_URL, owner.tenant.id);
    expect(mails.some((m) => m.payload.subject === notifications.body.data[0].title)).toBe(true);
    // Nobody else was told.
    expect((await api.http.get('/api/v1/notifications', admin)).body.data).toEqual([]);

    // E-mail off: the notification still arrives, no e-mail.
    expectStatus(await api.http.put('/api/v1/me/preferences', { email: { evidence_received: false } }, writer.token), 200);
    const before = (await emailsOf(api.config.DATABASE_URL, owner.tenant.id)).length;
    expectStatus(await upload(portalUrl, x.portalToken, PDF, { evidenceKey: 'letter_of_authorization' }, 'loa.pdf'), 201);
    expect((await emailsOf(api.config.DATABASE_URL, owner.tenant.id)).length).toBe(before);
    expect((await api.http.get('/api/v1/notifications', writer.token)).body.data).toHaveLength(2);
    const rows = await queryAsTenant(
      api.config.DATABASE_URL,
      owner.tenant.id,
      `SELECT uploaded_by_type FROM attachments WHERE case_id = $1`,
      [kase.id],
    );
    expect(rows).toEqual([{ uploaded_by_type: 'contact' }, { uploaded_by_type: 'contact' }]);
  });
});
