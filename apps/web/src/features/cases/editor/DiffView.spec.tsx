import { diffDrafts, emptyDraft } from '@poa/domain';
import { renderToStaticMarkup } from 'react-dom/server';
import { DiffView } from './DiffView';

describe('DiffView', () => {
  const v1 = {
    ...emptyDraft(),
    summary: 'We sold used items as new',
    rootCauses: [{ text: 'Returns were restocked unchecked' }, { text: 'No QC' }],
  };
  const v2 = {
    ...v1,
    summary: 'We sold returned items as new',
    rootCauses: [{ text: 'Returns were restocked unchecked' }],
    correctiveActions: [{ text: 'Inspected all stock', completedAt: '2026-03-01' }],
  };

  it('marks added and removed words and items, section by section', () => {
    const html = renderToStaticMarkup(<DiffView diff={diffDrafts(v1, v2)} fromLabel="v1" toLabel="v2" />);
    expect(html).toContain('<del class="diff-removed">used</del>');
    expect(html).toContain('<ins class="diff-added">returned</ins>');
    expect(html).toContain('<del class="diff-removed">No QC</del>');
    expect(html).toContain('<ins class="diff-added">Inspected all stock · Completed: 2026-03-01</ins>');
    expect(html).toContain('3 sections changed from v1 to v2');
    expect(html).toMatch(/Preventive measures <span class="muted">\(unchanged\)/);
  });

  it('says so when two versions are identical', () => {
    const html = renderToStaticMarkup(<DiffView diff={diffDrafts(v1, v1)} fromLabel="v1" toLabel="v1" />);
    expect(html).toContain('No differences between v1 and v1.');
    expect(html).not.toContain('<ins');
  });
});
