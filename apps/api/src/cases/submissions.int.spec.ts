import { addStaff, createApiKey, signupAgency, startTestApi, type TestApi } from '../../test/harness';
import { clientWithPortalSession } from '../portal/portal-test-helpers';
import { createCase, createClient, createContact, draftBody, expectStatus, transition } from './case-test-helpers';

/** Seller Central: field limits (a tenant setting), the submission pack of a version, and what mark_submitted freezes. */
describe('Seller Central submission pack and frozen submissions', () => {
  let api: TestApi;
  let owner: Awaited<ReturnType<typeof signupAgency>>;

  beforeAll(async () => {
    api = await startTestApi();
    owner = await signupAgency(api.http, 'Submission Agency');
  });
  afterAll(() => api?.close());

  /** A case with a richer v1: two root causes, dates, owners and one cited invoice. */
  async function caseWithDraft(token = owner.token) {
    const client = await createClient(api.http, token, { name: 'Northwind Home Goods LLC' });
    const kase = await createCase(api.http, token, client.id, { asins: ['B00TEST001', 'B00TEST002'] });
    expectStatus(await transition(api.http, token, kase.id, { action: 'start_drafting' }), 200);
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.4\n%invoice\n')], { type: 'application/pdf' }), 'invoice-calder-2026-02.pdf');
    const upload = await fetch(`${api.baseUrl}/api/v1/cases/${kase.id}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const attachment = (await upload.json()) as { id: string };
    const draft = {
      ...draftBody(0, 'Buyers reported B00TEST001 as inauthentic.'),
      rootCauses: [
        { text: 'We bought 200 units\nfrom a liquidation lot.' },
        { text: 'Nobody checked the supplier against the brand list.' },
      ],
      supportingDocuments: [{ attachmentId: attachment.id, description: 'Invoice from Calder Cookware for 500 units' }],
    };
    expectStatus(await api.http.post(`/api/v1/cases/${kase.id}/drafts`, draft, token), 201);
    return { ...kase, clientId: client.id, attachmentId: attachment.id };
  }

  describe('field limits setting', () => {
    it('has no limits by default, stores the ones given and answers them to every staff role and cases:read keys', async () => {
      const agency = await signupAgency(api.http, 'Limits Agency');
      expect((await api.http.get('/api/v1/settings/submission', agency.token)).body).toEqual({
        limits: { root_cause: null, corrective_actions: null, preventive_measures: null, additional_information: null },
      });
      const put = await api.http.put('/api/v1/settings/submission', { limits: { root_cause: 1500, preventive_measures: 0 } }, agency.token);
      expectStatus(put, 200);
      expect(put.body.limits).toEqual({ root_cause: 1500, corrective_actions: null, preventive_measures: 0, additional_information: null });
      const viewer = await addStaff(api.http, agency.token, 'viewer');
      expect((await api.http.get('/api/v1/settings/submission', viewer.token)).body.limits.root_cause).toBe(1500);
      const key = await createApiKey(api.http, agency.token, ['cases:read']);
      expect((await api.http.get('/api/v1/settings/submission', key)).body.limits.root_cause).toBe(1500);
      // Replacing: a field left out has no limit any more.
      expectStatus(await api.http.put('/api/v1/settings/submission', { limits: { corrective_actions: 900 } }, agency.token), 200);
      expect((await api.http.get('/api/v1/settings/submission', agency.token)).body.limits).toEqual({
        root_cause: null,
        corrective_actions: 900,
        preventive_measures: null,
        additional_information: null,
      });
      // Another agency's limits are its own.
      expect((await api.http.get('/api/v1/settings/submission', owner.token)).body.limits.corrective_actions).toBeNull();
    });

    it.each([
      [{ limits: { root_cause: -1 } }, 'limits.root_cause'],
      [{ limits: { corrective_actions: 12.5 } }, 'limits.corrective_actions'],
      [{ limits: { preventive_measures: '500' } }, 'limits.preventive_measures'],
      [{ limits: { summary: 100 } }, 'limits'],
      [{ limits: null }, 'limits'],
      [{}, 'limits'],
      [{ limits: {}, extra: true }, 'extra'],
    ])('refuses %j with 400 naming %s', async (body, field) => {
      const res = await api.http.put('/api/v1/settings/submission', body, owner.token);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('lets only admins change the limits', async () => {
      const writer = await addStaff(api.http, owner.token, 'writer');
      expect((await api.http.put('/api/v1/settings/submission', { limits: {} }, writer.token)).status).toBe(403);
      const key = await createApiKey(api.http, owner.token, ['cases:write', 'cases:read']);
      expect((await api.http.put('/api/v1/settings/submission', { limits: {} }, key)).status).toBe(403);
      expect((await api.http.get('/api/v1/settings/submission')).status).toBe(401);
    });
  });

  describe('GET /cases/{id}/drafts/{version}/submission', () => {
    it('lays the version out as the four Seller Central fields with counts, limits and the documents to attach', async () => {
      const agency = await signupAgency(api.http, 'Pack Agency');
      expectStatus(await api.http.put('/api/v1/settings/submission', { limits: { root_cause: 40 } }, agency.token), 200);
      const kase = await caseWithDraft(agency.token);
      const res = await api.http.get(`/api/v1/cases/${kase.id}/drafts/1/submission`, agency.token);
      expectStatus(res, 200);
      expect(res.body.fields.map((f: { key: string }) => f.key)).toEqual([
        'root_cause',
        'corrective_actions',
        'preventive_measures',
        'additional_information',
      ]);
      const [root, actions, measures, info] = res.body.fields;
      expect(root).toEqual({
        key: 'root_cause',
        label: 'Root cause',
        text: '1. We bought 200 units from a liquidation lot.\n2. Nobody checked the supplier against the brand list.',
        characters: 101,
        limit: 40,
      });
      expect(actions.text).toBe('1. We removed the 34 remaining units from sale on 2026-11-21. Completed 21 Nov 2026.');
      expect(measures.text).toBe(
        '1. Every supplier is verified against the brand registry before a purchase. Owner: Head of sourcing; in place since 22 Nov 2026; checked every purchase order.',
      );
      expect(info.text).toContain('ASINs concerned: B00TEST001, B00TEST002.');
      expect(info.text).toContain('1. invoice-calder-2026-02.pdf: Invoice from Calder Cookware for 500 units');
      expect(info.limit).toBeNull();
      expect(res.body.attachments).toEqual([
        { id: kase.attachmentId, fileName: 'invoice-calder-2026-02.pdf', proves: 'Invoice from Calder Cookware for 500 units' },
      ]);
      // The checker of the same version warns about the field over its limit.
      const version = await api.http.get(`/api/v1/cases/${kase.id}/drafts/1`, agency.token);
      expect(version.body.checks).toContainEqual(
        expect.objectContaining({ rule: 'field_over_limit', severity: 'warning', section: 'rootCauses' }),
      );
      expectStatus(await api.http.put('/api/v1/settings/submission', { limits: {} }, agency.token), 200);
      const unlimited = await api.http.get(`/api/v1/cases/${kase.id}/drafts/1`, agency.token);
      expect(unlimited.body.checks.filter((c: { rule: string }) => c.rule === 'field_over_limit')).toEqual([]);
    });

    it('answers plain text, one heading per field, for Accept: text/plain or format=text', async () => {
      const kase = await caseWithDraft();
      const url = `/api/v1/cases/${kase.id}/drafts/1/submission`;
      const byAccept = await api.http.request('GET', url, { token: owner.token, headers: { accept: 'text/plain' } });
      expectStatus(byAccept, 200);
      expect(byAccept.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = byAccept.body as string;
      expect(text).toMatch(/^ROOT CAUSE \(101 characters\)\n1\. We bought 200 units from a liquidation lot\.\n2\. Nobody/);
      for (const heading of ['CORRECTIVE ACTIONS TAKEN', 'PREVENTIVE MEASURES', 'ADDITIONAL INFORMATION'])
        expect(text).toMatch(new RegExp(`\\n${heading} \\(\\d+ characters\\)\\n`));
      const byQuery = await api.http.get(`${url}?format=text`, owner.token);
      expect(byQuery.body).toBe(text);
      // format wins over Accept; JSON stays the default.
      const json = await api.http.request('GET', `${url}?format=json`, { token: owner.token, headers: { accept: 'text/plain' } });
      expect(json.headers.get('content-type')).toMatch(/^application\/json/);
      expect((await api.http.get(url, owner.token)).body.fields).toHaveLength(4);
    });

    it('refuses bad input with 400 and unknown cases or versions with 404', async () => {
      const kase = await caseWithDraft();
      const bad = await api.http.get(`/api/v1/cases/${kase.id}/drafts/1/submission?format=xml`, owner.token);
      expect(bad.status).toBe(400);
      expect(bad.body.error.details[0].field).toBe('format');
      expect((await api.http.get(`/api/v1/cases/${kase.id}/drafts/0/submission`, owner.token)).status).toBe(400);
      expect((await api.http.get(`/api/v1/cases/not-a-uuid/drafts/1/submission`, owner.token)).status).toBe(400);
      expect((await api.http.get(`/api/v1/cases/${kase.id}/drafts/7/submission`, owner.token)).status).toBe(404);
      expect((await api.http.get(`/api/v1/cases/${crypto.randomUUID()}/drafts/1/submission`, owner.token)).status).toBe(404);
      expect((await api.http.get(`/api/v1/cases/${kase.id}/drafts/1/submission`)).status).toBe(401);
    });
  });

  describe('mark_submitted freezes what was sent', () => {
    async function approvedCase() {
      const kase = await caseWithDraft();
      const contact = await createContact(api.http, owner.token, kase.clientId, 'Dana Approver');
      for (const action of ['submit_for_review', 'approve_internal'])
        expectStatus(await transition(api.http, owner.token, kase.id, { action }), 200);
      expectStatus(
        await transition(api.http, owner.token, kase.id, { action: 'client_approve', contactId: contact.id, fullName: 'Dana Approver' }),
        200,
      );
      return kase;
    }

    it('records round, version, SHA-256, channel, who and the fields; lists them newest first; the timeline shows each', async () => {
      const kase = await approvedCase();
      const writer = await addStaff(api.http, owner.token, 'writer');
      expectStatus(await transition(api.http, writer.token, kase.id, { action: 'mark_submitted' }), 200);
      const version1 = (await api.http.get(`/api/v1/cases/${kase.id}/drafts/1`, owner.token)).body;
      const pack1 = (await api.http.get(`/api/v1/cases/${kase.id}/drafts/1/submission`, owner.token)).body;
      let list = await api.http.get(`/api/v1/cases/${kase.id}/submissions`, owner.token);
      expectStatus(list, 200);
      expect(list.body.data).toEqual([
        {
          id: expect.any(String),
          round: 1,
          version: 1,
          sha256: version1.contentSha256,
          channel: 'seller_central_form',
          submittedAt: expect.any(String),
          submittedBy: { type: 'user', id: writer.user.id, name: writer.user.name },
          fields: pack1.fields,
        },
      ]);
      const approval = (await api.http.get(`/api/v1/cases/${kase.id}`, owner.token)).body.approval;
      expect(list.body.data[0].sha256).toBe(approval.contentSha256);

      // Round two: Amazon asks for more, v2 is written, approved and e-mailed.
      expectStatus(
        await transition(api.http, owner.token, kase.id, {
          action: 'record_outcome',
          outcome: 'more_info_requested',
          amazonResponse: 'Provide invoices.',
        }),
        200,
      );
      expectStatus(await transition(api.http, owner.token, kase.id, { action: 'start_drafting' }), 200);
      const v2 = { ...draftBody(1, 'Round two summary with the invoices Amazon asked for.') };
      expectStatus(await api.http.post(`/api/v1/cases/${kase.id}/drafts`, v2, owner.token), 201);
      for (const action of ['submit_for_review', 'approve_internal'])
        expectStatus(await transition(api.http, owner.token, kase.id, { action }), 200);
      const contactId = (await api.http.get(`/api/v1/clients/${kase.clientId}/contacts`, owner.token)).body.data[0].id;
      expectStatus(
        await transition(api.http, owner.token, kase.id, { action: 'client_approve', contactId, fullName: 'Dana Approver' }),
        200,
      );
      // Limits changed after the first submission do not change what was recorded then.
      expectStatus(await api.http.put('/api/v1/settings/submission', { limits: { root_cause: 10 } }, owner.token), 200);
      expectStatus(await transition(api.http, owner.token, kase.id, { action: 'mark_submitted', channel: 'email' }), 200);
      expectStatus(await api.http.put('/api/v1/settings/submission', { limits: {} }, owner.token), 200);

      list = await api.http.get(`/api/v1/cases/${kase.id}/submissions`, owner.token);
      expect(list.body.data.map((s: { round: number; version: number; channel: string }) => [s.round, s.version, s.channel])).toEqual([
        [2, 2, 'email'],
        [1, 1, 'seller_central_form'],
      ]);
      expect(list.body.data[0].fields[0].limit).toBe(10);
      expect(list.body.data[1].fields).toEqual(pack1.fields);
      expect(list.body.data[0].fields[3].text).toContain('Round two summary');

      const events = (await api.http.get(`/api/v1/cases/${kase.id}/events?limit=100`, owner.token)).body.data;
      const submitted = events.filter((e: { type: string }) => e.type === 'submission.recorded');
      expect(submitted.map((e: { data: { round: number; channel: string } }) => [e.data.round, e.data.channel])).toEqual([
        [1, 'seller_central_form'],
        [2, 'email'],
      ]);
      expect(submitted[0].data.submissionId).toBe(list.body.data[1].id);
    });

    it('refuses an unknown channel, a channel on another action, and lists nothing of unknown cases', async () => {
      const kase = await approvedCase();
      const fax = await transition(api.http, owner.token, kase.id, { action: 'mark_submitted', channel: 'fax' });
      expect(fax.status).toBe(400);
      expect(fax.body.error.details[0].field).toBe('channel');
      const stray = await transition(api.http, owner.token, kase.id, { action: 'close', channel: 'email' });
      expect(stray.status).toBe(400);
      expect(stray.body.error.details[0].field).toBe('channel');
      // Nothing recorded by the refused calls.
      expect((await api.http.get(`/api/v1/cases/${kase.id}/submissions`, owner.token)).body.data).toEqual([]);
      expect((await api.http.get(`/api/v1/cases/${crypto.randomUUID()}/submissions`, owner.token)).status).toBe(404);
      expect((await api.http.get(`/api/v1/cases/nope/submissions`, owner.token)).status).toBe(400);
      const viewer = await addStaff(api.http, owner.token, 'viewer');
      expect((await api.http.get(`/api/v1/cases/${kase.id}/submissions`, viewer.token)).status).toBe(200);
      expect((await transition(api.http, viewer.token, kase.id, { action: 'mark_submitted' })).status).toBe(403);
    });
  });

  describe('PDF variants: bad input', () => {
    it('refuses a variant that does not exist with 400 naming the field, on the case, version and portal routes', async () => {
      const x = await clientWithPortalSession(api.http, owner.token, 'Variant Seller');
      const kase = await createCase(api.http, owner.token, x.client.id);
      expectStatus(await api.http.post(`/api/v1/cases/${kase.id}/drafts`, draftBody(0), owner.token), 201);
      for (const [url, token] of [
        [`/api/v1/cases/${kase.id}/pdf?variant=letterhead`, owner.token],
        [`/api/v1/cases/${kase.id}/drafts/1/pdf?variant=letterhead`, owner.token],
        [`/api/v1/portal/cases/${kase.id}/pdf?variant=letterhead`, x.portalToken],
        [`/api/v1/portal/cases/${kase.id}/versions/1/pdf?variant=letterhead`, x.portalToken],
        [`/api/v1/cases/${kase.id}/pdf?variant=amazon&pages=2`, owner.token],
      ] as const) {
        const res = await api.http.get(url, token);
        expect([url, res.status, res.body.error?.code]).toEqual([url, 400, 'VALIDATION_FAILED']);
        expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual([url.includes('pages') ? 'pages' : 'variant']);
      }
    });

    it('has no certificate for a version nobody approved, nor an Amazon copy before approval on the case route', async () => {
      const kase = await caseWithDraft();
      const certificate = await api.http.get(`/api/v1/cases/${kase.id}/drafts/1/pdf?variant=certificate`, owner.token);
      expect(certificate.status).toBe(404);
      expect(certificate.body.error.message).toMatch(/no client approval/);
      expect((await api.http.get(`/api/v1/cases/${kase.id}/pdf?variant=amazon`, owner.token)).status).toBe(404);
      expect((await api.http.get(`/api/v1/cases/${kase.id}/pdf?variant=certificate`, owner.token)).status).toBe(404);
      // A version's Amazon copy before approval is a DRAFT preview, queued on first request.
      const preview = await api.http.get(`/api/v1/cases/${kase.id}/drafts/1/pdf?variant=amazon`, owner.token);
      expect(preview.status).toBe(202);
      expect(preview.body).toMatchObject({ status: 'queued', kind: 'preview', variant: 'amazon', version: 1 });
    });
  });
});
