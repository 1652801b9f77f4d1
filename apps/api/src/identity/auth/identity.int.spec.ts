import { PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { addStaff, createApiKey, signupAgency, startTestApi, uniqueEmail, type TestApi } from '../../../test/harness';
import { ACCESS_KEY } from '../../core/access.decorators';
import { confirmEmail, signupConfirmed } from './auth-test-helpers';
import { AuthService } from './auth.service';

const PASSWORD = 'correct-horse-battery';

describe('identity and tenancy over HTTP', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ LOGIN_RATE_LIMIT_PER_EMAIL: '4' });
  });
  afterAll(() => api.close());

  it('signs up an agency and its owner', async () => {
    const email = uniqueEmail('signup');
    const res = await api.http.post('/api/v1/auth/signup', { agencyName: 'Blue Agency', name: 'Bea', email, password: PASSWORD });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      accessToken: expect.any(String),
      user: expect.objectContaining({ email, role: 'owner', status: 'active' }),
      tenant: expect.objectContaining({ name: 'Blue Agency' }),
    });
    expect(res.headers.get('set-cookie')).toMatch(/poa_refresh=.*HttpOnly/i);
  });

  it('answers bad input with 400 and the fields, malformed JSON with 400, big bodies with 413', async () => {
    const weak = await api.http.post('/api/v1/auth/signup', {
      agencyName: 'A',
      name: 'B',
      email: 'not-an-email',
      password: 'short',
      extra: true,
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('VALIDATION_FAILED');
    const fields = weak.body.error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'password', 'extra']));
    const malformed = await api.http.request('POST', '/api/v1/auth/signup', { raw: '{"agencyName": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('MALFORMED_JSON');
    const big = await api.http.request('POST', '/api/v1/auth/signup', { raw: JSON.stringify({ agencyName: 'x'.repeat(1_100_000) }) });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    const owner = await signupAgency(api.http);
    const badId = await api.http.patch('/api/v1/users/not-a-uuid', { name: 'x' }, owner.token);
    expect(badId.status).toBe(400);
  });

  it('refuses the NUL character (PostgreSQL text cannot hold it) and out-of-range numbers with 400, not 500', async () => {
    const owner = await signupAgency(api.http);
    const client = await api.http.post('/api/v1/clients', { name: 'Nul\u0000Goods' }, owner.token);
    expect(client.status).toBe(400);
    expect(client.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'name' }] });
    const search = await api.http.get('/api/v1/cases?q=%00', owner.token);
    expect(search.status).toBe(400);
    expect(search.body.error.details).toEqual([expect.objectContaining({ field: 'q' })]);
    const nested = await api.http.post('/api/v1/clients', { name: 'Fine', tags: ['ok', 'b\u0000d'] }, owner.token);
    expect(nested.status).toBe(400);
    expect(nested.body.error.details[0].field).toBe('tags.1');
    // A lone UTF-16 surrogate ("\ud800" in JSON) is refused too: jsonb columns cannot hold it.
    const lone = await api.http.post('/api/v1/clients', { name: 'Fine', tags: ['ok', 'b\ud800d'] }, owner.token);
    expect(lone.status).toBe(400);
    expect(lone.body.error.details[0].field).toBe('tags.1');
    // A version number beyond any integer column: a validation error, not a database error.
    const caseId = '00000000-0000-4000-8000-000000000000';
    const huge = await api.http.get(`/api/v1/cases/${caseId}/drafts/999999999999/pdf`, owner.token);
    expect(huge.status).toBe(400);
    expect(huge.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('gives a wrong password and an unknown email the same 401', async () => {
    const owner = await signupConfirmed(api);
    const wrong = await api.http.post('/api/v1/auth/login', { email: owner.email, password: 'wrong-password-1' });
    const unknown = await api.http.post('/api/v1/auth/login', { email: uniqueEmail('nobody'), password: 'wrong-password-1' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.code).toBe(unknown.body.error.code);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
    const ok = await api.http.post('/api/v1/auth/login', { email: owner.email, password: PASSWORD });
    expect(ok.status).toBe(200);
    const me = await api.http.get('/api/v1/me', ok.body.accessToken);
    expect(me.body.user.email).toBe(owner.email);
    expect(me.body.tenant.id).toBe(owner.tenant.id);
  });

  it('rate-limits log-in attempts per email, with Retry-After', async () => {
    const owner = await signupAgency(api.http);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await api.http.post('/api/v1/auth/login', { email: owner.email, password: 'wrong-password-1' })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const limited = await api.http.post('/api/v1/auth/login', { email: owner.email, password: PASSWORD });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('rotates the refresh token, and a replayed one revokes the whole family', async () => {
    const owner = await signupConfirmed(api);
    const login = await api.http.post('/api/v1/auth/login', { email: owner.email, password: PASSWORD });
    const cookie1 = login.headers.get('set-cookie')!.split(';')[0];
    const refreshed = await api.http.request('POST', '/api/v1/auth/refresh', { headers: { cookie: cookie1 } });
    expect(refreshed.status).toBe(200);
    const cookie2 = refreshed.headers.get('set-cookie')!.split(';')[0];
    expect(cookie2).not.toBe(cookie1);
    const replay = await api.http.request('POST', '/api/v1/auth/refresh', { headers: { cookie: cookie1 } });
    expect(replay.status).toBe(401);
    const afterReplay = await api.http.request('POST', '/api/v1/auth/refresh', { headers: { cookie: cookie2 } });
    expect(afterReplay.status).toBe(401);

    const again = await api.http.post('/api/v1/auth/login', { email: owner.email, password: PASSWORD });
    const cookie3 = again.headers.get('set-cookie')!.split(';')[0];
    expect((await api.http.request('POST', '/api/v1/auth/logout', { headers: { cookie: cookie3 } })).status).toBe(204);
    expect((await api.http.request('POST', '/api/v1/auth/refresh', { headers: { cookie: cookie3 } })).status).toBe(401);
  });

  it('ends every session on password change', async () => {
    const owner = await signupAgency(api.http);
    const changed = await api.http.post(
      '/api/v1/auth/password',
      { currentPassword: PASSWORD, newPassword: 'another-horse-battery' },
      owner.token,
    );
    expect(changed.status).toBe(200);
    expect((await api.http.get('/api/v1/me', owner.token)).status).toBe(401);
    expect((await api.http.get('/api/v1/me', changed.body.accessToken)).status).toBe(200);
  });

  it('invites staff, enforces the role ladder, and deactivation stops tokens at once', async () => {
    const owner = await signupAgency(api.http);
    const admin = await addStaff(api.http, owner.token, 'admin');
    const writer = await addStaff(api.http, admin.token, 'writer');
    expect((await api.http.post('/api/v1/users', { email: uniqueEmail(), name: 'X', role: 'owner' }, admin.token)).status).toBe(403);
    expect((await api.http.post('/api/v1/users', { email: uniqueEmail(), name: 'X', role: 'viewer' }, writer.token)).status).toBe(403);
    expect((await api.http.get('/api/v1/audit-events', writer.token)).status).toBe(403);

    const promoted = await api.http.patch(`/api/v1/users/${writer.user.id}`, { role: 'reviewer' }, admin.token);
    expect(promoted.body.role).toBe('reviewer');
    expect((await api.http.get('/api/v1/me', writer.token)).body.user.role).toBe('reviewer');

    expect((await api.http.get('/api/v1/me', writer.token)).status).toBe(200);
    await confirmEmail(api, owner.tenant.id, writer.email);
    expect((await api.http.post('/api/v1/auth/login', { email: writer.email, password: PASSWORD })).status).toBe(200);
    expect((await api.http.post(`/api/v1/users/${writer.user.id}/deactivate`, {}, admin.token)).status).toBe(200);
    expect((await api.http.get('/api/v1/me', writer.token)).status).toBe(401);
    expect((await api.http.post('/api/v1/auth/login', { email: writer.email, password: PASSWORD })).status).toBe(401);

    const events = await api.http.get('/api/v1/audit-events?limit=100', owner.token);
    const types = events.body.data.map((e: { type: string }) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'auth.signup',
        'user.invited',
        'user.invite_accepted',
        'user.role_changed',
        'user.deactivated',
        'auth.login.failed',
      ]),
    );
  });

  it('refuses a forged invite token with the same 400 as a wrong secret, before any password hashing', async () => {
    const hashing = jest.spyOn(api.app.get(AuthService), 'hashPassword');
    try {
      const owner = await signupAgency(api.http);
      const invite = await api.http.post('/api/v1/users', { email: uniqueEmail('invitee'), name: 'Ivy', role: 'viewer' }, owner.token);
      const [tenantId, userId] = (invite.body.inviteToken as string).split('.');
      hashing.mockClear();
      const forged = [
        '00000000-0000-0000-0000-000000000000.00000000-0000-0000-0000-000000000000.abc',
        `${randomUUID()}.${randomUUID()}.${'a'.repeat(43)}`,
        `${tenantId}.${userId}.${'b'.repeat(43)}`,
      ];
      for (const token of forged) {
        const bad = await api.http.post('/api/v1/auth/accept-invite', { token, password: PASSWORD });
        expect(bad.status).toBe(400);
        expect(bad.body.error).toMatchObject({
          code: 'VALIDATION_FAILED',
          details: [{ field: 'token', message: 'is invalid or has expired' }],
        });
      }
      expect(hashing).not.toHaveBeenCalled();
      expect((await api.http.post('/api/v1/auth/accept-invite', { token: invite.body.inviteToken, password: PASSWORD })).status).toBe(201);
      expect(hashing).toHaveBeenCalledTimes(1);
    } finally {
      hashing.mockRestore();
    }
  });

  it('API keys: shown once, act with exactly their scopes, revoked at once', async () => {
    const owner = await signupAgency(api.http);
    const created = await api.http.post('/api/v1/api-keys', { name: 'CRM', scopes: ['clients:read'] }, owner.token);
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^poa_[A-Za-z0-9]{10}_[A-Za-z0-9]{40}$/);
    expect(created.body.key.startsWith(created.body.prefix)).toBe(true);
    const list = await api.http.get('/api/v1/api-keys', owner.token);
    expect(JSON.stringify(list.body)).not.toContain(created.body.key);

    const key = created.body.key as string;
    expect((await api.http.get('/api/v1/api-keys', key)).status).toBe(403);
    expect((await api.http.get('/api/v1/me', key)).status).toBe(403);
    expect((await api.http.get('/api/v1/me', key.slice(0, -1) + (key.endsWith('a') ? 'b' : 'a'))).status).toBe(401);

    expect((await api.http.delete(`/api/v1/api-keys/${created.body.id}`, owner.token)).status).toBe(204);
    expect((await api.http.get('/api/v1/api-keys', owner.token)).body.data[0].revokedAt).not.toBeNull();
    const anotherKey = await createApiKey(api.http, owner.token, ['cases:read']);
    expect(anotherKey).toMatch(/^poa_/);
  });

  it('every route declares Public() or Can(permission)', () => {
    const undeclared: string[] = [];
    let routes = 0;
    for (const module of api.app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | undefined;
        if (!controller?.prototype) continue;
        for (const name of Object.getOwnPropertyNames(controller.prototype)) {
          const handler = controller.prototype[name];
          if (name === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined)
            continue;
          routes++;
          if (!Reflect.getMetadata(ACCESS_KEY, handler) && !Reflect.getMetadata(ACCESS_KEY, controller))
            undeclared.push(`${controller.name}.${name}`);
        }
      }
    }
    expect(routes).toBeGreaterThan(15);
    expect(undeclared).toEqual([]);
  });

  it('describes the flows in the OpenAPI document', async () => {
    const doc = await api.http.get('/api/openapi.json');
    expect(doc.status).toBe(200);
    for (const path of [
      '/api/v1/auth/signup',
      '/api/v1/auth/login',
      '/api/v1/me',
      '/api/v1/users',
      '/api/v1/api-keys',
      '/api/v1/audit-events',
      '/health/ready',
    ]) {
      expect(doc.body.paths[path]).toBeDefined();
    }
    expect((await api.http.get('/api/docs')).status).toBe(200);
  });
});
