import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signupAgency, startTestApi, type TestApi } from '../../test/harness';
import { createCase, createClient, queryAsTenant } from '../cases/case-test-helpers';
import { caseInClientReview, clientWithPortalSession } from '../portal/portal-test-helpers';

/** A built web app as vite writes it (html.cspNonce): the nonce placeholder in a meta tag and on the script. */
function fakeWebBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'poa-web-'));
  mkdirSync(join(dir, 'assets'));
  const page = (title: string, script: string) =>
    `<!doctype html><html><head><title>${title}</title><meta property="csp-nonce" nonce="POA_CSP_NONCE">` +
    `<script type="module" src="/assets/${script}" nonce="POA_CSP_NONCE"></script></head><body><div id="root"></div></body></html>`;
  writeFileSync(join(dir, 'index.html'), page('POA Desk', 'main-abc123.js'));
  writeFileSync(join(dir, 'portal.html'), page('Client portal', 'portal-abc123.js'));
  writeFileSync(join(dir, 'assets', 'main-abc123.js'), 'console.log("dashboard")');
  return dir;
}

/** The CSP as directive -> sources. */
function policyOf(headers: Headers): Map<string, string[]> {
  const value = headers.get('content-security-policy');
  expect(value).toBeTruthy();
  return new Map(
    value!
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...sources]) => [name, sources] as const),
  );
}

/** The strict site policy every answer carries (style-src may add a nonce or hashes). */
function expectStrictPolicy(headers: Headers): Map<string, string[]> {
  const policy = policyOf(headers);
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'self'"]);
  expect(policy.get('form-action')).toEqual(["'self'"]);
  expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
  expect(headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('same-origin');
  return policy;
}

describe('browser security headers', () => {
  let api: TestApi;
  let webDir: string;
  let owner: Awaited<ReturnType<typeof signupAgency>>;
  beforeAll(async () => {
    webDir = fakeWebBuild();
    api = await startTestApi({ WEB_DIST_DIR: webDir });
    owner = await signupAgency(api.http, 'Headers Agency');
  });
  afterAll(async () => {
    await api?.close();
  });

  it('API answers (ok or refused) carry the strict CSP, nosniff, DENY, a Referrer-Policy and no-store; no HSTS over http', async () => {
    for (const res of [
      await api.http.get('/api/v1/me', owner.token),
      await api.http.get('/api/v1/cases'),
      await api.http.get('/api/v1/no-such-route', owner.token),
    ]) {
      expect([200, 401, 404]).toContain(res.status);
      expectStrictPolicy(res.headers);
      expect(policyOf(res.headers).get('style-src')).toEqual(["'self'"]);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
    expect((await api.http.get('/api/openapi.json')).headers.get('cache-control')).toBe('no-store');
  });

  it('serves the dashboard and the portal for GET and HEAD, each page with a fresh style nonce; assets stay cacheable', async () => {
    for (const path of ['/', '/portal', '/cases/123', '/portal/cases/123']) {
      const head = await fetch(api.baseUrl + path, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-type')).toContain('text/html');
      expectStrictPolicy(head.headers);
    }
    const [first, second] = [await api.http.get('/cases'), await api.http.get('/cases')];
    const nonces = [first, second].map((res) => {
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      const styleSrc = expectStrictPolicy(res.headers).get('style-src')!;
      expect(styleSrc).toEqual(["'self'", expect.stringMatching(/^'nonce-[A-Za-z0-9+/]{22}==?'$/)]);
      const nonce = styleSrc[1].slice("'nonce-".length, -1);
      expect(res.body).toContain(`<meta property="csp-nonce" nonce="${nonce}">`);
      expect(res.body).not.toContain('POA_CSP_NONCE');
      return nonce;
    });
    expect(nonces[0]).not.toBe(nonces[1]);
    expect((await api.http.get('/portal/login')).body).toContain('<title>Client portal</title>');
    // The page files themselves are not served raw (their placeholder would be no nonce at all).
    const raw = await api.http.get('/portal.html');
    expect(raw.body).not.toContain('POA_CSP_NONCE');

    const asset = await api.http.get('/assets/main-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('PDF downloads (a rendered plan, staff and portal, and an evidence file) are no-store and nosniff', async () => {
    const x = await clientWithPortalSession(api.http, owner.token, 'Headers Goods');
    const created = await caseInClientReview(api.http, owner.token, x.client.id);
    expect(
      (await api.http.post(`/api/v1/portal/cases/${created.id}/approve`, { version: 1, fullName: 'Hedda Goods' }, x.portalToken)).status,
    ).toBe(200);
    const key = `${owner.tenant.id}/pdfs/headers-${Date.now()}.pdf`;
    mkdirSync(join(api.config.DATA_DIR, 'files', owner.tenant.id, 'pdfs'), { recursive: true });
    writeFileSync(join(api.config.DATA_DIR, 'files', key), '%PDF-1.4\n%%EOF\n');
    await queryAsTenant(
      api.config.DATABASE_URL,
      owner.tenant.id,
      `UPDATE pdf_renders SET status = 'ready', storage_key = $2, sha256 = repeat('cd', 32), size = 15, page_count = 1, ready_at = now() WHERE case_id = $1 AND kind = 'final'`,
      [created.id, key],
    );
    const staff = await fetch(`${api.baseUrl}/api/v1/cases/${created.id}/pdf`, { headers: { authorization: `Bearer ${owner.token}` } });
    const portal = await fetch(`${api.baseUrl}/api/v1/portal/cases/${created.id}/pdf`, {
      headers: { authorization: `Bearer ${x.portalToken}` },
    });

    const caseId = (await createCase(api.http, owner.token, (await createClient(api.http, owner.token)).id)).id;
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(Buffer.from('%PDF-1.4\n%%EOF\n'))], { type: 'application/pdf' }), 'invoice.pdf');
    const upload = await fetch(`${api.baseUrl}/api/v1/cases/${caseId}/attachments`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${owner.token}` },
    });
    const { id } = (await upload.json()) as { id: string };
    const evidence = await fetch(`${api.baseUrl}/api/v1/cases/${caseId}/attachments/${id}`, {
      headers: { authorization: `Bearer ${owner.token}` },
    });

    for (const res of [staff, portal, evidence]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(
        Buffer.from(await res.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expectStrictPolicy(res.headers);
    }
  });

  it('Swagger UI allows exactly its own inline styles by hash; its script and style files stay cacheable', async () => {
    const page = await api.http.get('/api/docs');
    expect(page.status).toBe(200);
    expect(page.body).toContain('swagger-ui-init.js');
    const styleSrc = expectStrictPolicy(page.headers).get('style-src')!;
    const inlineStyles = (page.body as string).match(/<style\b/g)!.length + (page.body as string).match(/\sstyle="/g)!.length;
    expect(styleSrc.filter((source) => source.startsWith("'sha256-"))).toHaveLength(inlineStyles);
    expect(styleSrc).toContain("'unsafe-hashes'");
    expect(page.headers.get('cache-control')).toBe('no-store');
    const bundle = await api.http.get('/api/docs/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('cache-control')).not.toContain('no-store');
  });

  it('sends HSTS when the app is reached over https (PUBLIC_URL), on pages and API answers alike', async () => {
    const secure = await startTestApi({ WEB_DIST_DIR: webDir, PUBLIC_URL: 'https://desk.example.test' });
    try {
      for (const path of ['/', '/api/v1/me', '/health/live']) {
        expect((await secure.http.get(path)).headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      }
    } finally {
      await secure.close();
    }
  });
});
