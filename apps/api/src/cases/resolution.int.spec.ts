import { addStaff, signupAgency, startTestApi, type TestApi } from '../../test/harness';
import { createCase, createClient, expectStatus } from './case-test-helpers';

const fields = (res: { body: { error?: { details?: { field: string }[] } } }) => res.body.error?.details?.map((d) => d.field);
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('the work of a case path: retraction, listing fixes, compliance documents', () => {
  let api: TestApi;
  let token: string;
  let clientId: string;
  beforeAll(async () => {
    api = await startTestApi();
    token = (await signupAgency(api.http, 'Path Agency')).token;
    clientId = (await createClient(api.http, token, { name: 'Lumen Resellers Ltd', sellerId: 'A1LUMEN' })).id;
  });
  afterAll(async () => {
    await api?.close();
  });

  it('tracks a retraction, drafts the letter to the rights owner, and records the status on the timeline', async () => {
    const kase = await createCase(api.http, token, clientId, {
      violationType: 'intellectual_property',
      marketplace: 'DE',
      asins: ['B0D2HX4L7P'],
    });
    const url = `/api/v1/cases/${kase.id}/retraction`;
    const empty = await api.http.get(url, token);
    expectStatus(empty, 200);
    expect(empty.body).toEqual({
      complaintId: null,
      rightsOwner: null,
      contactEmail: null,
      datesContacted: [],
      status: 'not_contacted',
      note: '',
      updatedAt: null,
    });
    const draftLetter = await api.http.get(`${url}/letter`, token);
    expect(draftLetter.body.missing).toEqual(['complaintId', 'rightsOwner']);
    expect(draftLetter.body.body).toContain('Dear Sir or Madam');

    const saved = await api.http.put(
      url,
      {
        complaintId: '8841203571',
        rightsOwner: 'Lumen & Co. GmbH',
        contactEmail: 'Legal@Lumen-Co.example',
        datesContacted: ['2026-11-05', '2026-11-03', '2026-11-05'],
        status: 'contacted',
      },
      token,
    );
    expectStatus(saved, 200);
    expect(saved.body).toMatchObject({
      contactEmail: 'legal@lumen-co.example',
      datesContacted: ['2026-11-03', '2026-11-05'],
      status: 'contacted',
      updatedAt: expect.any(String),
    });
    expect((await api.http.get(url, token)).body).toEqual(saved.body);

    const letter = await api.http.get(`${url}/letter`, token);
    expectStatus(letter, 200);
    expect(letter.body).toMatchObject({
      to: 'legal@lumen-co.example',
      subject: 'Request to retract complaint 8841203571 (ASIN B0D2HX4L7P)',
      missing: [],
    });
    for (const part of [
      'Dear Lumen & Co. GmbH,',
      'Lumen Resellers Ltd (Amazon seller ID A1LUMEN)',
      'amazon.de',
      'notice-dispute@amazon.com',
    ]) {
      expect(letter.body.body).toContain(part);
    }
    expect(letter.body.body).not.toContain('undefined');

    const events = await api.http.get(`/api/v1/cases/${kase.id}/events`, token);
    expect(events.body.data.map((e: { type: string; data: object }) => [e.type, e.data])).toContainEqual([
      'case.resolution_updated',
      { part: 'retraction', status: 'contacted' },
    ]);

    for (const [body, field] of [
      [{ status: 'retracted' }, 'status'],
      [{ status: 'agreed', contactEmail: 'not an address' }, 'contactEmail'],
      [{ status: 'agreed', datesContacted: ['05/11/2026'] }, 'datesContacted.0'],
      [{ status: 'agreed', extra: 1 }, 'extra'],
      [{}, 'status'],
    ] as const) {
      const bad = await api.http.put(url, body, token);
      expectStatus(bad, 400);
      expect(fields(bad)).toContain(field);
    }
  });

  it('keeps listing fixes with who confirmed each and when, and refuses an ASIN of another case', async () => {
    const kase = await createCase(api.http, token, clientId, {
      violationType: 'restricted_products',
      asins: ['B09ABCDEF1', 'B0C1234XYZ'],
    });
    const url = `/api/v1/cases/${kase.id}/listing-fixes`;
    expect((await api.http.get(url, token)).body).toEqual({ items: [] });
    const first = await api.http.put(
      url,
      {
        items: [
          { asin: 'b09abcdef1', change: 'Remove "antimicrobial" from the title and bullet 2', confirmed: true },
          { asin: 'B0C1234XYZ', change: 'Remove "kills 99.9% of bacteria" from the description' },
        ],
      },
      token,
    );
    expectStatus(first, 200);
    const [done, open] = first.body.items;
    expect(done).toMatchObject({ asin: 'B09ABCDEF1', confirmed: true, confirmedBy: 'Owner', confirmedAt: expect.any(String) });
    expect(open).toMatchObject({ asin: 'B0C1234XYZ', confirmed: false, confirmedAt: null, confirmedBy: null });

    // A writer confirms the second: the first keeps its confirmation as it was.
    const writer = await addStaff(api.http, token, 'writer');
    const second = await api.http.put(
      url,
      {
        items: [
          { id: done.id, asin: done.asin, change: done.change, confirmed: true },
          { id: open.id, asin: open.asin, change: open.change, confirmed: true },
        ],
      },
      writer.token,
    );
    expectStatus(second, 200);
    expect(second.body.items[0]).toEqual(done);
    expect(second.body.items[1]).toMatchObject({ id: open.id, confirmed: true, confirmedBy: 'writer person' });
    expect((await api.http.get(url, token)).body).toEqual(second.body);

    for (const [body, field] of [
      [{ items: [{ asin: 'B0OTHER001', change: 'x' }] }, 'items.0.asin'],
      [{ items: [{ id: UNKNOWN, change: 'x' }] }, 'items.0.id'],
      [{ items: [{ change: '' }] }, 'items.0.change'],
      [{ items: [{ change: 'x', confirmed: 'yes' }] }, 'items.0.confirmed'],
    ] as const) {
      const bad = await api.http.put(url, body, token);
      expectStatus(bad, 400);
      expect(fields(bad)).toEqual([field]);
    }

    const viewer = await addStaff(api.http, token, 'viewer');
    expectStatus(await api.http.get(url, viewer.token), 200);
    expectStatus(await api.http.put(url, { items: [] }, viewer.token), 403);
  });

  it('lists compliance documents with their uploads and refuses a file of another case', async () => {
    const kase = await createCase(api.http, token, clientId, { violationType: 'product_safety', asins: ['B0BKT7Q3R2'] });
    const other = await createCase(api.http, token, clientId);
    const upload = async (caseId: string, name: string) => {
      const form = new FormData();
      form.append('file', new Blob([Buffer.from('%PDF-1.4\n%certificate\n')], { type: 'application/pdf' }), name);
      const res = await fetch(`${api.baseUrl}/api/v1/cases/${caseId}/attachments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    const cpc = await upload(kase.id, 'cpc-wooden-stacking-toy.pdf');
    const foreign = await upload(other.id, 'other.pdf');
    const url = `/api/v1/cases/${kase.id}/compliance-documents`;

    const saved = await api.http.put(
      url,
      {
        items: [
          { label: "Children's Product Certificate", evidenceKey: 'cpc', attachmentId: cpc },
          { label: 'Test report from a CPSC-accepted laboratory', evidenceKey: 'lab_report', note: 'Lab booked for 12 Nov' },
        ],
      },
      token,
    );
    expectStatus(saved, 200);
    expect(saved.body.items).toEqual([
      {
        id: expect.any(String),
        label: "Children's Product Certificate",
        evidenceKey: 'cpc',
        attachment: { id: cpc, fileName: 'cpc-wooden-stacking-toy.pdf' },
        note: '',
      },
      {
        id: expect.any(String),
        label: 'Test report from a CPSC-accepted laboratory',
        evidenceKey: 'lab_report',
        attachment: null,
        note: 'Lab booked for 12 Nov',
      },
    ]);
    expect((await api.http.get(url, token)).body).toEqual(saved.body);

    for (const [body, field] of [
      [{ items: [{ label: 'CPC', attachmentId: foreign }] }, 'items.0.attachmentId'],
      [{ items: [{ label: 'CPC', attachmentId: 'not-a-uuid' }] }, 'items.0.attachmentId'],
      [{ items: [{ label: '' }] }, 'items.0.label'],
      [{ items: [{ label: 'CPC', id: UNKNOWN }] }, 'items.0.id'],
    ] as const) {
      const bad = await api.http.put(url, body, token);
      expectStatus(bad, 400);
      expect(fields(bad)).toEqual([field]);
    }
  });

  it('answers 404 for a case that does not exist', async () => {
    for (const path of ['retraction', 'retraction/letter', 'listing-fixes', 'compliance-documents']) {
      expectStatus(await api.http.get(`/api/v1/cases/${UNKNOWN}/${path}`, token), 404);
    }
    expectStatus(await api.http.put(`/api/v1/cases/${UNKNOWN}/retraction`, { status: 'contacted' }, token), 404);
    expectStatus(await api.http.put(`/api/v1/cases/${UNKNOWN}/listing-fixes`, { items: [] }, token), 404);
    expectStatus(await api.http.put(`/api/v1/cases/${UNKNOWN}/compliance-documents`, { items: [] }, token), 404);
  });
});
