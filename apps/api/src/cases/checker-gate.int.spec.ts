import { addStaff, signupAgency, startTestApi, type TestApi } from '../../test/harness';
import { createCase, createClient, draftBody, expectStatus, transition } from './case-test-helpers';

/** A root cause that blames the carrier and Amazon: an error by default. */
const BLAMING = "Amazon's algorithm unfairly flagged us because the carrier was late. We will try to improve shipping soon.";

/** The POA checker as a gate: findings endpoint, 409 CHECK_FAILED, reviewer override, tenant severities. */
describe('POA checker gate', () => {
  let api: TestApi;
  let owner: Awaited<ReturnType<typeof signupAgency>>;
  let reviewer: Awaited<ReturnType<typeof addStaff>>;
  let writer: Awaited<ReturnType<typeof addStaff>>;
  let clientId: string;

  beforeAll(async () => {
    api = await startTestApi();
    owner = await signupAgency(api.http, 'Checker Agency');
    reviewer = await addStaff(api.http, owner.token, 'reviewer');
    writer = await addStaff(api.http, owner.token, 'writer');
    clientId = (await createClient(api.http, owner.token, { name: 'Brightside Audio Ltd' })).id;
  });
  afterAll(() => api?.close());

  /** A case in internal review whose v1 root cause is `rootCause`. */
  async function caseInReview(rootCause: string, token = owner.token) {
    const kase = await createCase(api.http, token, clientId);
    expectStatus(await transition(api.http, token, kase.id, { action: 'start_drafting' }), 200);
    const body = { ...draftBody(0), rootCauses: [{ text: rootCause }] };
    expectStatus(await api.http.post(`/api/v1/cases/${kase.id}/drafts`, body, token), 201);
    expectStatus(await transition(api.http, token, kase.id, { action: 'submit_for_review' }), 200);
    return kase;
  }

  it('answers the findings of a version with rule keys, severities and excerpts', async () => {
    const kase = await caseInReview(BLAMING);
    const res = await api.http.get(`/api/v1/cases/${kase.id}/drafts/1/findings`, writer.token);
    expectStatus(res, 200);
    const rules = res.body.data.map((f: { rule: string }) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['blame', 'emotive', 'not_past_tense', 'vague', 'asin_not_addressed']));
    expect(res.body.data.find((f: { rule: string }) => f.rule === 'blame')).toEqual({
      rule: 'blame',
      severity: 'error',
      section: 'rootCauses',
      itemIndex: 0,
      issueId: null,
      message: expect.any(String),
      excerpt: 'unfairly flagged',
    });
    // The draft answer carries the same findings as `checks`, with the older `index` beside `itemIndex`.
    const draft = (await api.http.get(`/api/v1/cases/${kase.id}/drafts/1`, writer.token)).body;
    expect(draft.checks.find((c: { rule: string }) => c.rule === 'blame')).toMatchObject({
      index: 0,
      itemIndex: 0,
      excerpt: 'unfairly flagged',
    });
    expectStatus(await api.http.get(`/api/v1/cases/${kase.id}/drafts/9/findings`, writer.token), 404);
  });

  it('refuses to send a plan with errors to the client: 409 CHECK_FAILED listing the errors', async () => {
    const kase = await caseInReview(BLAMING);
    const res = await transition(api.http, reviewer.token, kase.id, { action: 'approve_internal' });
    expectStatus(res, 409);
    expect(res.body.error.code).toBe('CHECK_FAILED');
    const findings = res.body.error.details.findings as { rule: string; severity: string }[];
    expect(findings.map((f) => f.rule)).toEqual(['blame']);
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
    expect((await api.http.get(`/api/v1/cases/${kase.id}`, owner.token)).body.status).toBe('internal_review');
  });

  it('sends a clean plan without an override', async () => {
    const kase = await caseInReview('We bought 200 units of B00TEST001 from a liquidation lot without invoices from the brand.');
    expectStatus(await transition(api.http, reviewer.token, kase.id, { action: 'approve_internal' }), 200);
  });

  it('lets a reviewer override with a reason, recorded on the timeline and in the audit trail with the errors', async () => {
    const kase = await caseInReview(BLAMING);
    const short = await transition(api.http, reviewer.token, kase.id, { action: 'approve_internal', override: { reason: 'ok' } });
    expectStatus(short, 400);
    expect(short.body.error.details).toEqual([expect.objectContaining({ field: 'override.reason' })]);
    const missing = await transition(api.http, reviewer.token, kase.id, { action: 'approve_internal', override: {} });
    expectStatus(missing, 400);
    expect(missing.body.error.details).toEqual([expect.objectContaining({ field: 'override.reason' })]);

    const reason = 'The client insists on this wording; agreed with the account lead by phone.';
    const res = await transition(api.http, reviewer.token, kase.id, { action: 'approve_internal', override: { reason } });
    expectStatus(res, 200);
    expect(res.body.status).toBe('client_review');

    const events = (await api.http.get(`/api/v1/cases/${kase.id}/events?limit=100`, owner.token)).body.data as {
      type: string;
      actor: { id: string };
      data: { reason: string; action: string; version: number; findings: { rule: string }[] };
    }[];
    const overridden = events.find((e) => e.type === 'case.check_overridden')!;
    expect(overridden.data).toMatchObject({ action: 'approve_internal', version: 1, reason });
    expect(overridden.data.findings.map((f) => f.rule)).toEqual(['blame']);
    expect(overridden.actor.id).toBe(reviewer.user.id);

    const audit = (await api.http.get('/api/v1/audit-events?limit=100', owner.token)).body.data as {
      type: string;
      targetId: string;
      metadata: { reason: string; findings: { rule: string }[] };
    }[];
    const entry = audit.find((a) => a.type === 'case.check_overridden' && a.targetId === kase.id)!;
    expect(entry.metadata.reason).toBe(reason);
    expect(entry.metadata.findings.map((f) => f.rule)).toEqual(['blame']);
  });

  it("refuses a writer's override (403) and gates mark_submitted too", async () => {
    const kase = await caseInReview(BLAMING);
    // The plan reaches the client through a reviewer's override; the client approves it.
    expectStatus(
      await transition(api.http, reviewer.token, kase.id, {
        action: 'approve_internal',
        override: { reason: 'Sent as the client dictated it.' },
      }),
      200,
    );
    const contact = await api.http.post(
      `/api/v1/clients/${clientId}/contacts`,
      { name: 'Sam Seller', email: `sam-${kase.id}@seller.test` },
      owner.token,
    );
    expectStatus(
      await transition(api.http, reviewer.token, kase.id, {
        action: 'client_approve',
        contactId: contact.body.id,
        fullName: 'Sam Seller',
        note: 'Approved by e-mail',
      }),
      200,
    );
    const refused = await transition(api.http, writer.token, kase.id, { action: 'mark_submitted' });
    expectStatus(refused, 409);
    expect(refused.body.error.code).toBe('CHECK_FAILED');
    const writerOverride = await transition(api.http, writer.token, kase.id, {
      action: 'mark_submitted',
      override: { reason: 'I would like to send it anyway.' },
    });
    expectStatus(writerOverride, 403);
    expect(writerOverride.body.error.code).toBe('FORBIDDEN');
    expectStatus(
      await transition(api.http, reviewer.token, kase.id, {
        action: 'mark_submitted',
        override: { reason: 'Submitted as approved by the client.' },
      }),
      200,
    );
  });

  it('refuses an override on an action that sends nothing', async () => {
    const kase = await createCase(api.http, owner.token, clientId);
    const res = await transition(api.http, owner.token, kase.id, {
      action: 'start_drafting',
      override: { reason: 'not relevant here at all' },
    });
    expectStatus(res, 400);
    expect(res.body.error.details).toEqual([{ field: 'override', message: 'not used by start_drafting' }]);
  });

  describe('tenant severity settings', () => {
    it('answers every rule with its default, and changes the verdict when an admin changes a severity', async () => {
      const agency = await signupAgency(api.http, 'Lenient Agency');
      const settings = await api.http.get('/api/v1/settings/checker', agency.token);
      expectStatus(settings, 200);
      expect(settings.body.rules.blame).toBe('error');
      expect(settings.body.rules.not_past_tense).toBe('warning');
      expect(settings.body.defaults.blame).toBe('error');

      const client = await createClient(api.http, agency.token);
      const kase = await createCase(api.http, agency.token, client.id);
      expectStatus(await transition(api.http, agency.token, kase.id, { action: 'start_drafting' }), 200);
      const body = { ...draftBody(0), rootCauses: [{ text: BLAMING }] };
      expectStatus(await api.http.post(`/api/v1/cases/${kase.id}/drafts`, body, agency.token), 201);
      expectStatus(await transition(api.http, agency.token, kase.id, { action: 'submit_for_review' }), 200);
      expectStatus(await transition(api.http, agency.token, kase.id, { action: 'approve_internal' }), 409);

      const put = await api.http.put('/api/v1/settings/checker', { rules: { blame: 'warning', vague: 'off' } }, agency.token);
      expectStatus(put, 200);
      expect(put.body.rules).toMatchObject({ blame: 'warning', vague: 'off', emotive: 'warning' });
      const findings = (await api.http.get(`/api/v1/cases/${kase.id}/drafts/1/findings`, agency.token)).body.data as {
        rule: string;
        severity: string;
      }[];
      expect(findings.find((f) => f.rule === 'blame')?.severity).toBe('warning');
      expect(findings.some((f) => f.rule === 'vague')).toBe(false);
      // Another agency keeps its own severities.
      expect((await api.http.get('/api/v1/settings/checker', owner.token)).body.rules.blame).toBe('error');

      expectStatus(await transition(api.http, agency.token, kase.id, { action: 'approve_internal' }), 200);

      // Making a warning an error gates what passed before.
      expectStatus(await api.http.put('/api/v1/settings/checker', { rules: { asin_not_addressed: 'error' } }, agency.token), 200);
      const second = await createCase(api.http, agency.token, client.id);
      expectStatus(await transition(api.http, agency.token, second.id, { action: 'start_drafting' }), 200);
      expectStatus(await api.http.post(`/api/v1/cases/${second.id}/drafts`, draftBody(0), agency.token), 201);
      expectStatus(await transition(api.http, agency.token, second.id, { action: 'submit_for_review' }), 200);
      const refused = await transition(api.http, agency.token, second.id, { action: 'approve_internal' });
      expectStatus(refused, 409);
      expect(refused.body.error.details.findings.map((f: { rule: string }) => f.rule)).toEqual(['asin_not_addressed']);
    });

    it('refuses an unknown rule or severity naming the field, and a non-admin', async () => {
      const unknown = await api.http.put('/api/v1/settings/checker', { rules: { no_such_rule: 'error' } }, owner.token);
      expectStatus(unknown, 400);
      expect(unknown.body.error.details).toEqual([expect.objectContaining({ field: 'rules.no_such_rule' })]);
      const badValue = await api.http.put('/api/v1/settings/checker', { rules: { blame: 'fatal' } }, owner.token);
      expectStatus(badValue, 400);
      expect(badValue.body.error.details).toEqual([expect.objectContaining({ field: 'rules.blame' })]);
      expectStatus(await api.http.put('/api/v1/settings/checker', { rules: { blame: 'off' } }, reviewer.token), 403);
      expect((await api.http.get('/api/v1/settings/checker', writer.token)).body.rules.blame).toBe('error');
    });
  });

  it("answers another agency's case as not found", async () => {
    const kase = await caseInReview(BLAMING);
    const other = await signupAgency(api.http, 'Other Agency');
    const res = await api.http.get(`/api/v1/cases/${kase.id}/drafts/1/findings`, other.token);
    expectStatus(res, 404);
    expect(JSON.stringify(res.body)).not.toContain('unfairly');
  });

  it("flags a sentence of another client's approved plan as copied, not one of the same client's", async () => {
    const sentence = 'Every parcel is weighed twice and photographed before the carrier collects it at 4 pm.';
    const first = await caseInReview(`We shipped 14 parcels of B00TEST001 without a scan on 3 March. ${sentence}`);
    expectStatus(await transition(api.http, reviewer.token, first.id, { action: 'approve_internal' }), 200);
    const contact = await api.http.post(
      `/api/v1/clients/${clientId}/contacts`,
      { name: 'Ann Seller', email: `ann-${first.id}@seller.test` },
      owner.token,
    );
    expectStatus(
      await transition(api.http, reviewer.token, first.id, {
        action: 'client_approve',
        contactId: contact.body.id,
        fullName: 'Ann Seller',
        note: 'By e-mail',
      }),
      200,
    );
    const copyRule = async (client: string) => {
      const kase = await createCase(api.http, owner.token, client);
      expectStatus(await transition(api.http, owner.token, kase.id, { action: 'start_drafting' }), 200);
      const body = { ...draftBody(0), rootCauses: [{ text: `Parcels of B00TEST001 left without a scan in May. ${sentence}` }] };
      expectStatus(await api.http.post(`/api/v1/cases/${kase.id}/drafts`, body, owner.token), 201);
      const findings = (await api.http.get(`/api/v1/cases/${kase.id}/drafts/1/findings`, owner.token)).body.data as {
        rule: string;
        excerpt: string;
      }[];
      return findings.filter((f) => f.rule === 'copied_text');
    };
    expect(await copyRule(clientId)).toEqual([]);
    const otherClient = await createClient(api.http, owner.token, { name: 'Other Seller Co' });
    // The shared fixture's own sentences are in that approved plan too.
    expect((await copyRule(otherClient.id)).map((f) => f.excerpt)).toContain(sentence);
  });
});
