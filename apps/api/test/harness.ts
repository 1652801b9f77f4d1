import { loadConfig, type AppConfig } from '@poa/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { integrationEnv } from '@poa/test-setup';
import { createApp } from '../src/app-setup';

export interface TestApi {
  app: NestExpressApplication;
  baseUrl: string;
  config: AppConfig;
  http: Http;
  close(): Promise<void>;
}

/** The real API (same module graph as production) on a random port, against the integration tier's PostgreSQL and Redis. */
export async function startTestApi(env: Record<string, string> = {}): Promise<TestApi> {
  const services = await integrationEnv();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: services.appUrl,
    DATABASE_MIGRATION_URL: services.ownerUrl,
    REDIS_URL: services.redisUrl,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'poa-api-')),
    PUPPETEER_EXECUTABLE_PATH: services.chromiumPath,
    WEBHOOK_ALLOW_LOOPBACK: 'true',
    LOGIN_RATE_LIMIT_PER_IP: '100000',
    ...env,
  });
  const app = await createApp(config, { logger: false });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return { app, baseUrl, config, http: new Http(baseUrl), close: () => app.close() };
}

export interface HttpResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** Tiny fetch wrapper for tests: JSON in, JSON (or text) out, never throws on HTTP errors. */
export class Http {
  constructor(readonly baseUrl: string) {}

  async request<T = any>(method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: string } = {}): Promise<HttpResponse<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined || opts.raw !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(this.baseUrl + path, { method, headers, body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)) });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: response.status, body: body as T, headers: response.headers };
  }

  get<T = any>(path: string, token?: string) {
    return this.request<T>('GET', path, { token });
  }
  post<T = any>(path: string, body: unknown, token?: string, headers?: Record<string, string>) {
    return this.request<T>('POST', path, { token, body, headers });
  }
  patch<T = any>(path: string, body: unknown, token?: string) {
    return this.request<T>('PATCH', path, { token, body });
  }
  put<T = any>(path: string, body: unknown, token?: string) {
    return this.request<T>('PUT', path, { token, body });
  }
  delete<T = any>(path: string, token?: string) {
    return this.request<T>('DELETE', path, { token });
  }
}

let counter = 0;
export const uniqueEmail = (label = 'user') => `${label}-${Date.now().toString(36)}-${(counter++).toString(36)}@example.test`;

/** Signs up a fresh agency; returns its owner's token, user and tenant. */
export async function signupAgency(http: Http, agencyName = 'Agency') {
  const email = uniqueEmail('owner');
  const res = await http.post('/api/v1/auth/signup', { agencyName, name: 'Owner', email, password: 'correct-horse-battery' });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.accessToken as string, user: res.body.user, tenant: res.body.tenant, email, password: 'correct-horse-battery' };
}

/** Invites a staff member with a role and accepts the invite; returns their token. */
export async function addStaff(http: Http, ownerToken: string, role: string) {
  const email = uniqueEmail(role);
  const invite = await http.post('/api/v1/users', { email, name: `${role} person`, role }, ownerToken);
  if (invite.status !== 201) throw new Error(`invite failed: ${invite.status} ${JSON.stringify(invite.body)}`);
  const accept = await http.post('/api/v1/auth/accept-invite', { token: invite.body.inviteToken, password: 'correct-horse-battery' });
  if (accept.status !== 201) throw new Error(`accept failed: ${accept.status} ${JSON.stringify(accept.body)}`);
  return { token: accept.body.accessToken as string, user: accept.body.user, email };
}

/** Creates an API key with the given scopes. */
export async function createApiKey(http: Http, adminToken: string, scopes: string[]) {
  const res = await http.post('/api/v1/api-keys', { name: 'test key', scopes }, adminToken);
  if (res.status !== 201) throw new Error(`api key failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.key as string;
}
