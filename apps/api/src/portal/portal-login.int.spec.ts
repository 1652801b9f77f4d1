import { signupAgency, startTestApi, uniqueEmail, type TestApi } from '../../test/harness';
import { createClient, expectStatus, queryAsTenant } from '../cases/case-test-helpers';
import { emailsOf } from './portal-test-helpers';

describe('portal log-in: magic links', () => {
  let api: TestApi;
  let owner: Awaited<ReturnType<typeof signupAgency>>;

  beforeAll(async () => {
    api = await startTestApi({ PUBLIC_URL: 'https://desk.example.test' });
    owner = await signupAgency(api.http, 'Link Agency');
  });
  afterAll(async () => {
    await api?.close();
  });

  const addContact = async (token: string, clientId: string, email: string, name = 'Sam Seller') => {
    const res = await api.http.post(`/api/v1/clients/${clientId}/contacts`, { name, email }, token);
    expectStatus(res, 201);
    return res.body as { id: string };
  };
  const tokenFromEmail = (text: string) => decodeURIComponent(/\/portal\/login\?token=(\S+)/.exec(text)![1]);

  it('answers 202 alike for known and unknown addresses, and emails a one-time link to every contact with the address', async () => {
    const email = uniqueEmail('seller');
    const [one, two] = [
      await createClient(api.http, owner.token, { name: 'Client One' }),
      await createClient(api.http, owner.token, { name: 'Client Two' }),
    ];
    const contactOne = await addContact(owner.token, one.id, email);
    await addContact(owner.token, two.id, email);
    const other = await signupAgency(api.http, 'Other Agency');
    await addContact(other.token, (await createClient(api.http, other.token)).id, email);

    const known = await api.http.post('/api/v1/portal/login-link', { email: email.toUpperCase() });
    const unknown = await api.http.post('/api/v1/portal/login-link', { email: uniqueEmail('nobody') });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    expect((await api.http.post('/api/v1/portal/login-link', { email: 'not an email' })).status).toBe(400);

    const mine = (await emailsOf(api.config.DATABASE_URL, owner.tenant.id)).filter((e) => e.payload.to === email);
    const theirs = (await emailsOf(api.config.DATABASE_URL, other.tenant.id)).filter((e) => e.payload.to === email);
    expect(mine).toHaveLength(2);
    expect(theirs).toHaveLength(1);
    expect(mine[0].payload.text).toContain('https://desk.example.test/portal/login?token=');
    expect(mine[0].payload.subject).toContain('Link Agency');

    // Each link opens a session scoped to its own client.
    const sessions = await Promise.all(mine.map((e) => api.http.post('/api/v1/portal/session', { token: tokenFromEmail(e.payload.text) })));
    expect(sessions.map((s) => s.status)).toEqual([200, 200]);
    expect(sessions.map((s) => s.body.client.name).sort()).toEqual(['Client One', 'Client Two']);
    expect(sessions.find((s) => s.body.client.id === one.id)!.body.contact).toEqual({ id: contactOne.id, name: 'Sam Seller', email });
    const me = await api.http.get('/api/v1/portal/me', sessions[0].body.accessToken);
    expectStatus(me, 200);
    expect(me.body.agency).toEqual({ name: 'Link Agency', branding: { primaryColor: expect.stringMatching(/^#/), logoDataUri: null } });
  });

  it('limits the links per address (still answering 202)', async () => {
    const email = uniqueEmail('eager');
    await addContact(owner.token, (await createClient(api.http, owner.token)).id, email);
    for (let i = 0; i < 7; i++) expect((await api.http.post('/api/v1/portal/login-link', { email })).status).toBe(202);
    expect((await emailsOf(api.config.DATABASE_URL, owner.tenant.id)).filter((e) => e.payload.to === email)).toHaveLength(5);
  });

  it('exchanges a staff-made link once; a used, expired or forged token is 400 on the field token', async () => {
    const client = await createClient(api.http, owner.token);
    const contact = await addContact(owner.token, client.id, uniqueEmail('once'));
    const make = async () => {
      const res = await api.http.post(`/api/v1/clients/${client.id}/contacts/${contact.id}/login-links`, {}, owner.token);
      expectStatus(res, 201);
      return res.body as { url: string; token: string; expiresAt: string };
    };
    const link = await make();
    expect(link.url).toBe(`https://desk.example.test/portal/login?token=${encodeURIComponent(link.token)}`);
    const minutes = (Date.parse(link.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);

    const refused = (res: { status: number; body: { error: { code: string; details: { field: string }[] } } }) => {
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.details[0].field).toBe('token');
    };
    // Two exchanges at once: exactly one wins (the row is locked and marked used in one transaction).
    const [a, b] = await Promise.all([
      api.http.post('/api/v1/portal/session', { token: link.token }),
      api.http.post('/api/v1/portal/session', { token: link.token }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 400]);
    refused(await api.http.post('/api/v1/portal/session', { token: link.token }));

    const expiring = await make();
    const rowId = expiring.token.split('.')[1];
    await queryAsTenant(
      api.config.DATABASE_URL,
      owner.tenant.id,
      `UPDATE portal_login_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [rowId],
    );
    refused(await api.http.post('/api/v1/portal/session', { token: expiring.token }));

    const genuine = await make();
    const [tenantId, id] = genuine.token.split('.');
    refused(await api.http.post('/api/v1/portal/session', { token: `${tenantId}.${id}.forgedsecretforgedsecretforgedsecret` }));
    refused(await api.http.post('/api/v1/portal/session', { token: 'garbage' }));
    expect((await api.http.post('/api/v1/portal/session', { token: genuine.token })).status).toBe(200);

    // Staff of another agency cannot make links for this contact; a viewer-less portal token cannot either.
    const other = await signupAgency(api.http, 'Snoop Agency');
    expect((await api.http.post(`/api/v1/clients/${client.id}/contacts/${contact.id}/login-links`, {}, other.token)).status).toBe(404);
  });

  it('keeps portal and staff tokens apart', async () => {
    const client = await createClient(api.http, owner.token);
    const contact = await addContact(owner.token, client.id, uniqueEmail('apart'));
    const link = await api.http.post(`/api/v1/clients/${client.id}/contacts/${contact.id}/login-links`, {}, owner.token);
    const portalToken = (await api.http.post('/api/v1/portal/session', { token: link.body.token })).body.accessToken as string;
    expect((await api.http.get('/api/v1/cases', portalToken)).status).toBe(403);
    expect((await api.http.get('/api/v1/me', portalToken)).status).toBe(403);
    expect((await api.http.post(`/api/v1/clients/${client.id}/contacts/${contact.id}/login-links`, {}, portalToken)).status).toBe(403);
    expect((await api.http.get('/api/v1/portal/cases', owner.token)).status).toBe(403);
    expect((await api.http.get('/api/v1/portal/cases')).status).toBe(401);
  });
});
