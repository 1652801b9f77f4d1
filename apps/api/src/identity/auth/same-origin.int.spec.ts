import { startTestApi, type TestApi } from '../../../test/harness';
import { signupConfirmed } from './auth-test-helpers';

/** The cookie-authenticated endpoints (refresh, logout) refuse what another site makes a browser send. */
describe('refresh and logout: cross-site requests', () => {
  let api: TestApi;
  let cookie: string;
  beforeAll(async () => {
    api = await startTestApi({ PUBLIC_URL: 'https://desk.example.test' });
    const login = await signupConfirmed(api);
    const session = await api.http.post('/api/v1/auth/login', { email: login.email, password: login.password });
    cookie = session.headers.get('set-cookie')!.split(';')[0];
  });
  afterAll(async () => {
    await api?.close();
  });

  const send = (path: 'refresh' | 'logout', headers: Record<string, string>) =>
    api.http.request('POST', `/api/v1/auth/${path}`, { headers: { cookie, ...headers } });
  /** A refresh that must pass; the cookie rotates, so the next call uses the new one. */
  async function refreshes(headers: Record<string, string>): Promise<void> {
    const res = await send('refresh', headers);
    expect(res.status).toBe(200);
    expect(res.body.accessToken).toEqual(expect.any(String));
    cookie = res.headers.get('set-cookie')!.split(';')[0];
  }
  function expectRefused(res: { status: number; body: { error: { code: string; details: { field: string }[] } } }, field: string) {
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CROSS_SITE_REQUEST');
    expect(res.body.error.details).toEqual([expect.objectContaining({ field })]);
  }

  const crossSite: [string, Record<string, string>, string][] = [
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }, 'Sec-Fetch-Site'],
    ['Sec-Fetch-Site: same-site (a sibling subdomain)', { 'sec-fetch-site': 'same-site' }, 'Sec-Fetch-Site'],
    [
      'Sec-Fetch-Site: cross-site even with our Origin',
      { 'sec-fetch-site': 'cross-site', origin: 'https://desk.example.test' },
      'Sec-Fetch-Site',
    ],
    ['another Origin', { origin: 'https://evil.example' }, 'Origin'],
    ['Origin: null (a sandboxed frame)', { origin: 'null' }, 'Origin'],
    ['an Origin that only shares the host name', { origin: 'http://desk.example.test' }, 'Origin'],
  ];

  it.each(crossSite)('refuses a refresh with %s (403 CROSS_SITE_REQUEST), and the cookie still works', async (_name, headers, field) => {
    expectRefused(await send('refresh', headers), field);
    await refreshes({ 'sec-fetch-site': 'same-origin' });
  });

  it.each(crossSite)('refuses a log-out with %s, and the session is not ended', async (_name, headers, field) => {
    expectRefused(await send('logout', headers), field);
    await refreshes({});
  });

  it('accepts same-origin browsers (Sec-Fetch-Site, or Origin of PUBLIC_URL or of the host called) and clients without browser headers', async () => {
    await refreshes({ 'sec-fetch-site': 'same-origin', origin: 'https://desk.example.test' });
    await refreshes({ 'sec-fetch-site': 'none' });
    await refreshes({ origin: 'https://desk.example.test' });
    await refreshes({ origin: api.baseUrl });
    await refreshes({});
    expect((await send('logout', { 'sec-fetch-site': 'same-origin' })).status).toBe(204);
    expect((await send('refresh', { 'sec-fetch-site': 'same-origin' })).status).toBe(401);
  });
});
