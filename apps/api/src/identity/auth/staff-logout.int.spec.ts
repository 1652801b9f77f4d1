import { startTestApi, type TestApi } from '../../../test/harness';
import { signupConfirmed } from './auth-test-helpers';

/** Staff log-out ends the access token at once, not when it expires (deactivation: identity.int.spec.ts). */
describe('staff log-out', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const login = async (email: string, password: string) => {
    const res = await api.http.post('/api/v1/auth/login', { email, password });
    expect(res.status).toBe(200);
    return { token: res.body.accessToken as string, cookie: res.headers.get('set-cookie')!.split(';')[0] };
  };

  it('refuses the access token right after log-out; another device gets a new one with its own refresh token', async () => {
    const owner = await signupConfirmed(api);
    const laptop = await login(owner.email, owner.password);
    const phone = await login(owner.email, owner.password);
    expect((await api.http.get('/api/v1/me', laptop.token)).status).toBe(200);

    expect((await api.http.request('POST', '/api/v1/auth/logout', { headers: { cookie: laptop.cookie } })).status).toBe(204);
    const after = await api.http.get('/api/v1/me', laptop.token);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('UNAUTHENTICATED');
    expect((await api.http.request('POST', '/api/v1/auth/refresh', { headers: { cookie: laptop.cookie } })).status).toBe(401);

    expect((await api.http.get('/api/v1/me', phone.token)).status).toBe(401);
    const refreshed = await api.http.request('POST', '/api/v1/auth/refresh', { headers: { cookie: phone.cookie } });
    expect(refreshed.status).toBe(200);
    expect((await api.http.get('/api/v1/me', refreshed.body.accessToken)).status).toBe(200);
  });
});
