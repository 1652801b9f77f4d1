import { QUEUES } from './payloads';
import { enqueue, type WriteTx } from './outbox';

const tenantId = '0b7e7a1c-3f55-4d0f-9a8e-2f4f7f8e0c11';
const versionId = 'c2d5e0a4-7d1b-4a3e-8f7c-5b9a1e2d3f40';

/** A transaction that records its statements (the SQL itself runs in the integration tests). */
function recordingTx(tenant = tenantId) {
  const statements: { text: string; params?: unknown[] }[] = [];
  const tx: WriteTx = {
    tenantId: tenant,
    query: async <T>(text: string, params?: unknown[]) => {
      statements.push({ text, params });
      return [] as T[];
    },
  };
  return { tx, statements };
}

const render = (kind: 'final' | 'preview', draftVersionId = versionId) => ({
  queue: QUEUES.pdfRender,
  payload: { tenantId, caseId: versionId, draftVersionId, kind },
});

describe('enqueue', () => {
  it('writes one job, or several in one statement in the order given, and returns their ids', async () => {
    const { tx, statements } = recordingTx();
    expect(await enqueue(tx, render('final'))).toBe(`render-final-${versionId}`);
    expect(await enqueue(tx, [render('final'), render('preview')])).toEqual([`render-final-${versionId}`, `render-preview-${versionId}`]);
    expect(statements).toHaveLength(2);
    expect(statements[1].text).toMatch(/^INSERT INTO\s+outbox /);
    expect(statements[1].params).toEqual([
      ['pdf-render', 'pdf-render'],
      [`render-final-${versionId}`, `render-preview-${versionId}`],
      [render('final').payload, render('preview').payload].map((p) => JSON.stringify({ ...p, variant: 'standard' })),
      // No active trace: no traceparent (tests/integration/observability.int.spec.ts follows one through).
      null,
    ]);
    expect(await enqueue(tx, [])).toEqual([]);
    expect(statements).toHaveLength(2);
  });

  it('writes nothing when any payload is malformed', async () => {
    const { tx, statements } = recordingTx();
    const malformed = { queue: QUEUES.pdfRender, payload: { tenantId, caseId: versionId, draftVersionId: 'v1', kind: 'final' } } as const;
    await expect(enqueue(tx, [render('final'), malformed])).rejects.toThrow(/Malformed pdf-render job payload: draftVersionId/);
    expect(statements).toHaveLength(0);
  });

  it("refuses a job of another tenant than the transaction's", async () => {
    const { tx, statements } = recordingTx('9d0c1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f');
    await expect(enqueue(tx, render('final'))).rejects.toThrow(/cannot be written in a transaction of tenant 9d0c1e2f/);
    expect(statements).toHaveLength(0);
  });
});
