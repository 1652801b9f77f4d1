/**
 * An agency's export against the running product: the owner asks (202), the worker builds one .tar.gz of every table
 * of the agency as JSON plus its files (evidence and PDFs), and the owner downloads it. Nothing of another agency
 * is in it, no secret is, and only the owner may ask.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { extract } from 'tar-stream';
import { e2eEnv } from '@poa/test-setup';
import { addStaff, Http, signupAgency } from '../../apps/api/test/harness';
import { createCase, createClient, createContact, draftBody, expectStatus, transition } from '../../apps/api/src/cases/case-test-helpers';

const env = e2eEnv();
const http = new Http(env.baseUrl);

const PNG = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'),
  Buffer.from('evidence of the corrected listing'),
]);

async function untar(archive: Buffer): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const reader = extract();
  reader.on('entry', (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: unknown) => chunks.push(chunk as Buffer));
    stream.on('end', () => {
      files.set(header.name, Buffer.concat(chunks));
      next();
    });
  });
  await new Promise<void>((resolve, reject) => {
    reader.on('finish', resolve);
    reader.on('error', reject);
    Readable.from(gunzipSync(archive)).pipe(reader);
  });
  return files;
}

/** An agency with a client, a case approved with its PDF, an attachment and a comment. */
async function agencyWithData(name: string) {
  const owner = await signupAgency(http, name);
  const client = await createClient(http, owner.token, { name: `${name} Seller` });
  const contact = await createContact(http, owner.token, client.id, `${name} Contact`);
  const kase = await createCase(http, owner.token, client.id, { title: `${name} listing removed` });
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'evidence.png');
  const upload = await fetch(`${env.baseUrl}/api/v1/cases/${kase.id}/attachments`, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${owner.token}` },
  });
  expect(upload.status).toBe(201);
  const attachment = (await upload.json()) as { id: string };
  expectStatus(
    await http.post(`/api/v1/cases/${kase.id}/comments`, { body: `${name} internal note`, visibility: 'internal' }, owner.token),
    201,
  );
  expectStatus(await transition(http, owner.token, kase.id, { action: 'start_drafting' }), 200);
  expectStatus(await http.post(`/api/v1/cases/${kase.id}/drafts`, draftBody(0, `${name} summary`), owner.token), 201);
  expectStatus(await transition(http, owner.token, kase.id, { action: 'submit_for_review' }), 200);
  expectStatus(await transition(http, owner.token, kase.id, { action: 'approve_internal' }), 200);
  expectStatus(await transition(http, owner.token, kase.id, { action: 'client_approve', contactId: contact.id, fullName: 'Signer' }), 200);
  for (let i = 0; ; i++) {
    const res = await fetch(`${env.baseUrl}/api/v1/cases/${kase.id}/pdf`, { headers: { authorization: `Bearer ${owner.token}` } });
    await res.arrayBuffer();
    if (res.status === 200) break;
    if (i > 300) throw new Error('no PDF after 60 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const hook = await http.post('/api/v1/webhooks', { url: 'http://127.0.0.1:9/poa', events: ['case.created'] }, owner.token);
  expectStatus(hook, 201);
  return { owner, client, contact, kase, attachment, webhookSecret: hook.body.secret as string };
}

describe('tenant export', () => {
  it('builds one archive of the agency data and files, with nothing of another agency and no secret', async () => {
    const a = await agencyWithData('Export Agency');
    const b = await agencyWithData('Other Agency');

    // Owners only.
    const admin = await addStaff(http, a.owner.token, 'admin');
    expect((await http.post('/api/v1/tenant/export', {}, admin.token)).status).toBe(403);

    const requested = await http.post('/api/v1/tenant/export', {}, a.owner.token);
    expectStatus(requested, 202);
    expect(requested.body).toMatchObject({ status: 'queued', downloadUrl: null });
    const exportId = requested.body.id as string;
    // Another agency's owner cannot see it.
    expect((await http.get(`/api/v1/tenant/exports/${exportId}`, b.owner.token)).status).toBe(404);
    expect((await http.get(`/api/v1/tenant/exports/${exportId}/archive`, b.owner.token)).status).toBe(404);

    let ready: { status: string; downloadUrl: string; sha256: string; size: number } | undefined;
    for (let i = 0; i < 300 && !ready; i++) {
      const res = await http.get(`/api/v1/tenant/exports/${exportId}`, a.owner.token);
      expectStatus(res, 200);
      if (res.body.status === 'ready') ready = res.body;
      else {
        expect(res.body.status).toBe('queued');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    expect(ready).toBeDefined();
    const download = await fetch(`${env.baseUrl}${ready!.downloadUrl}`, { headers: { authorization: `Bearer ${a.owner.token}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toContain('application/gzip');
    const archive = Buffer.from(await download.arrayBuffer());
    expect(archive.length).toBe(ready!.size);
    expect(createHash('sha256').update(archive).digest('hex')).toBe(ready!.sha256);

    const files = await untar(archive);
    const json = (name: string) => JSON.parse(files.get(`poa-desk-export/${name}`)!.toString('utf8'));
    const manifest = json('manifest.json');
    expect(manifest).toMatchObject({ tenantId: a.owner.tenant.id, exportId, missingFiles: [] });
    expect(json('data/tenants.json').map((t: { id: string }) => t.id)).toEqual([a.owner.tenant.id]);
    expect(json('data/cases.json').map((c: { id: string }) => c.id)).toEqual([a.kase.id]);
    expect(json('data/clients.json').map((c: { id: string }) => c.id)).toEqual([a.client.id]);
    expect(json('data/comments.json').map((c: { body: string }) => c.body)).toEqual(['Export Agency internal note']);
    expect(json('data/users.json')).toHaveLength(2);
    expect(json('data/users.json')[0]).not.toHaveProperty('password_hash');
    expect(json('data/webhooks.json')[0]).not.toHaveProperty('secret');
    expect(json('data/attachments.json').map((x: { id: string }) => x.id)).toEqual([a.attachment.id]);
    // The evidence file, byte for byte, and the approved PDF.
    const evidence = [...files.keys()].filter((name) => name.includes('/attachments/'));
    expect(evidence).toEqual([`poa-desk-export/files/cases/${a.kase.id}/attachments/${a.attachment.id}`]);
    expect(files.get(evidence[0])!.equals(PNG)).toBe(true);
    const pdfs = [...files.keys()].filter((name) => name.endsWith('.pdf'));
    expect(pdfs).toHaveLength(1);
    expect(files.get(pdfs[0])!.subarray(0, 5).toString()).toBe('%PDF-');

    // Nothing of the other agency anywhere in the archive, and no secret.
    const everything = Buffer.concat([...files.entries()].map(([name, data]) => Buffer.concat([Buffer.from(name), data]))).toString(
      'latin1',
    );
    for (const foreign of [b.owner.tenant.id, b.kase.id, b.client.id, b.attachment.id, 'Other Agency', b.owner.email]) {
      expect(everything).not.toContain(foreign);
    }
    for (const secret of [a.webhookSecret, '$argon2']) expect(everything).not.toContain(secret);
  }, 240_000);
});
