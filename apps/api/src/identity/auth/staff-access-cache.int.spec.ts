import { addStaff, signupAgency, startApiProcess, startTestApi, type TestApi } from '../../../test/harness';

/**
 * Each API process keeps the staff rows it checks (StaffAccessCache). This API and a second one in its own process,
 * on one database and one Redis, stand for two replicas: a change made through one must be seen by the other on the
 * very next request.
 */
describe('the staff access cache across API processes', () => {
  let a: TestApi;
  let b: Awaited<ReturnType<typeof startApiProcess>>;
  beforeAll(async () => {
    [a, b] = await Promise.all([startTestApi(), startApiProcess()]);
  }, 90_000);
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('a user deactivated through one process is refused by the other at the next request', async () => {
    const owner = await signupAgency(a.http, 'Cache Agency');
    const writer = await addStaff(a.http, owner.token, 'writer');
    // Both processes have checked (and kept) the writer.
    for (const api of [a, b, b]) expect((await api.http.get('/api/v1/cases', writer.token)).status).toBe(200);

    expect((await a.http.post(`/api/v1/users/${writer.user.id}/deactivate`, {}, owner.token)).status).toBe(200);
    expect((await b.http.get('/api/v1/cases', writer.token)).status).toBe(401);
    expect((await a.http.get('/api/v1/cases', writer.token)).status).toBe(401);
  });

  it('a role lowered through one process is applied by the other at the next request', async () => {
    const owner = await signupAgency(a.http, 'Cache Role Agency');
    const writer = await addStaff(a.http, owner.token, 'writer');
    expect((await b.http.post('/api/v1/clients', { name: 'Allowed while a writer' }, writer.token)).status).toBe(201);
    expect((await b.http.get('/api/v1/clients', writer.token)).status).toBe(200);

    expect((await a.http.patch(`/api/v1/users/${writer.user.id}`, { role: 'viewer' }, owner.token)).status).toBe(200);
    const refused = await b.http.post('/api/v1/clients', { name: 'Refused as a viewer' }, writer.token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
  });

  it('a password change through one process ends the old access token on the other', async () => {
    const owner = await signupAgency(a.http, 'Cache Password Agency');
    expect((await b.http.get('/api/v1/cases', owner.token)).status).toBe(200);
    const changed = await a.http.post(
      '/api/v1/auth/password',
      { currentPassword: owner.password, newPassword: 'another-correct-horse' },
      owner.token,
    );
    expect(changed.status).toBeLessThan(300);
    expect((await b.http.get('/api/v1/cases', owner.token)).status).toBe(401);
    expect((await b.http.get('/api/v1/cases', changed.body.accessToken)).status).toBe(200);
  });
});
