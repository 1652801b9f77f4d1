import { signupAgency, startTestApi, type TestApi } from '../../test/harness';
import { createCase, draftBody, expectStatus, transition } from '../cases/case-test-helpers';
import { caseInClientReview, clientWithPortalSession } from './portal-test-helpers';

/** Two clients of one agency and a second agency: a contact reaches only their own client's cases, and only what is shared. */
describe('portal: review, approval and isolation', () => {
  let api: TestApi;
  let staff: string;
  let x: Awaited<ReturnType<typeof clientWithPortalSession>>;
  let y: Awaited<ReturnType<typeof clientWithPortalSession>>;
  let caseX: { id: string; reference: string };
  let caseY: { id: string };
  let draftingX: { id: string };
  let otherTenantCase: { id: string };
  const INTERNAL = 'INTERNAL: the client is slow, push hard';
  const SHARED = 'Please check the supplier names.';

  beforeAll(async () => {
    api = await startTestApi();
    staff = (await signupAgency(api.http, 'Isolation Agency')).token;
    x = await clientWithPortalSession(api.http, staff, 'Xavier Goods');
    y = await clientWithPortalSession(api.http, staff, 'Yolanda Shop');
    caseX = await caseInClientReview(api.http, staff, x.client.id);
    caseY = await caseInClientReview(api.http, staff, y.client.id);
    draftingX = await createCase(api.http, staff, x.client.id, { title: 'Still with the writers' });
    expectStatus(await api.http.post(`/api/v1/cases/${caseX.id}/comments`, { body: INTERNAL, visibility: 'internal' }, staff), 201);
    expectStatus(await api.http.post(`/api/v1/cases/${caseX.id}/comments`, { body: SHARED, visibility: 'shared' }, staff), 201);
    const other = await signupAgency(api.http, 'Elsewhere Agency');
    const otherClient = await clientWithPortalSession(api.http, other.token, 'Elsewhere Client');
    otherTenantCase = await caseInClientReview(api.http, other.token, otherClient.client.id);
  });
  afterAll(async () => {
    await api?.close();
  });

  const portalPaths = (id: string) =>
    [
      ['GET', `/api/v1/portal/cases/${id}`],
      ['GET', `/api/v1/portal/cases/${id}/comments`],
      ['POST', `/api/v1/portal/cases/${id}/comments`, { body: 'Hello?' }],
      ['POST', `/api/v1/portal/cases/${id}/approve`, { version: 1, fullName: 'Mallory' }],
      ['POST', `/api/v1/portal/cases/${id}/request-changes`, { comment: 'Change it' }],
      ['GET', `/api/v1/portal/cases/${id}/pdf`],
      ['GET', `/api/v1/portal/cases/${id}/versions/1/pdf`],
    ] as const;

  it("lists only the contact's own client's cases in client review or later", async () => {
    const list = await api.http.get('/api/v1/portal/cases', x.portalToken);
    expectStatus(list, 200);
    expect(list.body.data.map((c: { id: string }) => c.id)).toEqual([caseX.id]);
    expect(list.body.data[0]).toMatchObject({
      reference: caseX.reference,
      status: 'client_review',
      awaitingReview: true,
      latestVersion: 1,
      approvedVersion: null,
    });
    expect((await api.http.get('/api/v1/portal/cases', y.portalToken)).body.data.map((c: { id: string }) => c.id)).toEqual([caseY.id]);
  });

  it.each([
    ['a case of another client of the same agency', () => caseY.id],
    ['a case of another agency', () => otherTenantCase.id],
    ['an own case not yet sent for review', () => draftingX.id],
    ['a case that does not exist', () => '00000000-0000-4000-8000-000000000000'],
  ])('answers 404 on every portal endpoint for %s', async (_what, id) => {
    for (const [method, path, body] of portalPaths(id())) {
      const res = await api.http.request(method, path, { token: x.portalToken, body });
      if (res.status !== 404) throw new Error(`${method} ${path}: expected 404, got ${res.status} ${JSON.stringify(res.body)}`);
    }
  });

  it('shows the draft as the PDF reads, shared comments only, and no staff-only fields', async () => {
    const res = await api.http.get(`/api/v1/portal/cases/${caseX.id}`, x.portalToken);
    expectStatus(res, 200);
    expect(res.body).toMatchObject({
      id: caseX.id,
      status: 'client_review',
      client: { id: x.client.id, name: 'Xavier Goods' },
      agency: { name: 'Isolation Agency' },
      draft: {
        version: 1,
        state: 'under_review',
        summary: 'Version one summary',
        rootCauses: [{ text: expect.stringContaining('liquidation lot') }],
      },
      approval: null,
      pdf: null,
      approvedVersions: [],
      availableActions: ['approve', 'request_changes'],
    });
    const text = JSON.stringify(res.body);
    for (const hidden of ['assignee', 'internal', INTERNAL, 'externalId', 'ip', 'userAgent']) expect(text).not.toContain(hidden);

    const comments = await api.http.get(`/api/v1/portal/cases/${caseX.id}/comments`, x.portalToken);
    expect(comments.body.data.map((c: { body: string }) => c.body)).toEqual([SHARED]);
    expect(JSON.stringify(comments.body)).not.toContain(INTERNAL);
    const mine = await api.http.post(
      `/api/v1/portal/cases/${caseX.id}/comments`,
      { body: 'Looks right so far.', version: 1 },
      x.portalToken,
    );
    expectStatus(mine, 201);
    expect(mine.body).toMatchObject({ body: 'Looks right so far.', version: 1, author: { type: 'contact', name: 'Xavier Goods Contact' } });
    expect(
      (await api.http.post(`/api/v1/portal/cases/${caseX.id}/comments`, { body: 'x', visibility: 'internal' }, x.portalToken)).status,
    ).toBe(400);
    const staffView = await api.http.get(`/api/v1/cases/${caseX.id}/comments?visibility=shared`, staff);
    expect(staffView.body.data.map((c: { body: string }) => c.body)).toEqual([SHARED, 'Looks right so far.']);
    // A reply to an internal comment cannot be made from the portal (the parent is not visible there).
    const internalId = (await api.http.get(`/api/v1/cases/${caseX.id}/comments?visibility=internal`, staff)).body.data[0].id;
    expect(
      (await api.http.post(`/api/v1/portal/cases/${caseX.id}/comments`, { body: 'peek', parentId: internalId }, x.portalToken)).status,
    ).toBe(400);
  });

  it('requires a comment to request changes, then approves the next version with the typed name as proof', async () => {
    const missing = await api.http.post(`/api/v1/portal/cases/${caseX.id}/request-changes`, {}, x.portalToken);
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].field).toBe('comment');
    expect((await api.http.post(`/api/v1/portal/cases/${caseX.id}/request-changes`, { comment: '   ' }, x.portalToken)).status).toBe(400);
    const changes = await api.http.post(
      `/api/v1/portal/cases/${caseX.id}/request-changes`,
      { comment: 'Name the supplier, please.' },
      x.portalToken,
    );
    expectStatus(changes, 200);
    expect(changes.body).toEqual({ id: caseX.id, reference: caseX.reference, status: 'drafting' });
    const shared = await api.http.get(`/api/v1/cases/${caseX.id}/comments?visibility=shared`, staff);
    expect(shared.body.data.map((c: { body: string }) => c.body)).toContain('Name the supplier, please.');
    // Back with the writers: the portal keeps the case, with the version answered and the request.
    const working = await api.http.get(`/api/v1/portal/cases/${caseX.id}`, x.portalToken);
    expectStatus(working, 200);
    expect(working.body).toMatchObject({ workingOnChanges: true, changeRequest: { comment: 'Name the supplier, please.' } });
    expect(working.body.draft).toMatchObject({ version: 1, state: 'changes_requested' });

    expectStatus(await api.http.post(`/api/v1/cases/${caseX.id}/drafts`, draftBody(1, 'Version two summary'), staff), 201);
    for (const action of ['submit_for_review', 'approve_internal'])
      expectStatus(await transition(api.http, staff, caseX.id, { action }), 200);
    const review = await api.http.get(`/api/v1/portal/cases/${caseX.id}`, x.portalToken);
    expect(review.body.draft).toMatchObject({ version: 2, state: 'under_review', summary: 'Version two summary' });

    const stale = await api.http.post(
      `/api/v1/portal/cases/${caseX.id}/approve`,
      { version: 1, fullName: 'Xavier Q. Goods' },
      x.portalToken,
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'VERSION_CONFLICT', details: { latestVersion: 2 } });
    expect((await api.http.post(`/api/v1/portal/cases/${caseX.id}/approve`, { version: 2 }, x.portalToken)).status).toBe(400);
    expect((await api.http.post(`/api/v1/portal/cases/${caseX.id}/approve`, { version: 2, fullName: ' ' }, x.portalToken)).status).toBe(
      400,
    );
    // Another client's contact cannot approve it.
    expect(
      (await api.http.post(`/api/v1/portal/cases/${caseX.id}/approve`, { version: 2, fullName: 'Yolanda' }, y.portalToken)).status,
    ).toBe(404);

    const approved = await api.http.request('POST', `/api/v1/portal/cases/${caseX.id}/approve`, {
      token: x.portalToken,
      body: { version: 2, fullName: 'Xavier Q. Goods' },
      headers: { 'user-agent': 'PortalTest/1.0' },
    });
    expectStatus(approved, 200);
    expect(approved.body.status).toBe('approved');
    expect((await api.http.post(`/api/v1/portal/cases/${caseX.id}/approve`, { version: 2, fullName: 'Again' }, x.portalToken)).status).toBe(
      409,
    );

    const detail = await api.http.get(`/api/v1/portal/cases/${caseX.id}`, x.portalToken);
    expect(detail.body).toMatchObject({
      status: 'approved',
      approvedVersion: 2,
      draft: { version: 2, state: 'approved' },
      approval: {
        version: 2,
        fullName: 'Xavier Q. Goods',
        contactName: 'Xavier Goods Contact',
        contentSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
      pdf: { version: 2, status: 'queued' },
      approvedVersions: [{ version: 2, fullName: 'Xavier Q. Goods', pdf: { status: 'queued' } }],
      availableActions: [],
    });
    const staffCase = await api.http.get(`/api/v1/cases/${caseX.id}`, staff);
    expect(staffCase.body.approval).toMatchObject({
      fullName: 'Xavier Q. Goods',
      recordedBy: null,
      userAgent: 'PortalTest/1.0',
      contact: { id: x.contact.id },
    });

    // No worker runs here: the PDF stays queued and answers 202 with its status; an unapproved version is 404.
    const pdf = await api.http.get(`/api/v1/portal/cases/${caseX.id}/pdf`, x.portalToken);
    expect(pdf.status).toBe(202);
    expect(pdf.body).toMatchObject({ status: 'queued', version: 2, kind: 'final' });
    expect((await api.http.get(`/api/v1/portal/cases/${caseX.id}/versions/2/pdf`, x.portalToken)).status).toBe(202);
    expect((await api.http.get(`/api/v1/portal/cases/${caseX.id}/versions/1/pdf`, x.portalToken)).status).toBe(404);
    // The other client's contact still sees nothing of it.
    for (const [method, path, body] of portalPaths(caseX.id))
      expect((await api.http.request(method, path, { token: y.portalToken, body })).status).toBe(404);
  });
});
