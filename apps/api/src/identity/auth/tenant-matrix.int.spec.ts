import { TenantDb } from '@poa/db';
import { addStaff, createApiKey, signupAgency, startTestApi, type TestApi } from '../../../test/harness';
import { createCase, createClient, createContact, draftBody, transition } from '../../cases/case-test-helpers';
import { insertDecidedCases } from '../../seed/seed-results';

/**
 * The two-tenant matrix: every endpoint of the OpenAPI document that takes an id, called by tenant B's owner
 * token and by B's all-scopes API key with tenant A's ids. Each answer must be 404 (403 only where the
 * principal may not call the endpoint at all) and must not contain anything of A's. A new endpoint with a
 * path parameter fails this test until it is added to SAMPLE_BODIES (so none escapes the matrix).
 */
const MULTIPART = Symbol('multipart upload');
const SAMPLE_BODIES: Record<string, unknown> = {
  'POST /api/v1/cases/{id}/attachments': MULTIPART,
  'PATCH /api/v1/clients/{id}': { name: 'renamed by B' },
  'DELETE /api/v1/clients/{id}': undefined,
  'GET /api/v1/clients/{id}': undefined,
  'GET /api/v1/clients/{id}/contacts': undefined,
  'POST /api/v1/clients/{id}/contacts': { name: 'Intruder', email: 'intruder@example.test' },
  'PATCH /api/v1/clients/{id}/contacts/{contactId}': { name: 'renamed by B' },
  'DELETE /api/v1/clients/{id}/contacts/{contactId}': undefined,
  'POST /api/v1/clients/{id}/contacts/{contactId}/login-links': {},
  'GET /api/v1/cases/{id}': undefined,
  'PATCH /api/v1/cases/{id}': { title: 'renamed by B' },
  'GET /api/v1/cases/{id}/drafts': undefined,
  'POST /api/v1/cases/{id}/drafts': draftBody(1, 'written by B'),
  'GET /api/v1/cases/{id}/drafts/{version}': undefined,
  'GET /api/v1/cases/{id}/drafts/{version}/diff': undefined,
  'POST /api/v1/cases/{id}/drafts/{version}/restore': { baseVersion: 1 },
  'POST /api/v1/cases/{id}/drafts/from-example': { exampleId: '00000000-0000-4000-8000-000000000000' },
  'GET /api/v1/cases/{id}/drafts/{version}/pdf': undefined,
  'GET /api/v1/cases/{id}/drafts/{version}/submission': undefined,
  'GET /api/v1/cases/{id}/drafts/{version}/findings': undefined,
  'GET /api/v1/cases/{id}/submissions': undefined,
  'POST /api/v1/cases/{id}/transitions': { action: 'submit_for_review' },
  'POST /api/v1/cases/{id}/portal-links': { contactId: '00000000-0000-4000-8000-000000000000' },
  'GET /api/v1/cases/{id}/comments': undefined,
  'POST /api/v1/cases/{id}/comments': { body: 'B was here', visibility: 'internal' },
  'GET /api/v1/cases/{id}/comments/{commentId}': undefined,
  'GET /api/v1/cases/{id}/events': undefined,
  'GET /api/v1/cases/{id}/attachments': undefined,
  'GET /api/v1/cases/{id}/evidence': undefined,
  'POST /api/v1/cases/{id}/evidence/{key}/waive': { reason: 'waived by B' },
  'DELETE /api/v1/cases/{id}/evidence/{key}/waive': undefined,
  'PUT /api/v1/cases/{id}/evidence/{key}/details': { supplierName: 'typed by B' },
  'GET /api/v1/cases/{id}/attachments/{attachmentId}': undefined,
  'GET /api/v1/cases/{id}/pdf': undefined,
  'POST /api/v1/cases/{id}/pdf/retry': undefined,
  'GET /api/v1/cases/{id}/retraction': undefined,
  'PUT /api/v1/cases/{id}/retraction': { status: 'contacted', rightsOwner: 'set by B' },
  'GET /api/v1/cases/{id}/retraction/letter': undefined,
  'GET /api/v1/cases/{id}/listing-fixes': undefined,
  'PUT /api/v1/cases/{id}/listing-fixes': { items: [{ change: 'changed by B', confirmed: true }] },
  'GET /api/v1/cases/{id}/compliance-documents': undefined,
  'PUT /api/v1/cases/{id}/compliance-documents': { items: [{ label: 'set by B' }] },
  'PATCH /api/v1/users/{id}': { name: 'renamed by B' },
  'POST /api/v1/users/{id}/deactivate': {},
  'DELETE /api/v1/api-keys/{id}': undefined,
  'GET /api/v1/webhooks/{id}': undefined,
  'PATCH /api/v1/webhooks/{id}': { enabled: false },
  'DELETE /api/v1/webhooks/{id}': undefined,
  'GET /api/v1/webhooks/{id}/deliveries': undefined,
  'POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver': {},
  'POST /api/v1/webhooks/{id}/test': {},
  'POST /api/v1/notifications/{id}/read': {},
  'GET /api/v1/tenant/exports/{exportId}': undefined,
  'GET /api/v1/tenant/exports/{exportId}/archive': undefined,
  'GET /api/v1/follow-ups/{id}': undefined,
  'PATCH /api/v1/follow-ups/{id}': { owner: 'changed by B' },
  'GET /api/v1/follow-ups/{id}/check-ins': undefined,
  'POST /api/v1/follow-ups/{id}/check-ins': { result: 'problem', note: 'B was here' },
  'GET /api/v1/clients/{id}/safety-net.pdf': undefined,
  'GET /api/v1/clients/{id}/safety-net.csv': undefined,
};

/** Query strings that choose another answer of the same endpoint; each is walked too. */
const VARIANTS: Record<string, string[]> = {
  'GET /api/v1/cases/{id}/pdf': ['?variant=amazon', '?variant=certificate'],
  'GET /api/v1/cases/{id}/drafts/{version}/pdf': ['?variant=amazon', '?variant=certificate'],
  'GET /api/v1/cases/{id}/drafts/{version}/submission': ['?format=text'],
};

/** Paths whose parameter is not an id of A's (B acts in its own namespace) are checked separately. */
const OWN_NAMESPACE = new Set([
  'PUT /api/v1/clients/by-external-id/{externalId}',
  'PUT /api/v1/cases/by-external-id/{externalId}',
  'GET /api/v1/playbooks/{violationType}',
  'PUT /api/v1/playbooks/{violationType}',
  'DELETE /api/v1/playbooks/{violationType}',
]);

async function upload(url: string, token: string) {
  const form = new FormData();
  form.append('file', new Blob([Buffer.from('%PDF-1.4\n%from B\n')], { type: 'application/pdf' }), 'b.pdf');
  const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: res.status, body: await res.text() };
}

describe('two-tenant matrix: tenant B never reaches tenant A', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('answers 404 (or 403 where the principal may not call at all) for every A resource, and leaks nothing', async () => {
    const { http } = api;
    const a = await signupAgency(http, 'Agency A');
    const aWriter = await addStaff(http, a.token, 'writer');
    const aKey = await createApiKey(http, a.token, ['cases:read']);
    const aKeyId = (await http.get('/api/v1/api-keys', a.token)).body.data[0].id as string;
    const webhook = await http.post('/api/v1/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['case.created'] }, a.token);
    expect(webhook.status).toBe(201);
    const client = await createClient(http, a.token, { name: 'Secret Client of A', externalId: 'crm-a-1' });
    const contact = await createContact(http, a.token, client.id, 'Alice Contact');
    const kase = await createCase(http, a.token, client.id, { title: 'Secret case of A', externalId: 'ticket-a-1' });
    await transition(http, a.token, kase.id, { action: 'start_drafting' });
    await http.post(`/api/v1/cases/${kase.id}/drafts`, draftBody(0, 'Secret summary of A'), a.token);
    const retraction = await http.put(
      `/api/v1/cases/${kase.id}/retraction`,
      { status: 'agreed', rightsOwner: 'Secret owner of A' },
      a.token,
    );
    expect(retraction.status).toBe(200);
    const comment = (await http.post(`/api/v1/cases/${kase.id}/comments`, { body: 'Secret comment of A', visibility: 'internal' }, a.token))
      .body;
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.4\n%secret of A\n')], { type: 'application/pdf' }), 'secret-a.pdf');
    form.append('evidenceKey', 'supplier_invoices');
    const attachment = (await (
      await fetch(`${api.baseUrl}/api/v1/cases/${kase.id}/attachments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${a.token}` },
        body: form,
      })
    ).json()) as { id: string };
    expect(attachment.id).toBeDefined();
    const details = await http.put(
      `/api/v1/cases/${kase.id}/evidence/supplier_invoices/details`,
      { supplierName: 'Secret supplier of A' },
      a.token,
    );
    expect(details.status).toBe(200);
    const { starterDraft, evidence, deadlineHours } = (await http.get('/api/v1/playbooks/product_authenticity', a.token)).body;
    const ownPlaybook = { starterDraft, evidence, deadlineHours, guidance: 'Secret guidance of A' };
    expect((await http.put('/api/v1/playbooks/product_authenticity', ownPlaybook, a.token)).status).toBe(200);
    const deliveries = await http.get(`/api/v1/webhooks/${webhook.body.id}/deliveries`, a.token);
    const deliveryId = deliveries.body.data[0]?.id as string;
    expect(deliveryId).toBeDefined();
    // A reminder of A's writer, as the worker's scheduler writes it.
    const [notification] = await api.app
      .get(TenantDb)
      .transaction(
        (tx) =>
          tx.query<{ id: string }>(
            `INSERT INTO notifications (tenant_id, user_id, kind, case_id, title, body) VALUES ($1, $2, 'overdue', $3, 'Secret reminder of A', 'x') RETURNING id`,
            [a.tenant.id, aWriter.user.id, kase.id],
          ),
        { tenantId: a.tenant.id },
      );
    // A safety net of A's, as an approval writes it, with one check.
    const [followUp] = await api.app.get(TenantDb).transaction(
      async (tx) => {
        const [version] = await tx.query<{ id: string }>(`SELECT id FROM draft_versions WHERE case_id = $1`, [kase.id]);
        const rows = await tx.query<{ id: string }>(
          `INSERT INTO follow_ups (tenant_id, case_id, client_id, draft_version_id, measure, frequency, owner, cadence, cadence_source, next_due_at)
           VALUES ($1, $2, $3, $4, 'Secret measure of A', 'weekly', 'Secret owner of A', '{"every":1,"unit":"week"}', 'parsed', now()) RETURNING id`,
          [a.tenant.id, kase.id, client.id, version.id],
        );
        await tx.query(
          `INSERT INTO follow_up_check_ins (tenant_id, follow_up_id, case_id, result, note, checked_at, actor_type, actor_name)
           VALUES ($1, $2, $3, 'done', 'Secret check of A', now(), 'user', 'A')`,
          [a.tenant.id, rows[0].id, kase.id],
        );
        return rows;
      },
      { tenantId: a.tenant.id },
    );
    const tenantExport = await http.post('/api/v1/tenant/export', {}, a.token);
    expect(tenantExport.status).toBe(202);
    const aIds = [
      notification.id,
      client.id,
      contact.id,
      kase.id,
      kase.reference,
      comment.id,
      attachment.id,
      aWriter.user.id,
      aKeyId,
      a.tenant.id,
      webhook.body.id,
      deliveryId,
      tenantExport.body.id as string,
      followUp.id,
    ];
    const aSecrets = [
      'Secret reminder of A',
      'Secret Client of A',
      'Secret case of A',
      'Secret summary of A',
      'Secret comment of A',
      'Alice Contact',
      'Secret owner of A',
      'Secret measure of A',
      'Secret check of A',
      'Secret supplier of A',
      'Secret guidance of A',
    ];

    const b = await signupAgency(http, 'Agency B');
    const bKey = await createApiKey(http, b.token, ['clients:read', 'clients:write', 'cases:read', 'cases:write', 'webhooks:manage']);

    const doc = (await http.get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const params: Record<string, string> = {
      contactId: contact.id,
      commentId: comment.id,
      attachmentId: attachment.id,
      version: '1',
      externalId: 'crm-a-1',
      deliveryId,
      exportId: tenantExport.body.id as string,
      key: 'supplier_invoices',
    };
    const idFor = (path: string) =>
      path.startsWith('/api/v1/clients/')
        ? client.id
        : path.startsWith('/api/v1/cases/')
          ? kase.id
          : path.startsWith('/api/v1/users/')
            ? aWriter.user.id
            : path.startsWith('/api/v1/api-keys/')
              ? aKeyId
              : path.startsWith('/api/v1/webhooks/')
                ? (webhook.body.id as string)
                : path.startsWith('/api/v1/notifications/')
                  ? notification.id
                  : path.startsWith('/api/v1/follow-ups/')
                    ? followUp.id
                    : undefined;

    const unmapped: string[] = [];
    const failures: string[] = [];
    let calls = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (!path.includes('{') || path.startsWith('/api/v1/portal/')) continue;
      for (const method of Object.keys(methods)) {
        const key = `${method.toUpperCase()} ${path}`;
        if (OWN_NAMESPACE.has(key)) continue;
        if (!(key in SAMPLE_BODIES)) {
          unmapped.push(key);
          continue;
        }
        const base =
          path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'id' ? idFor(path) : params[name]) ?? `MISSING-${name}`) +
          (path.endsWith('/diff') ? '?against=1' : '');
        for (const [who, token, url] of [
          ['B owner', b.token],
          ['B api key', bKey],
        ].flatMap(([who, token]) => [base, ...(VARIANTS[key] ?? []).map((q) => base + q)].map((url) => [who, token, url] as const))) {
          const res =
            SAMPLE_BODIES[key] === MULTIPART
              ? await upload(api.baseUrl + url, token)
              : await http.request(method.toUpperCase(), url, { token, body: SAMPLE_BODIES[key] });
          calls++;
          const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
          const leaked = [...aIds, ...aSecrets].filter((s) => text.includes(s) && !url.includes(s));
          const allowed = who === 'B owner' ? [404] : [404, 403];
          if (!allowed.includes(res.status) || leaked.length)
            failures.push(
              `${who} ${key}${url.slice(base.length)}: ${res.status} ${leaked.length ? `leaked ${leaked.join(',')}` : ''} ${text.slice(0, 120)}`,
            );
        }
      }
    }
    expect(unmapped).toEqual([]);
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThan(40);

    // B's upsert by A's external id creates B's own client; A's stays as it was.
    const upsert = await http.put('/api/v1/clients/by-external-id/crm-a-1', { name: 'B client' }, b.token);
    expect([200, 201]).toContain(upsert.status);
    expect(upsert.body.id).not.toBe(client.id);
    // B's case upsert by A's ticket id opens B's own case (for B's client); A's client id is no client of B's.
    const caseUpsert = (clientId: string) =>
      http.put(
        '/api/v1/cases/by-external-id/ticket-a-1',
        {
          clientId,
          title: 'B case',
          violationType: 'product_authenticity',
          marketplace: 'US',
          noticeReceivedAt: '2026-11-20T10:00:00.000Z',
        },
        b.token,
      );
    const byAClient = await caseUpsert(client.id);
    expect(byAClient.status).toBe(400);
    expect(JSON.stringify(byAClient.body)).not.toContain('Secret');
    const bCase = await caseUpsert(upsert.body.id);
    expect(bCase.status).toBe(201);
    expect(bCase.body.id).not.toBe(kase.id);
    const aClient = await http.get(`/api/v1/clients/${client.id}`, a.token);
    expect(aClient.body.name).toBe('Secret Client of A');
    const aCase = await http.get(`/api/v1/cases/${kase.id}`, a.token);
    expect(aCase.body.title).toBe('Secret case of A');
    expect(aCase.body.status).toBe('drafting');
    expect((await http.get(`/api/v1/cases/${kase.id}/retraction`, a.token)).body).toMatchObject({
      status: 'agreed',
      rightsOwner: 'Secret owner of A',
    });
    expect((await http.get(`/api/v1/cases/${kase.id}/listing-fixes`, a.token)).body).toEqual({ items: [] });
    expect((await http.get(`/api/v1/cases/${kase.id}/compliance-documents`, a.token)).body).toEqual({ items: [] });
    expect((await http.get('/api/v1/me', aWriter.token)).status).toBe(200);
    expect((await http.get(`/api/v1/cases/${kase.id}`, aKey)).status).toBe(200);
    const aFollowUp = await http.get(`/api/v1/follow-ups/${followUp.id}`, a.token);
    expect(aFollowUp.body).toMatchObject({ owner: 'Secret owner of A', lastCheckIn: { note: 'Secret check of A' } });

    // B's playbooks are its own: B reads the default, and B's change and reset leave A's copy alone.
    const bPlaybook = await http.get('/api/v1/playbooks/product_authenticity', b.token);
    expect([bPlaybook.status, bPlaybook.body.customised, JSON.stringify(bPlaybook.body).includes('Secret')]).toEqual([200, false, false]);
    expect((await http.delete('/api/v1/playbooks/product_authenticity', b.token)).status).toBe(200);
    expect((await http.get('/api/v1/playbooks/product_authenticity', a.token)).body.guidance).toBe('Secret guidance of A');
    expect((await http.get(`/api/v1/cases/${kase.id}/evidence`, a.token)).body.data[0]).toMatchObject({
      key: 'supplier_invoices',
      status: 'provided',
      invoice: expect.objectContaining({ supplierName: 'Secret supplier of A' }),
    });

    // Lists never show A's rows to B.
    for (const list of [
      '/api/v1/clients',
      '/api/v1/cases',
      '/api/v1/users',
      '/api/v1/audit-events',
      '/api/v1/api-keys',
      '/api/v1/webhooks',
      '/api/v1/playbooks',
      `/api/v1/cases?q=${encodeURIComponent('Secret')}`,
      '/api/v1/follow-ups',
      `/api/v1/follow-ups?clientId=${client.id}`,
    ]) {
      const res = await http.get(list, b.token);
      const text = JSON.stringify(res.body);
      expect([list, res.status, aSecrets.filter((s) => text.includes(s))]).toEqual([list, 200, []]);
    }

    // Reports and the library of plans that won: A's decided cases never count for B, A's examples never reach B.
    const [won] = await api.app.get(TenantDb).transaction(
      (tx) =>
        insertDecidedCases(tx, [
          {
            clientId: client.id,
            contact: { id: contact.id, name: contact.name, email: contact.email },
            assignee: { id: aWriter.user.id, name: 'writer person' },
            title: 'Secret case of A',
            violationType: 'order_defect_rate',
            path: 'poa',
            marketplace: 'US',
            asins: ['B0SECRETA1'],
            orderIds: [],
            noticeText: 'Secret notice of A',
            noticeReceivedAt: new Date('2026-03-01T12:00:00Z'),
            rounds: [
              {
                sections: (({ baseVersion: _b, ...sections }) => sections)(draftBody(0, 'Secret summary of A')),
                submittedAt: new Date('2026-03-05T12:00:00Z'),
                outcomeAt: new Date('2026-03-09T12:00:00Z'),
                outcome: 'reinstated',
                amazonResponse: 'Reinstated',
              },
            ],
          },
        ]),
      { tenantId: a.tenant.id },
    );
    const example = (await http.get('/api/v1/library', a.token)).body.data[0];
    expect(example.sections.summary).toBe('Secret summary of A');
    for (const list of ['/api/v1/reports/outcomes', '/api/v1/reports/findings', '/api/v1/library']) {
      const res = await http.get(list, b.token);
      const text = JSON.stringify(res.body);
      expect([list, res.status, aSecrets.filter((s) => text.includes(s)), text.includes(example.id)]).toEqual([list, 200, [], false]);
    }
    expect((await http.get('/api/v1/reports/outcomes', b.token)).body.total.decided).toBe(0);
    expect((await http.get('/api/v1/reports/outcomes', a.token)).body.total.decided).toBe(1);
    const bOwnClient = await createClient(http, b.token, { name: 'B own client' });
    const bOwnCase = await createCase(http, b.token, bOwnClient.id);
    await transition(http, b.token, bOwnCase.id, { action: 'start_drafting' });
    const fromA = await http.post(`/api/v1/cases/${bOwnCase.id}/drafts/from-example`, { exampleId: example.id }, b.token);
    expect([fromA.status, aSecrets.filter((s) => JSON.stringify(fromA.body).includes(s))]).toEqual([404, []]);
    expect(won.reference).toMatch(/^POA-2026-/);
  }, 60_000);
});
