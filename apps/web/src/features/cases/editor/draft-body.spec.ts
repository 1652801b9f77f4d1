import { emptyDraft } from '@poa/domain';
import { toDraftBody } from './draft-body';

describe('toDraftBody', () => {
  it('sends dates as YYYY-MM-DD or null and skips documents without a file', () => {
    const body = toDraftBody(
      {
        ...emptyDraft(),
        correctiveActions: [
          { text: 'Removed the listing', completedAt: '' },
          { text: 'Audited suppliers', completedAt: '2026-03-01' },
        ],
        preventiveMeasures: [{ text: 'Weekly audit', owner: 'Ops lead', startDate: 'soon', frequency: 'weekly' }],
        supportingDocuments: [
          { attachmentId: '', description: 'half-filled' },
          { attachmentId: 'a1', description: 'Invoice' },
        ],
      },
      3,
    );
    expect(body.baseVersion).toBe(3);
    expect(body.correctiveActions.map((c) => c.completedAt)).toEqual([null, '2026-03-01']);
    expect(body.preventiveMeasures[0].startDate).toBeNull();
    expect(body.supportingDocuments).toEqual([{ attachmentId: 'a1', description: 'Invoice' }]);
  });
});
