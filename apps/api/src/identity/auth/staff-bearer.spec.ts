import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '@poa/config';
import type { Request } from 'express';
import type { RequestRateLimit } from '../../rate-limit/request-rate-limit';
import type { AccessRow, UsersRepository } from '../users/users.repository';
import type { StaffAccessCache } from './staff-access-cache';
import { StaffJwtStrategy } from './strategies';
import { JWT_ISSUER, jwtKey, PORTAL_AUDIENCE, STAFF_AUDIENCE } from './tokens.service';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const TENANT = '6f1c1d9e-2d1a-4c1e-9a52-0b7e3b1f0a11';
const USER = '0d7e5f0a-3c2b-4a19-8e6d-5b4c3a2f1e0d';

function setUp(row: Partial<AccessRow> = {}) {
  const user = { id: USER, name: 'Ann', email: 'ann@example.com', role: 'writer', status: 'active', token_version: 0, ...row } as AccessRow;
  const users = { accessCheck: jest.fn(async () => [user]) };
  // No Redis version: the strategy reads the user's row on every request (what these tests look at).
  const rateLimit = { count: jest.fn(async () => ({ key: `user:${USER}`, outcome: { ok: true, remaining: 1 }, version: undefined })) };
  const cache = { get: jest.fn(), set: jest.fn() };
  const jwt = new JwtService({ secret: jwtKey(SECRET), signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } });
  const strategy = new StaffJwtStrategy(
    { JWT_SECRET: SECRET } as AppConfig,
    users as unknown as UsersRepository,
    cache as unknown as StaffAccessCache,
    rateLimit as unknown as RequestRateLimit,
    jwt,
  );
  const sign = (claims: object, options: { audience?: string; expiresIn?: number; secret?: string } = {}) =>
    jwt.sign(
      { sub: USER, tid: TENANT, tv: 0, ...claims },
      {
        audience: options.audience ?? STAFF_AUDIENCE,
        issuer: JWT_ISSUER,
        expiresIn: options.expiresIn ?? 60,
        ...(options.secret ? { secret: jwtKey(options.secret) } : {}),
      },
    );
  const request = (authorization?: string) => ({ headers: authorization === undefined ? {} : { authorization } }) as Request;
  return { strategy, users, user, sign, request };
}

describe('staff access tokens checked without passport', () => {
  afterEach(() => jest.useRealTimers());

  it('answers the principal for a valid staff token, reading the user on every request', async () => {
    const { strategy, users, sign, request } = setUp();
    const token = sign({});
    for (let i = 0; i < 2; i += 1)
      await expect(strategy.authenticateBearer(request(`Bearer ${token}`))).resolves.toEqual({
        kind: 'user',
        tenantId: TENANT,
        id: USER,
        name: 'Ann',
        email: 'ann@example.com',
        role: 'writer',
      });
    expect(users.accessCheck).toHaveBeenCalledTimes(2);
  });

  it('refuses a deactivated user and an old token version even for a token verified before', async () => {
    const { strategy, user, sign, request } = setUp();
    const token = sign({});
    await expect(strategy.authenticateBearer(request(`Bearer ${token}`))).resolves.toMatchObject({ id: USER });
    user.status = 'deactivated';
    await expect(strategy.authenticateBearer(request(`Bearer ${token}`))).resolves.toBe(false);
    user.status = 'active';
    user.token_version = 1;
    await expect(strategy.authenticateBearer(request(`Bearer ${token}`))).resolves.toBe(false);
  });

  it('stops accepting a token verified before once it expires', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-29T12:00:00Z'), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const { strategy, sign, request } = setUp();
    const token = sign({}, { expiresIn: 10 });
    await expect(strategy.authenticateBearer(request(`Bearer ${token}`))).resolves.toMatchObject({ id: USER });
    jest.setSystemTime(new Date('2026-11-29T12:00:09Z'));
    await expect(strategy.authenticateBearer(request(`Bearer ${token}`))).resolves.toMatchObject({ id: USER });
    jest.setSystemTime(new Date('2026-11-29T12:00:10Z'));
    await expect(strategy.authenticateBearer(request(`Bearer ${token}`))).resolves.toBeUndefined();
  });

  it('leaves everything else to the passport strategies', async () => {
    const { strategy, users, sign, request } = setUp();
    const others = [
      undefined,
      '',
      'Bearer ',
      'Basic dXNlcjpwYXNz',
      'bearer ' + sign({}),
      'Bearer poa_0123456789abcdef',
      'Bearer POA_0123456789abcdef',
      `Bearer ${sign({}, { audience: PORTAL_AUDIENCE })}`,
      `Bearer ${sign({}, { secret: 'another-secret-of-thirty-two-characters!' })}`,
      `Bearer ${sign({}, { expiresIn: -1 })}`,
      `Bearer ${sign({})}x`,
      'Bearer not.a.token',
    ];
    for (const header of others) await expect(strategy.authenticateBearer(request(header))).resolves.toBeUndefined();
    expect(users.accessCheck).not.toHaveBeenCalled();
  });
});
