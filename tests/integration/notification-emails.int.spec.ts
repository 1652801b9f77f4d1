import { createDataSource, TenantDb } from '@poa/db';
import { tenantMailDir } from '@poa/jobs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { deliverEmailJob } from '../../apps/worker/src/email/deliver-email-job';
import { createMailSender } from '../../apps/worker/src/email/mail-sender';
// The API drives the workflow that writes these emails: a test-only import of its harness (never in the build).
import { addStaff, signupAgency, startTestApi, type TestApi } from '../../apps/api/test/harness';
import { createContact, expectStatus, queryAsTenant } from '../../apps/api/src/cases/case-test-helpers';
import { caseInClientReview, clientWithPortalSession, emailsOf, type EmailRow } from '../../apps/api/src/portal/portal-test-helpers';

/**
 * The emails the workflow causes, from the outbox row to the .eml file: the worker's own delivery code runs here on
 * the outbox messages of this test's agency (no BullMQ: the queue path is covered by the worker's email test).
 */
describe('notification emails: outbox and .eml files', () => {
  let api: TestApi;
  let dataSource: DataSource;
  let db: TenantDb;
  let owner: Awaited<ReturnType<typeof signupAgency>>;

  beforeAll(async () => {
    api = await startTestApi({ PUBLIC_URL: 'https://desk.example.test', DEV_MAILBOX: 'true' });
    dataSource = await createDataSource({ url: api.config.DATABASE_URL, poolSize: 2 }).initialize();
    db = new TenantDb(dataSource);
    owner = await signupAgency(api.http, 'Bright Appeals');
    await queryAsTenant(
      api.config.DATABASE_URL,
      owner.tenant.id,
      `UPDATE tenants SET branding = branding || '{"primaryColor": "#aa3300"}'::jsonb WHERE id = $1`,
      [owner.tenant.id],
    );
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await api?.close();
  });

  const sender = () => createMailSender({ DATA_DIR: api.config.DATA_DIR, SMTP_URL: undefined });
  const deliver = (row: EmailRow) =>
    deliverEmailJob(db, sender(), { MAIL_FROM: 'POA Desk <no-reply@desk.example.test>' }, row.payload as never, row.job_id);
  const sinceNow = async (before: number) => (await emailsOf(api.config.DATABASE_URL, owner.tenant.id)).slice(before);

  it('asks every contact to review, schedules a 48-hour reminder that checks the case, and tells staff of the answer', async () => {
    // After the reviewer joins: accepting an invite emails a confirmation link.
    const reviewer = await addStaff(api.http, owner.token, 'reviewer');
    const start = (await emailsOf(api.config.DATABASE_URL, owner.tenant.id)).length;
    const x = await clientWithPortalSession(api.http, owner.token, 'Mailer Client');
    const second = await createContact(api.http, owner.token, x.client.id, 'Second Person');
    const sent = await caseInClientReview(api.http, owner.token, x.client.id, { assigneeId: reviewer.user.id });

    const review = await sinceNow(start);
    const toContacts = review.filter((e) => !e.payload.notBefore);
    const reminders = review.filter((e) => e.payload.notBefore);
    expect(toContacts.map((e) => e.payload.to).sort()).toEqual([x.contact.email, second.email].sort());
    expect(toContacts[0].payload.text).toContain(`https://desk.example.test/portal/cases/${sent.id}`);
    expect(toContacts[0].payload.subject).toContain(sent.reference);
    expect(reminders).toHaveLength(2);
    const delayHours = (Date.parse(reminders[0].payload.notBefore!) - Date.now()) / 3_600_000;
    expect(delayHours).toBeGreaterThan(47.9);
    expect(delayHours).toBeLessThanOrEqual(48);
    expect(reminders[0].payload.onlyIf).toEqual({ caseId: sent.id, status: 'client_review', latestVersion: 1 });

    // The review request goes out as an .eml with a text part and the agency's branded HTML part.
    const delivered = await deliver(toContacts[0]);
    if (!delivered.sent) throw new Error(delivered.reason);
    const eml = readFileSync(delivered.location, 'utf8');
    expect(eml).toMatch(/Content-Type: text\/plain/);
    expect(eml).toMatch(/Content-Type: text\/html/);
    expect(eml.replace(/=\r?\n/g, '').replace(/=3D/g, '=')).toContain('data-agency-color="#aa3300">Bright Appeals</td>');
    expect(eml).toMatch(/From: Bright Appeals <no-reply@desk\.example\.test>/);

    // The client answers: the assignee (only) hears of it.
    const beforeAnswer = (await emailsOf(api.config.DATABASE_URL, owner.tenant.id)).length;
    expectStatus(
      await api.http.post(`/api/v1/portal/cases/${sent.id}/approve`, { version: 1, fullName: 'Mailer Q. Client' }, x.portalToken),
      200,
    );
    const answer = await sinceNow(beforeAnswer);
    expect(answer.map((e) => e.payload.to)).toEqual([reviewer.email]);
    expect(answer[0].payload.subject).toBe(`${sent.reference} approved by the client`);
    expect(answer[0].payload.text).toContain('Mailer Q. Client');
    const staffMail = await deliver(answer[0]);
    expect(staffMail.sent).toBe(true);

    // The reminder, due later, finds the case approved and sends nothing.
    expect(await deliver(reminders[0])).toEqual({ sent: false, reason: expect.stringContaining('no longer in client_review') });

    // The agency's owner reads both in the development mailbox (tests/integration/dev-mailbox.int.spec.ts: who may).
    const listed = await api.http.get('/api/v1/dev/mail', owner.token);
    expectStatus(listed, 200);
    const subjects = listed.body.data.map((m: { subject: string }) => m.subject);
    expect(subjects).toEqual(expect.arrayContaining([toContacts[0].payload.subject, answer[0].payload.subject]));
    const raw = await api.http.get(`/api/v1/dev/mail/${listed.body.data[0].file}`, owner.token);
    expect(raw.status).toBe(200);
    expect(String(raw.body)).toContain('Subject:');
    expect((await api.http.get('/api/v1/dev/mail/..%2F..%2Fetc%2Fpasswd', owner.token)).status).toBe(404);
    expect(delivered.location.startsWith(join(tenantMailDir(api.config, owner.tenant.id), ''))).toBe(true);
  });

  it('without an assignee, tells every reviewer, admin and owner when the client asks for changes', async () => {
    const reviewer = await addStaff(api.http, owner.token, 'reviewer');
    const writer = await addStaff(api.http, owner.token, 'writer');
    const x = await clientWithPortalSession(api.http, owner.token, 'Unassigned Client');
    const sent = await caseInClientReview(api.http, owner.token, x.client.id);
    const before = (await emailsOf(api.config.DATABASE_URL, owner.tenant.id)).length;
    expectStatus(
      await api.http.post(`/api/v1/portal/cases/${sent.id}/request-changes`, { comment: 'Add the invoice dates.' }, x.portalToken),
      200,
    );
    const answer = await sinceNow(before);
    const recipients = answer.map((e) => e.payload.to);
    expect(recipients).toEqual(expect.arrayContaining([owner.email, reviewer.email]));
    expect(recipients).not.toContain(writer.email);
    expect(answer[0].payload.text).toContain('Add the invoice dates.');
  });
});
