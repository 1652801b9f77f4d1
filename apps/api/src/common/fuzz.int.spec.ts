import { Logger } from '@nestjs/common';
import { API_KEY_SCOPES } from '@poa/domain';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { operationsOf, requestArbitrary, type FuzzContext, type FuzzRequest, type OpenApiDocument, type Operation } from '../../test/fuzz';
import { addStaff, createApiKey, signupAgency, startTestApi, type TestApi } from '../../test/harness';
import { createCase, createClient, createContact, draftBody, expectStatus } from '../cases/case-test-helpers';
import { caseInClientReview, clientWithPortalSession } from '../portal/portal-test-helpers';

/**
 * Every operation of the OpenAPI document, sent mutated requests (see test/fuzz.ts) as the owner, an API key, a portal
 * contact or nobody, against a seeded tenant: no answer may be a 5xx, and no value may reach the database's own checks
 * (the error filter's safety net). FUZZ_SEED reproduces a run, FUZZ_RUNS sets the requests per operation, FUZZ_OP
 * (a substring of "METHOD /path") narrows it to some operations, FUZZ_BUDGET_MS bounds the time spent sending, FUZZ_DEBUG
 * prints every request and answer.
 */
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 30_000);
/** Operations fuzzed at once: the server waits on PostgreSQL and Redis, so a few in flight use the cores better. */
const CONCURRENCY = 4;
const SAFETY_NET = 'the database refused a value that validation let through';
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1e4f1e80000000049454e44ae426082',
  'hex',
);

interface Seeded {
  ctx: FuzzContext;
  credentials: Record<FuzzRequest['auth'], string | undefined>;
}

/** One agency with a row of every kind, victims for the destructive operations, and a real cursor of every list. */
async function seed(api: TestApi): Promise<Seeded> {
  const { http } = api;
  const owner = await signupAgency(http, 'Fuzz Agency');
  const apiKey = await createApiKey(http, owner.token, [...API_KEY_SCOPES]);
  const victimKey = await http.post('/api/v1/api-keys', { name: 'victim', scopes: ['cases:read'] }, owner.token);
  const victimUser = await addStaff(http, owner.token, 'viewer');
  const hook = await http.post(
    '/api/v1/webhooks',
    { url: 'http://127.0.0.1:9/hook', events: ['case.created', 'comment.created'] },
    owner.token,
  );
  const { client, portalToken } = await clientWithPortalSession(http, owner.token, 'Fuzz Portal Client');
  const victimClient = await createClient(http, owner.token, { name: 'Victim client', externalId: 'crm-victim' });
  const victimContact = await createContact(http, owner.token, victimClient.id, 'Victim Contact');
  const inReview = await caseInClientReview(http, owner.token, client.id, { externalId: 'crm-case' });
  const drafting = await createCase(http, owner.token, victimClient.id, { dueAt: '2027-01-01T00:00:00.000Z' });
  for (const base of [0, 1]) expectStatus(await http.post(`/api/v1/cases/${drafting.id}/drafts`, draftBody(base), owner.token), 201);
  const comment = await http.post(`/api/v1/cases/${inReview.id}/comments`, { body: 'Shared note', visibility: 'shared' }, owner.token);
  await http.post(`/api/v1/cases/${inReview.id}/comments`, { body: 'Second note', visibility: 'shared' }, owner.token);
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'shot.png');
  const attachment = await fetch(`${api.baseUrl}/api/v1/cases/${drafting.id}/attachments`, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${owner.token}` },
  });
  const deliveries = await http.get(`/api/v1/webhooks/${hook.body.id}/deliveries`, owner.token);
  for (const res of [victimKey, hook, comment, deliveries]) expect(res.status).toBeLessThan(300);
  expect(attachment.status).toBe(201);
  const attachmentId = ((await attachment.json()) as { id: string }).id;

  const byParam: Record<string, string[]> = {
    'api-keys': [victimKey.body.id],
    cases: [drafting.id, inReview.id],
    'portal/cases': [inReview.id],
    attachments: [attachmentId],
    comments: [comment.body.id],
    drafts: ['1', '2'],
    versions: ['1'],
    clients: [client.id, victimClient.id],
    contacts: [victimContact.id],
    'by-external-id': ['crm-victim', 'crm-new'],
    users: [victimUser.user.id],
    webhooks: [hook.body.id],
    deliveries: [deliveries.body.data[0].id],
  };
  const cursors: string[] = [];
  const lists = [
    '/api/v1/cases',
    '/api/v1/cases?sort=dueAt',
    '/api/v1/clients',
    '/api/v1/users',
    '/api/v1/audit-events',
    `/api/v1/cases/${inReview.id}/events`,
    `/api/v1/cases/${inReview.id}/comments`,
    `/api/v1/webhooks/${hook.body.id}/deliveries`,
  ];
  for (const list of lists) {
    const page = await http.get(`${list}${list.includes('?') ? '&' : '?'}limit=1`, owner.token);
    if (page.body.nextCursor) cursors.push(page.body.nextCursor);
  }
  expect(cursors.length).toBeGreaterThanOrEqual(6);
  const ctx: FuzzContext = {
    ids: Object.values(byParam)
      .flat()
      .filter((v) => v.length === 36)
      .concat(owner.user.id, owner.tenant.id),
    cursors,
    pathValues(path, param) {
      const segments = path.split('/');
      const before = segments[segments.indexOf(`{${param}}`) - 1];
      return byParam[path.startsWith('/api/v1/portal/cases') && before === 'cases' ? 'portal/cases' : before] ?? [];
    },
  };
  return { ctx, credentials: { none: undefined, owner: owner.token, apiKey, portal: portalToken, junk: 'poa_0000000000_not-a-real-key' } };
}

const MAX_HEADER_BYTES = 16 * 1024 - 1024;

async function send(api: TestApi, seeded: Seeded, req: FuzzRequest) {
  const headers: Record<string, string> = { ...req.headers };
  const credential = seeded.credentials[req.auth];
  if (credential) headers.authorization = `Bearer ${credential}`;
  let body: string | FormData | undefined;
  if (req.body && req.method !== 'GET') {
    if ('json' in req.body) {
      body = JSON.stringify(req.body.json);
      headers['content-type'] = 'application/json';
    } else if ('raw' in req.body) {
      body = req.body.raw;
      headers['content-type'] = req.body.contentType;
    } else {
      const form = new FormData();
      for (const part of req.body.form) form.append(part.field, new Blob([new Uint8Array(part.bytes)], { type: part.type }), part.fileName);
      body = form;
    }
  }
  const url = `${api.baseUrl}${req.path}${req.query ? `?${req.query}` : ''}`;
  // Past Node's 16 KiB header limit the server answers 431 and closes at once, before reading a body: a client still
  // writing one sees ECONNRESET instead of the answer. Such a request is sent without its body, to read the 431.
  if (url.length > MAX_HEADER_BYTES) body = undefined;
  const res = await fetch(url, { method: req.method, headers, body, signal: AbortSignal.timeout(15_000) });
  return { status: res.status, text: await res.text() };
}

/** The request as a reader can replay it (long strings cut). */
function replayable(req: FuzzRequest, answer: string): string {
  const cut = (value: unknown) =>
    JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 200)}...(${v.length} chars)` : v));
  return `[${req.operation}] ${req.method} ${req.path}${req.query ? `?${req.query.slice(0, 400)}` : ''} as ${req.auth} headers=${cut(req.headers)} body=${cut(req.body)?.slice(0, 1500)}\n    => ${answer.slice(0, 300)}`;
}

describe('fuzzing every operation of the OpenAPI document', () => {
  let api: TestApi;
  let seeded: Seeded;
  beforeAll(async () => {
    api = await startTestApi({ RATE_LIMIT_PER_MINUTE: '1000000', LOGIN_RATE_LIMIT_PER_EMAIL: '1000000' });
    seeded = await seed(api);
  });
  afterAll(async () => {
    await api?.close();
  });

  it(
    'answers mutated requests with no 5xx and never leans on the database to refuse a value',
    async () => {
      const doc = JSON.parse(readFileSync(join(__dirname, '../../../../libs/sdk/src/generated/openapi.json'), 'utf8')) as OpenApiDocument;
      const only = process.env.FUZZ_OP;
      const operations = operationsOf(doc).filter((op) => !only || `${op.method} ${op.path}`.includes(only));
      process.stdout.write(
        `fuzz: seed ${SEED} (FUZZ_SEED=${SEED} reproduces), ${RUNS} requests per operation, ${operations.length} operations\n`,
      );
      const failures: { operation: string; text: string }[] = [];
      const inFlight = new Map<string, FuzzRequest>();
      jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown, ...rest: unknown[]) => {
        const requestId = (message as { requestId?: string } | undefined)?.requestId;
        const req = requestId ? inFlight.get(requestId) : undefined;
        if (rest.includes(SAFETY_NET))
          failures.push({
            operation: req?.operation ?? 'unknown',
            text: `safety net: ${req ? replayable(req, 'the database refused a value') : JSON.stringify(message)}`,
          });
      });
      const started = Date.now();
      let sent = 0;
      let done = 0;
      const fuzz = async (op: Operation) => {
        const principal = !op.secured ? 'none' : op.path.startsWith('/api/v1/portal/') ? 'portal' : 'owner';
        const timeLimit = Math.max(200, ((BUDGET_MS - (Date.now() - started)) * CONCURRENCY) / (operations.length - done));
        const result = await fc.check(
          fc.asyncProperty(requestArbitrary(doc, seeded.ctx, op, principal), async (req) => {
            const requestId = `fuzz-${(sent += 1)}-${SEED}`;
            inFlight.set(requestId, req);
            const res = await send(api, seeded, { ...req, headers: { ...req.headers, 'x-request-id': requestId } }).catch(
              (error: Error) => ({ status: 599, text: `no answer: ${error.message} ${String(error.cause)}` }),
            );
            inFlight.delete(requestId);
            if (process.env.FUZZ_DEBUG) process.stdout.write(`${replayable(req, `${res.status} ${res.text}`)}\n`);
            if (res.status >= 500) failures.push({ operation: req.operation, text: replayable(req, `${res.status} ${res.text}`) });
            return true;
          }),
          {
            seed: SEED + operations.indexOf(op),
            numRuns: op.parameters.some((p) => p.name === 'cursor') ? 2 * RUNS : RUNS,
            interruptAfterTimeLimit: timeLimit,
            markInterruptAsFailure: false,
          },
        );
        done += 1;
        // The property itself only throws on a bug of this test (an interrupt before any run fails without an error).
        if (result.failed && result.errorInstance)
          failures.push({ operation: `${op.method} ${op.path}`, text: `test error: ${String(result.errorInstance)}` });
      };
      // Reads, then writes, then what deletes or deactivates, so the victims of the last do not starve the rest.
      for (const stage of [0, 1, 2]) {
        const queue = operations.filter(
          (op) => stage === (op.method === 'DELETE' || op.path.endsWith('/deactivate') ? 2 : op.method === 'GET' ? 0 : 1),
        );
        await Promise.all(
          Array.from({ length: CONCURRENCY }, async () => {
            for (let op = queue.shift(); op; op = queue.shift()) await fuzz(op);
          }),
        );
      }
      process.stdout.write(`fuzz: ${sent} requests in ${Date.now() - started} ms\n`);
      if (failures.length > 0) {
        const first = new Map<string, string>();
        for (const { operation, text } of failures) if (!first.has(operation)) first.set(operation, text);
        throw new Error(
          `seed ${SEED}: ${failures.length} failing requests; the first of each operation:\n${[...first.values()].join('\n')}`,
        );
      }
      expect(sent).toBeGreaterThan(operations.length * Math.min(RUNS, 5));
    },
    BUDGET_MS + 60_000,
  );
});
