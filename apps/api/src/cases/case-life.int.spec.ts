import { createHash } from 'node:crypto';
import { canonicalDraftJson } from '@poa/domain';
import { addStaff, signupAgency, startTestApi, type HttpResponse, type TestApi } from '../../test/harness';
import { pdfRenderJobId } from '@poa/jobs';
import { createCase, createClient, createContact, draftBody, expectStatus, queryAsTenant, transition } from './case-test-helpers';

describe('the life of a case over HTTP', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('runs from intake to reinstated through two rounds, with the approval proof and the final PDF queued', async () => {
    const { http } = api;
    const owner = await signupAgency(http, 'Life Agency');
    const writer = await addStaff(http, owner.token, 'writer');
    const reviewer = await addStaff(http, owner.token, 'reviewer');

    const client = await createClient(http, writer.token, { name: 'Northwind Outlet', sellerId: 'A2NORTHWIND' });
    const contact = await createContact(http, writer.token, client.id, 'Nora Wind');
    const created = await createCase(http, writer.token, client.id, { assigneeId: writer.user.id });
    expect(created.reference).toMatch(/^POA-\d{4}-\d{4}$/);
    expect(created.status).toBe('intake');
    const caseUrl = `/api/v1/cases/${created.id}`;

    expectStatus(await transition(http, writer.token, created.id, { action: 'start_drafting' }), 200);
    const v1 = await http.post(`${caseUrl}/drafts`, draftBody(0, 'First try'), writer.token);
    expectStatus(v1, 201);
    expect(v1.body.version).toBe(1);
    expect(Array.isArray(v1.body.checks)).toBe(true);
    expectStatus(await http.post(`${caseUrl}/drafts`, draftBody(1, 'Second try'), writer.token), 201);

    expectStatus(await transition(http, writer.token, created.id, { action: 'submit_for_review' }), 200);
    const changes = await transition(http, reviewer.token, created.id, {
      action: 'request_changes',
      comment: 'Name the supplier and the invoice dates.',
    });
    expectStatus(changes, 200);
    expect(changes.body.status).toBe('drafting');

    const v3 = await http.post(`${caseUrl}/drafts`, draftBody(2, 'Third try, with the supplier named'), writer.token);
    expectStatus(v3, 201);
    expect(v3.body.version).toBe(3);
    expectStatus(await transition(http, writer.token, created.id, { action: 'submit_for_review' }), 200);
    const sent = await transition(http, reviewer.token, created.id, { action: 'approve_internal' });
    expectStatus(sent, 200);
    expect(sent.body.status).toBe('client_review');

    const approved = await http.request('POST', `${caseUrl}/transitions`, {
      token: reviewer.token,
      body: { action: 'client_approve', contactId: contact.id, fullName: 'Nora Wind', note: 'Approved by email on 2026-11-24' },
      headers: { 'user-agent': 'life-test-agent/1.0' },
    });
    expectStatus(approved, 200);
    expect(approved.body.status).toBe('approved');
    expect(approved.body.approvedVersion).toBe(3);
    const proof = approved.body.approval;
    const expectedSha = createHash('sha256').update(canonicalDraftJson(v3.body)).digest('hex');
    expect(proof).toMatchObject({
      version: 3,
      fullName: 'Nora Wind',
      contact: { id: contact.id, name: 'Nora Wind', email: contact.email },
      userAgent: 'life-test-agent/1.0',
      contentSha256: expectedSha,
      recordedBy: { id: reviewer.user.id },
      note: 'Approved by email on 2026-11-24',
    });
    expect(proof.ip).toMatch(/127\.0\.0\.1/);
    expect(Date.parse(proof.approvedAt)).not.toBeNaN();
    expect(approved.body.pdf).toMatchObject({ version: 3, status: 'queued' });
    const jobs = await queryAsTenant<{ topic: string; payload: Record<string, unknown> }>(
      api.config.DATABASE_URL,
      owner.tenant.id,
      'SELECT topic, payload FROM outbox WHERE job_id = $1',
      [pdfRenderJobId({ draftVersionId: proof.draftVersionId, kind: 'final' })],
    );
    expect(jobs).toEqual([
      {
        topic: 'pdf-render',
        payload: {
          tenantId: owner.tenant.id,
          caseId: created.id,
          draftVersionId: proof.draftVersionId,
          kind: 'final',
          variant: 'standard',
        },
      },
    ]);

    // The approved version is locked, and nothing new can be saved until a new round.
    expect((await http.get(`${caseUrl}/drafts/3`, writer.token)).body.locked).toBe(true);
    expect((await http.post(`${caseUrl}/drafts`, draftBody(3), writer.token)).status).toBe(409);

    expectStatus(await transition(http, writer.token, created.id, { action: 'mark_submitted' }), 200);
    const moreInfo = await transition(http, writer.token, created.id, {
      action: 'record_outcome',
      outcome: 'more_info_requested',
      amazonResponse: 'Please provide invoices covering the last 365 days.',
    });
    expectStatus(moreInfo, 200);
    expect(moreInfo.body.status).toBe('more_info_requested');
    expect(moreInfo.body.rounds[0]).toMatchObject({
      round: 1,
      outcome: 'more_info_requested',
      amazonResponse: 'Please provide invoices covering the last 365 days.',
    });

    const round2 = await transition(http, writer.token, created.id, { action: 'start_drafting' });
    expectStatus(round2, 200);
    expect(round2.body).toMatchObject({ status: 'drafting', round: 2 });
    expect(round2.body.rounds).toHaveLength(2);
    expect(round2.body.rounds[1]).toMatchObject({
      round: 2,
      amazonRequest: 'Please provide invoices covering the last 365 days.',
      outcome: null,
    });

    const v4 = await http.post(`${caseUrl}/drafts`, draftBody(3, 'Round two: invoices attached'), writer.token);
    expectStatus(v4, 201);
    expect(v4.body).toMatchObject({ version: 4, round: 2, locked: false });
    expectStatus(await transition(http, writer.token, created.id, { action: 'submit_for_review' }), 200);
    expectStatus(await transition(http, reviewer.token, created.id, { action: 'approve_internal' }), 200);
    const approved2 = await transition(http, reviewer.token, created.id, {
      action: 'client_approve',
      contactId: contact.id,
      fullName: 'Nora Wind',
      note: 'By phone',
    });
    expectStatus(approved2, 200);
    expect(approved2.body.approval).toMatchObject({ version: 4 });
    expect(approved2.body.pdf).toMatchObject({ version: 4, status: 'queued' });
    expectStatus(await transition(http, writer.token, created.id, { action: 'mark_submitted' }), 200);
    const done = await transition(http, writer.token, created.id, {
      action: 'record_outcome',
      outcome: 'reinstated',
      amazonResponse: 'Your account has been reinstated.',
    });
    expectStatus(done, 200);
    expect(done.body).toMatchObject({ status: 'reinstated', round: 2 });
    expect(done.body.rounds[1]).toMatchObject({ outcome: 'reinstated' });

    // History is kept: four versions, and a diff between rounds.
    const versions = await http.get(`${caseUrl}/drafts`, writer.token);
    expect(versions.body.data.map((v: { version: number; round: number }) => [v.version, v.round])).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 2],
    ]);
    const diff = await http.get(`${caseUrl}/drafts/4/diff?against=3`, writer.token);
    expectStatus(diff, 200);
    expect(diff.body.sectionChanged.summary.changed).toBe(true);
    expect(diff.body.sectionChanged.rootCauses.changed).toBe(false);

    // The timeline tells the story with actors.
    const events: { type: string; actor: { name: string }; data: Record<string, unknown> }[] = [];
    let cursor: string | null = null;
    do {
      const page: HttpResponse = await http.get(`${caseUrl}/events?limit=10${cursor ? `&cursor=${cursor}` : ''}`, writer.token);
      expectStatus(page, 200);
      events.push(...page.body.data);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(events[0].type).toBe('case.created');
    expect(events.filter((e) => e.type === 'draft.version_created')).toHaveLength(4);
    expect(events.filter((e) => e.type === 'approval.recorded')).toHaveLength(2);
    expect(events.filter((e) => e.type === 'case.transitioned').map((e) => e.data.action)).toEqual([
      'start_drafting',
      'submit_for_review',
      'request_changes',
      'submit_for_review',
      'approve_internal',
      'client_approve',
      'mark_submitted',
      'record_outcome',
      'start_drafting',
      'submit_for_review',
      'approve_internal',
      'client_approve',
      'mark_submitted',
      'record_outcome',
    ]);
    expect(events.find((e) => e.data.action === 'request_changes')?.actor.name).toBe('reviewer person');

    // The reviewer's remark was kept as an internal comment.
    const comments = await http.get(`${caseUrl}/comments`, writer.token);
    expect(comments.body.data).toEqual([
      expect.objectContaining({ body: 'Name the supplier and the invoice dates.', visibility: 'internal' }),
    ]);
  });
});
