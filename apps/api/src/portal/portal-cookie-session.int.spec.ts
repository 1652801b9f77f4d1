import { signupAgency, startTestApi, type TestApi } from '../../test/harness';
import { createContact, expectStatus } from '../cases/case-test-helpers';
import { caseInClientReview, clientWithPortalSession } from './portal-test-helpers';

/**
 * The portal session as an httpOnly cookie: set by the link exchange, enough on its own for every portal request,
 * replaced by the next log-in, refused for a change another site made the browser send, ended by log-out.
 */
describe('portal: the session cookie', () => {
  let api: TestApi;
  let staff: string;

  beforeAll(async () => {
    api = await startTestApi();
    staff = (await signupAgency(api.http, 'Cookie Agency')).token;
  });
  afterAll(async () => {
    await api?.close();
  });

  /** Exchanges a fresh staff-made link of the contact; returns the Set-Cookie header and the cookie pair. */
  async function logIn(clientId: string, contactId: string) {
    const link = await api.http.post(`/api/v1/clients/${clientId}/contacts/${contactId}/login-links`, {}, staff);
    expectStatus(link, 201);
    const session = await api.http.post('/api/v1/portal/session', { token: link.body.token });
    expectStatus(session, 200);
    const setCookie = session.headers.get('set-cookie') ?? '';
    const pair = /poa_portal=[^;]+/.exec(setCookie)?.[0];
    if (!pair) throw new Error(`no portal cookie in ${setCookie}`);
    return { setCookie, cookie: pair, body: session.body };
  }
  const withCookie = (cookie: string, extra: Record<string, string> = {}) => ({ cookie, ...extra });

  it('sets an httpOnly, SameSite=Strict cookie for the portal API that authenticates on its own for 8 hours', async () => {
    const x = await clientWithPortalSession(api.http, staff, 'Cookie Goods');
    const { setCookie, cookie } = await logIn(x.client.id, x.contact.id);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\/api\/v1\/portal/);
    expect(setCookie).toMatch(/Max-Age=28800/);

    const me = await api.http.request('GET', '/api/v1/portal/me', { headers: withCookie(cookie) });
    expectStatus(me, 200);
    expect(me.body.contact.id).toBe(x.contact.id);
    // No cookie and no token: refused.
    expect((await api.http.get('/api/v1/portal/me')).status).toBe(401);
  });

  it('a new log-in replaces the identity: the second contact’s cookie shows the second contact', async () => {
    const x = await clientWithPortalSession(api.http, staff, 'Swap Goods');
    const second = await createContact(api.http, staff, x.client.id, 'Second Person');
    const first = await logIn(x.client.id, x.contact.id);
    const next = await logIn(x.client.id, second.id);
    expect(next.cookie).not.toBe(first.cookie);
    const me = await api.http.request('GET', '/api/v1/portal/me', { headers: withCookie(next.cookie) });
    expect(me.body.contact).toEqual(expect.objectContaining({ id: second.id, name: 'Second Person' }));
  });

  it('refuses a cookie-authenticated change another site sent (403 CROSS_SITE_REQUEST), not one from the portal or with a bearer token', async () => {
    const x = await clientWithPortalSession(api.http, staff, 'Forgery Goods');
    const kase = await caseInClientReview(api.http, staff, x.client.id);
    const { cookie } = await logIn(x.client.id, x.contact.id);
    const comment = (headers: Record<string, string>) =>
      api.http.request('POST', `/api/v1/portal/cases/${kase.id}/comments`, { headers, body: { body: 'Hello' } });

    const forgeries: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'https://evil.example' },
    ];
    for (const forged of forgeries) {
      const res = await comment(withCookie(cookie, forged));
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('CROSS_SITE_REQUEST');
    }
    // Reads are not changes: a cross-site GET is answered (SameSite=Strict keeps the cookie off it in a browser anyway).
    expectStatus(
      await api.http.request('GET', '/api/v1/portal/me', { headers: withCookie(cookie, { 'sec-fetch-site': 'cross-site' }) }),
      200,
    );
    expectStatus(await comment(withCookie(cookie, { 'sec-fetch-site': 'same-origin' })), 201);
    expectStatus(await comment(withCookie(cookie, { origin: api.baseUrl })), 201);
    // A bearer token is not sent by a browser on its own: no origin check.
    expectStatus(await comment({ authorization: `Bearer ${x.portalToken}`, 'sec-fetch-site': 'cross-site' }), 201);
  });

  it('log-out with the cookie clears it and ends every session of the contact (session_version)', async () => {
    const x = await clientWithPortalSession(api.http, staff, 'Logout Goods');
    const { cookie } = await logIn(x.client.id, x.contact.id);
    const forged = await api.http.request('POST', '/api/v1/portal/logout', {
      headers: withCookie(cookie, { 'sec-fetch-site': 'cross-site' }),
    });
    expect(forged.status).toBe(403);
    expectStatus(await api.http.request('GET', '/api/v1/portal/me', { headers: withCookie(cookie) }), 200);

    const out = await api.http.request('POST', '/api/v1/portal/logout', {
      headers: withCookie(cookie, { 'sec-fetch-site': 'same-origin' }),
    });
    expectStatus(out, 204);
    expect(out.headers.get('set-cookie')).toMatch(/poa_portal=;.*Expires=Thu, 01 Jan 1970/);
    expect((await api.http.request('GET', '/api/v1/portal/me', { headers: withCookie(cookie) })).status).toBe(401);
    // The bearer token of the earlier session ended with it.
    expect((await api.http.get('/api/v1/portal/me', x.portalToken)).status).toBe(401);
  });

  it('shows an agency’s name and branding to its log-in page; an unknown agency is 404, a malformed id 400', async () => {
    const owner = await signupAgency(api.http, 'Branded Agency');
    const agency = await api.http.get(`/api/v1/portal/agencies/${owner.tenant.id}`);
    expectStatus(agency, 200);
    expect(agency.body).toEqual({ name: 'Branded Agency', branding: { primaryColor: expect.any(String), logoDataUri: null } });
    expect((await api.http.get('/api/v1/portal/agencies/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const bad = await api.http.get('/api/v1/portal/agencies/not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('id');
  });
});
