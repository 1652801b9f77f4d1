import { signupAgency, startTestApi, uniqueEmail, type HttpResponse, type TestApi } from '../../../test/harness';
import { expectStatus } from '../../cases/case-test-helpers';
import { confirmationToken, confirmEmail, emailsOfKind, signupConfirmed } from './auth-test-helpers';

const PASSWORD = 'correct-horse-battery';

/** The shape of an answer: its status and every key path of its body (values aside). */
function shape(res: HttpResponse): { status: number; keys: string[] } {
  const keys: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (value && typeof value === 'object' && !Array.isArray(value))
      for (const [key, item] of Object.entries(value)) walk(item, path ? `${path}.${key}` : key);
    else keys.push(`${path}:${value === null ? 'null' : typeof value}`);
  };
  walk(res.body, '');
  return { status: res.status, keys: keys.sort() };
}

describe('sign-up and invites do not tell whether an address has an account', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  }, 60_000);
  afterAll(() => api?.close());

  const login = (email: string, password: string) => api.http.post('/api/v1/auth/login', { email, password });

  it('sign-up answers a taken address as a free one, and emails the holder of the address instead', async () => {
    const holder = await signupConfirmed(api);
    const takenSignup = await api.http.post('/api/v1/auth/signup', {
      agencyName: 'Copycat',
      name: 'Mallory',
      email: holder.email.toUpperCase(),
      password: 'mallory-horse-battery',
    });
    const freeEmail = uniqueEmail('free');
    const freeSignup = await api.http.post('/api/v1/auth/signup', {
      agencyName: 'Fresh',
      name: 'Fay',
      email: freeEmail,
      password: PASSWORD,
    });
    expect(shape(takenSignup)).toEqual(shape(freeSignup));
    expectStatus(takenSignup, 201);
    expect(takenSignup.body.user).toMatchObject({ email: holder.email, role: 'owner', status: 'active' });
    expect(takenSignup.headers.get('set-cookie')).toMatch(/poa_refresh=/);
    // The copy is an agency of its own: nothing of the holder's is reachable, and the holder logs in as before.
    expect(takenSignup.body.tenant.id).not.toBe(holder.tenant.id);
    expect((await api.http.get('/api/v1/me', takenSignup.body.accessToken)).body.tenant.name).toBe('Copycat');
    const holderLogin = await login(holder.email, PASSWORD);
    expectStatus(holderLogin, 200);
    expect(holderLogin.body.tenant.id).toBe(holder.tenant.id);

    // Neither new account logs in with its password before its address is confirmed: the same 401 for both.
    const takenLogin = await login(holder.email, 'mallory-horse-battery');
    const freeLogin = await login(freeEmail, PASSWORD);
    expect(shape(takenLogin)).toEqual(shape(freeLogin));
    expect(takenLogin.body.error).toMatchObject({ code: 'INVALID_CREDENTIALS', message: freeLogin.body.error.message });

    // Email: the free address gets a confirmation link; the taken one gets none, and its holder is told instead.
    expect(await confirmationToken(api, takenSignup.body.tenant.id, holder.email)).toBeUndefined();
    const told = await emailsOfKind(api, holder.tenant.id, 'address-in-use');
    expect(told).toEqual([
      expect.objectContaining({
        to: holder.email,
        subject: 'Someone tried to use your email address on POA Desk',
        text: expect.stringContaining('tried to sign up'),
      }),
    ]);
    expect(await emailsOfKind(api, freeSignup.body.tenant.id, 'address-in-use')).toEqual([]);
    const token = await confirmationToken(api, freeSignup.body.tenant.id, freeEmail);
    expectStatus(await api.http.post('/api/v1/auth/confirm-email', { token }), 204);
    expectStatus(await login(freeEmail, PASSWORD), 200);
    // A link works once.
    const again = await api.http.post('/api/v1/auth/confirm-email', { token });
    expectStatus(again, 400);
    expect(again.body.error.details).toEqual([expect.objectContaining({ field: 'token' })]);
  });

  it('an address confirmed by one account cannot be confirmed by another that asked for it at the same time', async () => {
    const email = uniqueEmail('race');
    const first = await api.http.post('/api/v1/auth/signup', { agencyName: 'First', name: 'F', email, password: PASSWORD });
    const second = await api.http.post('/api/v1/auth/signup', { agencyName: 'Second', name: 'S', email, password: 'second-horse-battery' });
    const secondToken = await confirmationToken(api, second.body.tenant.id, email);
    await confirmEmail(api, first.body.tenant.id, email);
    expectStatus(await api.http.post('/api/v1/auth/confirm-email', { token: secondToken }), 400);
    expect((await login(email, PASSWORD)).body.tenant.id).toBe(first.body.tenant.id);
    expectStatus(await login(email, 'second-horse-battery'), 401);
  });

  it("inviting another agency's user answers as for a free address; their account is untouched and they are told", async () => {
    const holder = await signupConfirmed(api);
    const inviter = await signupAgency(api.http, 'Inviting Agency');
    const taken = await api.http.post('/api/v1/users', { email: holder.email, name: 'Holder', role: 'writer' }, inviter.token);
    const freeEmail = uniqueEmail('free-invitee');
    const free = await api.http.post('/api/v1/users', { email: freeEmail, name: 'Free', role: 'writer' }, inviter.token);
    expect(shape(taken)).toEqual(shape(free));
    expectStatus(taken, 201);

    const takenAccept = await api.http.post('/api/v1/auth/accept-invite', {
      token: taken.body.inviteToken,
      password: 'invitee-horse-battery',
    });
    const freeAccept = await api.http.post('/api/v1/auth/accept-invite', { token: free.body.inviteToken, password: PASSWORD });
    expect(shape(takenAccept)).toEqual(shape(freeAccept));
    expectStatus(takenAccept, 201);
    expect((await login(holder.email, PASSWORD)).body.tenant.id).toBe(holder.tenant.id);
    expectStatus(await login(holder.email, 'invitee-horse-battery'), 401);
    expect(await emailsOfKind(api, holder.tenant.id, 'address-in-use')).toEqual([
      expect.objectContaining({ to: holder.email, text: expect.stringContaining('Inviting Agency just tried to add') }),
    ]);
    await confirmEmail(api, inviter.tenant.id, freeEmail);
    expectStatus(await login(freeEmail, PASSWORD), 200);

    // Within one agency the list of its own staff is no secret: a second invite of the same address is refused.
    const twice = await api.http.post('/api/v1/users', { email: freeEmail, name: 'Free', role: 'writer' }, inviter.token);
    expectStatus(twice, 409);
    expect(twice.body.error.code).toBe('EMAIL_TAKEN');
  });
});
