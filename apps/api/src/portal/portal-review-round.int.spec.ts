import { signupAgency, startTestApi, type TestApi } from '../../test/harness';
import { createCase, createClient, createContact, draftBody, expectStatus, transition } from '../cases/case-test-helpers';
import { emailsOf } from './portal-test-helpers';

/**
 * A review round as both sides see it: staff send a draft to chosen contacts with a message (the e-mail's link opens
 * the case and logs in); the client's change request shows on the case until the next version goes out, and the
 * portal keeps the case with the request; the revised plan says what changed. Staff recording a client's decision
 * add a required note.
 */
describe('portal: sending to the client and the change request', () => {
  let api: TestApi;
  let owner: Awaited<ReturnType<typeof signupAgency>>;

  beforeAll(async () => {
    api = await startTestApi({ PUBLIC_URL: 'https://desk.example.test' });
    owner = await signupAgency(api.http, 'Round Agency');
  });
  afterAll(async () => {
    await api?.close();
  });

  /** A case in internal review with draft v1, a client with two contacts. */
  async function readyToSend(name: string) {
    const client = await createClient(api.http, owner.token, { name });
    const ann = await createContact(api.http, owner.token, client.id, 'Ann Seller');
    const bob = await createContact(api.http, owner.token, client.id, 'Bob Seller');
    const kase = await createCase(api.http, owner.token, client.id);
    expectStatus(await api.http.post(`/api/v1/cases/${kase.id}/drafts`, draftBody(0, 'Version one summary'), owner.token), 201);
    for (const action of ['start_drafting', 'submit_for_review'])
      expectStatus(await transition(api.http, owner.token, kase.id, { action }), 200);
    return { client, ann, bob, kase };
  }
  const caseLinkToken = (text: string, caseId: string) =>
    decodeURIComponent(new RegExp(`https://desk\\.example\\.test/portal/cases/${caseId}\\?token=(\\S+)`).exec(text)![1]);

  it('e-mails only the chosen contacts, with the message and a link that opens the case and logs in', async () => {
    const { ann, bob, kase } = await readyToSend('Chosen Goods');
    const sent = await transition(api.http, owner.token, kase.id, {
      action: 'approve_internal',
      message: 'Please check the supplier name.',
      contactIds: [bob.id],
    });
    expectStatus(sent, 200);
    expect(sent.body.status).toBe('client_review');

    const mails = (await emailsOf(api.config.DATABASE_URL, owner.tenant.id)).filter((m) => m.payload.text.includes(kase.reference));
    expect(mails.map((m) => m.payload.to)).toEqual([bob.email, bob.email]); // the review request and its reminder
    expect(mails.some((m) => m.payload.to === ann.email)).toBe(false);
    const [review] = mails;
    expect(review.payload.text).toContain('Please check the supplier name.');
    expect(review.payload.text).not.toMatch(/version \d/i);
    expect(review.payload.subject).not.toMatch(/version \d/i);

    const session = await api.http.post('/api/v1/portal/session', { token: caseLinkToken(review.payload.text, kase.id) });
    expectStatus(session, 200);
    expect(session.body.contact.id).toBe(bob.id);
    expectStatus(await api.http.get(`/api/v1/portal/cases/${kase.id}`, session.body.accessToken), 200);
    // The reminder carries a link of its own.
    expect(caseLinkToken(mails[1].payload.text, kase.id)).not.toBe(caseLinkToken(review.payload.text, kase.id));
  });

  it('refuses a contact of another client and fields approve_internal does not take (400 with the field)', async () => {
    const { kase } = await readyToSend('Refused Goods');
    const stranger = await createContact(api.http, owner.token, (await createClient(api.http, owner.token)).id, 'Stranger');
    const wrong = await transition(api.http, owner.token, kase.id, { action: 'approve_internal', contactIds: [stranger.id] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0].field).toBe('contactIds');
    const empty = await transition(api.http, owner.token, kase.id, { action: 'approve_internal', contactIds: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details[0].field).toBe('contactIds');
    const notAUuid = await transition(api.http, owner.token, kase.id, { action: 'approve_internal', contactIds: ['x'] });
    expect(notAUuid.status).toBe(400);
    const stray = await transition(api.http, owner.token, kase.id, { action: 'request_changes', comment: 'x', message: 'hi' });
    expect(stray.status).toBe(400);
    expect(stray.body.error.details[0].field).toBe('message');
    expect((await api.http.get(`/api/v1/cases/${kase.id}`, owner.token)).body.status).toBe('internal_review');
  });

  it('shows the client’s change request on the case until the next version goes out; the portal keeps the case and then says what changed', async () => {
    const { client, ann, kase } = await readyToSend('Request Goods');
    expectStatus(await transition(api.http, owner.token, kase.id, { action: 'approve_internal', contactIds: [ann.id] }), 200);
    const link = await api.http.post(`/api/v1/cases/${kase.id}/portal-links`, { contactId: ann.id }, owner.token);
    expectStatus(link, 201);
    expect(link.body.url).toMatch(new RegExp(`/portal/cases/${kase.id}\\?token=`));
    const portal = (await api.http.post('/api/v1/portal/session', { token: link.body.token })).body.accessToken as string;

    expectStatus(
      await api.http.post(`/api/v1/portal/cases/${kase.id}/request-changes`, { comment: 'Name the supplier, please.' }, portal),
      200,
    );
    const staffView = await api.http.get(`/api/v1/cases/${kase.id}`, owner.token);
    expect(staffView.body.status).toBe('drafting');
    expect(staffView.body.changeRequest).toEqual({
      comment: 'Name the supplier, please.',
      note: null,
      requestedBy: { type: 'contact', name: 'Ann Seller' },
      requestedAt: expect.any(String),
      version: 1,
    });

    // The portal keeps the case: listed, working on the changes, with the version she answered and her request.
    const list = await api.http.get('/api/v1/portal/cases', portal);
    expect(list.body.data.find((c: { id: string }) => c.id === kase.id)).toEqual(
      expect.objectContaining({ status: 'drafting', workingOnChanges: true, awaitingReview: false }),
    );
    const working = await api.http.get(`/api/v1/portal/cases/${kase.id}`, portal);
    expectStatus(working, 200);
    expect(working.body.changeRequest).toEqual({
      comment: 'Name the supplier, please.',
      requestedBy: { type: 'contact', name: 'Ann Seller' },
      requestedAt: expect.any(String),
    });
    expect(working.body.draft).toEqual(expect.objectContaining({ version: 1, state: 'changes_requested', summary: 'Version one summary' }));
    expect(working.body.availableActions).toEqual([]);

    // Still pending through internal review; gone once v2 is sent.
    const revised = { ...draftBody(1, 'Version two summary, naming Acme Wholesale.') };
    expectStatus(await api.http.post(`/api/v1/cases/${kase.id}/drafts`, revised, owner.token), 201);
    expectStatus(await transition(api.http, owner.token, kase.id, { action: 'submit_for_review' }), 200);
    expect((await api.http.get(`/api/v1/cases/${kase.id}`, owner.token)).body.changeRequest).not.toBeNull();
    expectStatus(await transition(api.http, owner.token, kase.id, { action: 'approve_internal' }), 200);
    expect((await api.http.get(`/api/v1/cases/${kase.id}`, owner.token)).body.changeRequest).toBeNull();

    const back = await api.http.get(`/api/v1/portal/cases/${kase.id}`, portal);
    expect(back.body.workingOnChanges).toBe(false);
    expect(back.body.changeRequest).toBeNull();
    expect(back.body.draft.state).toBe('under_review');
    expect(back.body.changesSinceSeen).toEqual({
      requestedAt: working.body.changeRequest.requestedAt,
      changes: [
        { section: 'summary', kind: 'changed', text: 'Version two summary, naming Acme Wholesale.', previousText: 'Version one summary' },
      ],
    });
    // The second round's e-mail speaks of the revised plan.
    const mails = (await emailsOf(api.config.DATABASE_URL, owner.tenant.id)).filter(
      (m) => m.payload.to === ann.email && m.payload.subject.includes(kase.reference),
    );
    expect(mails.at(-2)!.payload.text).toContain('the revised Plan of Action');
    expect(client.id).toBeTruthy();
  });

  it('opens an evidence file cited in the draft from the portal; a file of the case that is not cited is 404', async () => {
    const { ann, kase } = await readyToSend('Evidence Goods');
    const upload = async (name: string) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(Buffer.from('%PDF-1.4\n%evidence\n'))], { type: 'application/pdf' }), name);
      const res = await fetch(`${api.baseUrl}/api/v1/cases/${kase.id}/attachments`, {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${owner.token}` },
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    const cited = await upload('invoice.pdf');
    const other = await upload('internal-notes.pdf');
    // Evidence can be cited while the draft is being written: back to drafting, cite, and send again.
    expectStatus(await transition(api.http, owner.token, kase.id, { action: 'request_changes', comment: 'Cite the invoice' }), 200);
    const body = { ...draftBody(1, 'With the invoice'), supportingDocuments: [{ description: 'Invoice from Acme', attachmentId: cited }] };
    expectStatus(await api.http.post(`/api/v1/cases/${kase.id}/drafts`, body, owner.token), 201);
    for (const action of ['submit_for_review', 'approve_internal'])
      expectStatus(await transition(api.http, owner.token, kase.id, { action }), 200);
    const link = await api.http.post(`/api/v1/cases/${kase.id}/portal-links`, { contactId: ann.id }, owner.token);
    const portal = (await api.http.post('/api/v1/portal/session', { token: link.body.token })).body.accessToken as string;

    const detail = await api.http.get(`/api/v1/portal/cases/${kase.id}`, portal);
    expect(detail.body.draft.supportingDocuments).toEqual([
      { description: 'Invoice from Acme', fileName: 'invoice.pdf', attachmentId: cited },
    ]);
    const file = await api.http.get(`/api/v1/portal/cases/${kase.id}/attachments/${cited}`, portal);
    expectStatus(file, 200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(String(file.body)).toContain('%evidence');
    expect((await api.http.get(`/api/v1/portal/cases/${kase.id}/attachments/${other}`, portal)).status).toBe(404);
    const bad = await api.http.get(`/api/v1/portal/cases/${kase.id}/attachments/not-a-uuid`, portal);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('attachmentId');
  });

  it('staff recording a client’s decision must add a note; the portal link from a case refuses another client’s contact', async () => {
    const { ann, kase } = await readyToSend('Note Goods');
    expectStatus(await transition(api.http, owner.token, kase.id, { action: 'approve_internal' }), 200);
    const noNote = await transition(api.http, owner.token, kase.id, { action: 'client_request_changes', comment: 'Change X' });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.details).toEqual([expect.objectContaining({ field: 'note' })]);
    const approveNoNote = await transition(api.http, owner.token, kase.id, {
      action: 'client_approve',
      contactId: ann.id,
      fullName: 'Ann',
    });
    expect(approveNoNote.status).toBe(400);
    expect(approveNoNote.body.error.details).toEqual([expect.objectContaining({ field: 'note' })]);

    const recorded = await transition(api.http, owner.token, kase.id, {
      action: 'client_request_changes',
      comment: 'Change X',
      note: 'Phone call with Ann',
    });
    expectStatus(recorded, 200);
    expect(recorded.body.changeRequest).toEqual(
      expect.objectContaining({ comment: 'Change X', note: 'Phone call with Ann', requestedBy: { type: 'staff', name: 'Owner' } }),
    );

    const stranger = await createContact(api.http, owner.token, (await createClient(api.http, owner.token)).id, 'Stranger');
    const wrong = await api.http.post(`/api/v1/cases/${kase.id}/portal-links`, { contactId: stranger.id }, owner.token);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0].field).toBe('contactId');
    const malformed = await api.http.post(`/api/v1/cases/${kase.id}/portal-links`, { contactId: 'nope' }, owner.token);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details[0].field).toBe('contactId');
  });
});
