import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { signupAgency, startTestApi, type TestApi } from '../../test/harness';
import { createCase, createClient, expectStatus, queryAsTenant } from '../cases/case-test-helpers';

/**
 * A full disk under the file store: DATA_DIR on a real 1 MiB tmpfs (mounting needs root or CAP_SYS_ADMIN; without
 * it the suite is skipped and says so), filled to the last byte. An upload then fails with 507 STORAGE_FULL and
 * leaves nothing behind: no row, no case event, no partial file. Once space is freed the same upload succeeds.
 */
const mountPoint = mkdtempSync(join(tmpdir(), 'poa-full-disk-'));
const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,mode=0700', 'tmpfs', mountPoint], { encoding: 'utf8' });
const canMount = mounted.status === 0;
if (!canMount)
  process.stderr.write(`storage-full: skipped, cannot mount a tmpfs here (${(mounted.stderr || mounted.error?.message || '').trim()})\n`);

const PNG_HEADER = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const UPLOAD = Buffer.concat([PNG_HEADER, Buffer.alloc(300_000, 7)]);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => relative(dir, path));
}

(canMount ? describe : describe.skip)('a full disk under the file store', () => {
  let api: TestApi;
  let token: string;
  let tenantId: string;
  let caseId: string;
  const filler = join(mountPoint, 'filler');

  beforeAll(async () => {
    mkdirSync(join(mountPoint, 'files'), { recursive: true });
    api = await startTestApi({ DATA_DIR: mountPoint });
    const owner = await signupAgency(api.http, 'Full Disk Agency');
    token = owner.token;
    tenantId = owner.tenant.id;
    caseId = (await createCase(api.http, token, (await createClient(api.http, token)).id)).id;
  });

  afterAll(async () => {
    await api?.close();
    spawnSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  async function upload() {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(UPLOAD)], { type: 'image/png' }), 'evidence.png');
    const res = await fetch(`${api.baseUrl}/api/v1/cases/${caseId}/attachments`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: res.status, body: (await res.json()) as { id?: string; error?: { code: string; message: string } } };
  }

  it('refuses the upload with 507 STORAGE_FULL, writes nothing, and accepts it once there is room', async () => {
    // Fill the disk: write until the kernel refuses.
    let size = 1024 * 1024;
    for (;;) {
      try {
        writeFileSync(filler, Buffer.alloc(size, 1), { flag: 'a' });
      } catch (error) {
        expect((error as { code?: string }).code).toBe('ENOSPC');
        if (size === 1) break;
        size = Math.max(1, Math.floor(size / 4));
      }
    }

    const refused = await upload();
    expect(refused.status).toBe(507);
    expect(refused.body.error?.code).toBe('STORAGE_FULL');
    expect(JSON.stringify(refused.body)).not.toMatch(/ENOSPC|\bat .+:\d+/);
    expect(filesUnder(mountPoint)).toEqual(['filler']);
    const rows = await queryAsTenant<{ attachments: number; events: number }>(
      api.config.DATABASE_URL,
      tenantId,
      `SELECT (SELECT count(*)::int FROM attachments) AS attachments,
              (SELECT count(*)::int FROM case_events WHERE type = 'attachment.uploaded') AS events`,
    );
    expect(rows[0]).toEqual({ attachments: 0, events: 0 });

    rmSync(filler);
    const accepted = await upload();
    expectStatus(accepted, 201);
    const stored = filesUnder(mountPoint);
    expect(stored).toEqual([`files/${tenantId}/cases/${caseId}/attachments/${accepted.body.id}`]);
    expect(statSync(join(mountPoint, stored[0])).size).toBe(UPLOAD.length);
  });
});
