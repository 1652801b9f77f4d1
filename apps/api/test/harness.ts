import { loadConfig, type AppConfig } from '@poa/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
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

/** The configuration startTestApi gives the API, as environment variables. */
async function testApiEnv(env: Record<string, string>): Promise<Record<string, string>> {
  const services = await integrationEnv();
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: services.appUrl,
    DATABASE_MIGRATION_URL: services.ownerUrl,
    REDIS_URL: services.redisUrl,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'poa-api-')),
    PUPPETEER_EXECUTABLE_PATH: services.chromiumPath,
    WEBHOOK_ALLOW_LOOPBACK: 'true',
    LOGIN_RATE_LIMIT_PER_IP: '100000',
    SIGNUP_RATE_LIMIT_PER_IP: '100000',
    ...env,
  };
}

/**
 * The API in a process of its own (test/api-process.cjs), on the same database and Redis as startTestApi: a second
 * replica. In-process apps share module-level state (passport's strategies, for one), a separate process shares nothing.
 */
export async function startApiProcess(env: Record<string, string> = {}): Promise<{ baseUrl: string; http: Http; close(): Promise<void> }> {
  const child = spawn(process.execPath, [join(__dirname, 'api-process.cjs')], {
    env: { ...process.env, ...(await testApiEnv(env)) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`API process did not start in 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`API process exited (${code}):\n${output}`)));
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    baseUrl,
    http: new Http(baseUrl),
    close: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The real API (same module graph as production) on a random port, against the integration tier's PostgreSQL and Redis. */
export async function startTestApi(env: Record<string, string> = {}): Promise<TestApi> {
  const config = loadConfig(await testApiEnv(env));
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

/**
 * Tiny fetch wrapper for tests: JSON in, JSON (or text) out, never throws on HTTP errors. With `localAddress`
 * (another loopback address, see randomLoopback) requests leave from that IP: per-IP limits of one test then
 * never meet another's.
 */
export class Http {
  constructor(
    readonly baseUrl: string,
    readonly localAddress?: string,
  ) {}

  async request<T = any>(
    method: string,
    path: string,
    opts: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: string } = {},
  ): Promise<HttpResponse<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined || opts.raw !== undefined) headers['content-type'] ??= 'application/json';
    const payload = opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
    const response = this.localAddress
      ? await sendFrom(this.localAddress, this.baseUrl + path, method, headers, payload)
      : await fetch(this.baseUrl + path, { method, headers, body: payload });
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
  put<T = any>(path: string, body: unknown, token?: string, headers?: Record<string, string>) {
    return this.request<T>('PUT', path, { token, body, headers });
  }
  delete<T = any>(path: string, token?: string) {
    return this.request<T>('DELETE', path, { token });
  }
}

/** node:http, which (unlike fetch) can bind the client side of the connection to a chosen address. */
function sendFrom(localAddress: string, url: string, method: string, headers: Record<string, string>, body?: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method, headers, localAddress }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) responseHeaders.append(name, item);
        }
        resolve(new Response(chunks.length ? Buffer.concat(chunks) : null, { status: response.statusCode, headers: responseHeaders }));
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** A random address in 127.0.0.0/8 other than 127.0.0.1: Linux routes all of it to the loopback interface. */
export const randomLoopback = () => `127.${1 + randomInt(254)}.${randomInt(256)}.${1 + randomInt(254)}`;

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
