import { createFileStorage, type S3Storage } from '@poa/storage';
import { startS3TestServer } from '@poa/test-setup';
import { createHash } from 'node:crypto';
import { signupAgency, startTestApi, type TestApi } from '../../test/harness';
import { createCase, createClient, draftBody, expectStatus } from '../cases/case-test-helpers';

// A valid 1x1 PNG, a minimal PDF header, and a Windows executable header.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1e4f1e80000000049454e44ae426082',
  'hex',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('This program cannot be run in DOS mode.')]);

describe('evidence attachments', () => {
  let api: TestApi;
  let token: string;
  let caseId: string;
  beforeAll(async () => {
    api = await startTestApi();
    token = (await signupAgency(api.http, 'Evidence Agency')).token;
    caseId = (await createCase(api.http, token, (await createClient(api.http, token)).id)).id;
  });
  afterAll(async () => {
    await api?.close();
  });

  async function upload(data: Buffer, name: string, field = 'file') {
    const form = new FormData();
    form.append(field, new Blob([new Uint8Array(data)], { type: 'application/octet-stream' }), name);
    const res = await fetch(`${api.baseUrl}/api/v1/cases/${caseId}/attachments`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}` },
    });
    return {
      status: res.status,
      body: (await res.json()) as { id: string; contentType: string; error: { code: string } } & Record<string, unknown>,
    };
  }

  it('accepts a PNG by its content even when named .txt, and downloads it unchanged', async () => {
    const res = await upload(PNG, 'screenshot.txt');
    expectStatus(res, 201);
    expect(res.body).toMatchObject({
      fileName: 'screenshot.txt',
      contentType: 'image/png',
      size: PNG.length,
      sha256: createHash('sha256').update(PNG).digest('hex'),
    });

    const download = await fetch(`${api.baseUrl}/api/v1/cases/${caseId}/attachments/${res.body.id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('content-disposition')).toContain('attachment; filename="screenshot.txt"');
    expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);

    const list = await api.http.get(`/api/v1/cases/${caseId}/attachments`, token);
    expect(list.body.data.map((a: { id: string }) => a.id)).toContain(res.body.id);
    // A draft may cite it as supporting evidence.
    const draft = await api.http.post(
      `/api/v1/cases/${caseId}/drafts`,
      { ...draftBody(0), supportingDocuments: [{ attachmentId: res.body.id, description: 'Screenshot of the corrected listing' }] },
      token,
    );
    expectStatus(draft, 201);
  });

  it('accepts a PDF', async () => {
    const res = await upload(PDF, 'invoice.pdf');
    expectStatus(res, 201);
    expect(res.body.contentType).toBe('application/pdf');
  });

  it('refuses an executable or plain text renamed .pdf with 415', async () => {
    for (const data of [EXE, Buffer.from('just some text, honestly a PDF')]) {
      const res = await upload(data, 'invoice.pdf');
      expect(res.status).toBe(415);
      expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
  });

  it('refuses a file over 20 MB with 413', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(21 * 1024 * 1024)]);
    const res = await upload(big, 'huge.png');
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it("answers an upload sent on a keep-alive connection after the client stalled past Node's 5 s idle default", async () => {
    // In-process, the client's own idle timer cannot run while the process is busy: on a loaded machine the next
    // request then reuses a connection the server may already be closing, and fails with a reset, not an answer.
    expect((await api.http.get(`/api/v1/cases/${caseId}/attachments`, token)).status).toBe(200);
    const stalledUntil = Date.now() + 6_500;
    while (Date.now() < stalledUntil);
    const res = await upload(Buffer.concat([PNG, Buffer.alloc(21 * 1024 * 1024)]), 'huge.png');
    expect(res.status).toBe(413);
  });

  it('answers 400 without a file, 404 for an unknown case or attachment', async () => {
    expect((await upload(PNG, 'x.png', 'document')).status).toBe(400);
    const empty = await fetch(`${api.baseUrl}/api/v1/cases/${caseId}/attachments`, {
      method: 'POST',
      body: new FormData(),
      headers: { authorization: `Bearer ${token}` },
    });
    expect(empty.status).toBe(400);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await api.http.get(`/api/v1/cases/${caseId}/attachments/${unknown}`, token)).status).toBe(404);
    expect((await api.http.get(`/api/v1/cases/${unknown}/attachments`, token)).status).toBe(404);
    expect((await api.http.get(`/api/v1/cases/${caseId}/attachments/nope`, token)).status).toBe(400);
  });
});

describe('evidence attachments with STORAGE_DRIVER=s3', () => {
  it('stores the upload in the bucket and downloads it unchanged from there', async () => {
    const s3 = await startS3TestServer();
    const api = await startTestApi({ ...s3.settings });
    const bucket = createFileStorage({ DATA_DIR: api.config.DATA_DIR, ...s3.settings }) as S3Storage;
    try {
      const { token, tenant } = await signupAgency(api.http, 'Bucket Agency');
      const caseId = (await createCase(api.http, token, (await createClient(api.http, token)).id)).id;
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'label.png');
      const res = await fetch(`${api.baseUrl}/api/v1/cases/${caseId}/attachments`, {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(201);
      const { id } = (await res.json()) as { id: string };

      const download = await fetch(`${api.baseUrl}/api/v1/cases/${caseId}/attachments/${id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(download.status).toBe(200);
      expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);
      // In the bucket under the tenant's prefix; not on the local disk.
      expect(await bucket.exists(`${tenant.id}/cases/${caseId}/attachments/${id}`)).toBe(true);
      expect(
        await createFileStorage({ DATA_DIR: api.config.DATA_DIR, STORAGE_DRIVER: 'local' }).exists(
          `${tenant.id}/cases/${caseId}/attachments/${id}`,
        ),
      ).toBe(false);
    } finally {
      bucket.destroy();
      await api.close();
      await s3.close();
    }
  });
});
