import { signupAgency, startTestApi, uniqueEmail, type TestApi, type HttpResponse } from '../../test/harness';
import { createContact, expectStatus } from '../cases/case-test-helpers';
import { caseInClientReview, clientWithPortalSession } from './portal-test-helpers';

/** A portal session ends with the client's archiving, the contact's removal or new e-mail, and the portal log-out. */
describe('portal: sessions that end', () => {
  let api: TestApi;
  let staff: string;

  beforeAll(async () => {
    api = await startTestApi();
    staff = (await signupAgency(api.http, 'Session Agency')).token;
  });
  afterAll(async () => {
    await api?.close();
  });

  /** A contact with a portal session and a case of their client waiting for their approval. */
  async function reviewing(name: string) {
    const session = await clientWithPortalSession(api.http, staff, name);
    const sent = await caseInClientReview(api.http, staff, session.client.id);
    expectStatus(await api.http.get('/api/v1/portal/me', session.portalToken), 200);
    return { ...session, caseId: sent.id };
  }
  const approve = (x: { caseId: string; portalToken: string }) =>
    api.http.post(`/api/v1/portal/cases/${x.caseId}/approve`, { version: 1, fullName: 'Someone Else' }, x.portalToken);
  const refused = (res: HttpResponse) => {
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  };
  const newSession = async (x: { client: { id: string }; contact: { id: string } }) => {
    const link = await api.http.post(`/api/v1/clients/${x.client.id}/contacts/${x.contact.id}/login-links`, {}, staff);
    expectStatus(link, 201);
    return api.http.post('/api/v1/portal/session', { token: link.body.token });
  };

  it('refuses the session of an archived client, and restoring the client does not bring it back', async () => {
    const x = await reviewing('Archived Goods');
    expectStatus(await api.http.patch(`/api/v1/clients/${x.client.id}`, { archived: true }, staff), 200);
    refused(await approve(x));
    refused(await api.http.get('/api/v1/portal/cases', x.portalToken));
    expect((await newSession(x)).status).toBe(400);

    expectStatus(await api.http.patch(`/api/v1/clients/${x.client.id}`, { archived: false }, staff), 200);
    refused(await approve(x));
    const fresh = await newSession(x);
    expectStatus(fresh, 200);
    expectStatus(await approve({ caseId: x.caseId, portalToken: fresh.body.accessToken }), 200);
  });

  it('refuses the session when a client with cases is deleted (archived instead)', async () => {
    const x = await reviewing('Deleted Goods');
    const deleted = await api.http.delete(`/api/v1/clients/${x.client.id}`, staff);
    expect(deleted.body).toEqual({ id: x.client.id, result: 'archived' });
    refused(await approve(x));
  });

  it('refuses the session of a removed contact', async () => {
    const x = await reviewing('Removed Contact Goods');
    expectStatus(await api.http.delete(`/api/v1/clients/${x.client.id}/contacts/${x.contact.id}`, staff), 204);
    refused(await approve(x));
  });

  it("refuses the session once the contact's e-mail changes; a new name alone keeps it", async () => {
    const x = await reviewing('New Address Goods');
    const other = await createContact(api.http, staff, x.client.id, 'Colleague');
    const colleague = await newSession({ client: x.client, contact: other });
    expectStatus(await api.http.patch(`/api/v1/clients/${x.client.id}/contacts/${x.contact.id}`, { name: 'Renamed Person' }, staff), 200);
    expectStatus(
      await api.http.patch(`/api/v1/clients/${x.client.id}/contacts/${x.contact.id}`, { email: x.contact.email.toUpperCase() }, staff),
      200,
    );
    expectStatus(await api.http.get('/api/v1/portal/me', x.portalToken), 200);

    expectStatus(
      await api.http.patch(`/api/v1/clients/${x.client.id}/contacts/${x.contact.id}`, { email: uniqueEmail('moved') }, staff),
      200,
    );
    refused(await approve(x));
    // The other contact of the same client keeps their session.
    expectStatus(await api.http.get('/api/v1/portal/me', colleague.body.accessToken), 200);
  });

  it('logs out on the server: every token of the contact is refused afterwards, other contacts keep theirs', async () => {
    const x = await reviewing('Log-out Goods');
    const secondDevice = (await newSession(x)).body.accessToken as string;
    const y = await reviewing('Bystander Goods');
    expect((await api.http.post('/api/v1/portal/logout', {}, x.portalToken)).status).toBe(204);
    refused(await approve(x));
    refused(await api.http.get('/api/v1/portal/me', secondDevice));
    refused(await api.http.post('/api/v1/portal/logout', {}, x.portalToken));
    expectStatus(await api.http.get('/api/v1/portal/me', y.portalToken), 200);

    // Staff tokens and anonymous callers cannot use the portal log-out.
    expect((await api.http.post('/api/v1/portal/logout', {}, staff)).status).toBe(403);
    expect((await api.http.post('/api/v1/portal/logout', {})).status).toBe(401);
    const fresh = await newSession(x);
    expectStatus(await approve({ caseId: x.caseId, portalToken: fresh.body.accessToken }), 200);
  });
});
