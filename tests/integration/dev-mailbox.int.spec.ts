import { createDataSource, TenantDb } from '@poa/db';
import { mailDir } from '@poa/jobs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { deliverEmailJob } from '../../apps/worker/src/email/deliver-email-job';
import { createMailSender } from '../../apps/worker/src/email/mail-sender';
// The API and the worker's delivery code together: test-only imports of the API's harness (never in the build).
import { addStaff, createApiKey, signupAgency, startTestApi, type TestApi } from '../../apps/api/test/harness';
import { createClient, createContact, expectStatus } from '../../apps/api/src/cases/case-test-helpers';
import { emailsOf } from '../../apps/api/src/portal/portal-test-helpers';

/**
 * The development mailbox holds portal log-in links: only an agency's owners and admins read it, only their own
 * agency's mail, and only when DEV_MAILBOX=true.
 */
describe('development mailbox', () => {
  let api: TestApi;
  let dataSource: DataSource;
  let a: Awaited<ReturnType<typeof signupAgency>>;
  let b: Awaited<ReturnType<typeof signupAgency>>;
  let contactEmail: string;

  beforeAll(async () => {
    api = await startTestApi({ DEV_MAILBOX: 'true', PUBLIC_URL: 'https://desk.example.test' });
    dataSource = await createDataSource({ url: api.config.DATABASE_URL, poolSize: 2 }).initialize();
    a = await signupAgency(api.http, 'Agency A');
    b = await signupAgency(api.http, 'Agency B');
    // Anyone may ask for a contact's log-in link: the worker writes it to agency A's mail.
    const contact = await createContact(api.http, a.token, (await createClient(api.http, a.token)).id, 'Linda Link');
    contactEmail = contact.email;
    expectStatus(await api.http.post('/api/v1/portal/login-link', { email: contactEmail }), 202);
    const db = new TenantDb(dataSource);
    const sender = createMailSender({ DATA_DIR: api.config.DATA_DIR, SMTP_URL: undefined });
    for (const row of await emailsOf(api.config.DATABASE_URL, a.tenant.id)) {
      await deliverEmailJob(db, sender, { MAIL_FROM: 'POA Desk <no-reply@desk.example.test>' }, row.payload as never, row.job_id);
    }
    sender.close();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await api?.close();
  });

  const list = (token?: string) => api.http.get('/api/v1/dev/mail', token);

  it('answers 401 without a log-in, on the list and on a message', async () => {
    const owners = await list(a.token);
    expectStatus(owners, 200);
    const file = owners.body.data[0].file as string;
    for (const res of [await list(), await api.http.get(`/api/v1/dev/mail/${file}`)]) {
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('answers 403 to writers, reviewers, viewers and API keys', async () => {
    const file = (await list(a.token)).body.data[0].file as string;
    const key = await createApiKey(api.http, a.token, ['clients:read', 'cases:read', 'clients:write', 'cases:write', 'webhooks:manage']);
    for (const role of ['writer', 'reviewer', 'viewer']) {
      const { token } = await addStaff(api.http, a.token, role);
      expect([(await list(token)).status, (await api.http.get(`/api/v1/dev/mail/${file}`, token)).status]).toEqual([403, 403]);
    }
    expect((await list(key)).status).toBe(403);
  });

  it("shows an owner or admin only their own agency's mail, log-in link included", async () => {
    const owners = await list(a.token);
    expectStatus(owners, 200);
    // Besides the contact's log-in link, agency A's own people got their address confirmations.
    const toContact = owners.body.data.filter((m: { to: string }) => m.to === contactEmail);
    expect(toContact).toEqual([expect.objectContaining({ subject: expect.stringContaining('Agency A') })]);
    const raw = await api.http.get(`/api/v1/dev/mail/${toContact[0].file}`, a.token);
    expectStatus(raw, 200);
    expect(String(raw.body).replace(/=\r?\n/g, '')).toContain('https://desk.example.test/portal/login?token=');
    const admin = await addStaff(api.http, a.token, 'admin');
    expect((await list(admin.token)).body.data).toEqual((await list(a.token)).body.data);

    // Agency B sees none of it (at most its owner's own confirmation), even knowing the file name; a name reaching
    // outside the folder is 404 too.
    expect((await list(b.token)).body.data.filter((m: { to: string }) => m.to !== b.email)).toEqual([]);
    expect((await api.http.get(`/api/v1/dev/mail/${toContact[0].file}`, b.token)).status).toBe(404);
    expect((await api.http.get(`/api/v1/dev/mail/..%2F${a.tenant.id}%2F${toContact[0].file}`, b.token)).status).toBe(404);
  });

  it('shows mail without an agency to nobody', async () => {
    mkdirSync(mailDir(api.config), { recursive: true });
    writeFileSync(join(mailDir(api.config), 'orphan.eml'), 'To: x@example.test\nSubject: no agency\n\nsecret');
    for (const owner of [a, b]) {
      expect((await list(owner.token)).body.data.map((m: { subject: string }) => m.subject)).not.toContain('no agency');
      expect((await api.http.get('/api/v1/dev/mail/orphan.eml', owner.token)).status).toBe(404);
    }
  });

  it('serves no mail at /dev/mail outside the API', async () => {
    const page = await fetch(`${api.baseUrl}/dev/mail`);
    expect(await page.text()).not.toContain(contactEmail);
  });

  it('does not exist unless DEV_MAILBOX=true (404 even for an owner)', async () => {
    const off = await startTestApi();
    try {
      const owner = await signupAgency(off.http);
      expect(off.config.DEV_MAILBOX).toBe(false);
      expect((await off.http.get('/api/v1/dev/mail', owner.token)).status).toBe(404);
      expect((await off.http.get('/api/v1/dev/mail/x.eml', owner.token)).status).toBe(404);
      expect((await off.http.get('/api/v1/dev/mail')).status).toBe(404);
    } finally {
      await off.close();
    }
  });
});
