import { DRAFT_SECTION_KEYS, canonicalDraftJson, diffDrafts, diffText, emptyDraft, type DraftSections, type WordPart } from './draft';

const base = (): DraftSections => ({
  summary: 'We sold counterfeit earbuds because our supplier was not verified.',
  rootCauses: [{ text: 'Supplier Acme Ltd was not verified.' }, { text: 'No incoming inspection.' }],
  correctiveActions: [{ text: 'Removed all Acme stock.', completedAt: '2026-03-02' }],
  preventiveMeasures: [
    { text: 'Verify every new supplier.', owner: 'Jane Doe, sourcing', startDate: '2026-03-05', frequency: 'per supplier' },
  ],
  supportingDocuments: [{ attachmentId: 'att-1', description: 'Invoice from Brand GmbH' }],
});

const joinKept = (parts: WordPart[], drop: 'added' | 'removed') =>
  parts
    .filter((p) => !p[drop])
    .map((p) => p.value)
    .join('');

const words = (text: string) => text.split(/\s+|\b/).filter((w) => w.trim() !== '');

describe('emptyDraft', () => {
  it('has every section, empty, and a fresh object each time', () => {
    const a = emptyDraft();
    expect(Object.keys(a)).toEqual([...DRAFT_SECTION_KEYS]);
    expect(a).toEqual({ summary: '', rootCauses: [], correctiveActions: [], preventiveMeasures: [], supportingDocuments: [] });
    a.rootCauses.push({ text: 'x' });
    expect(emptyDraft().rootCauses).toEqual([]);
  });
});

describe('canonicalDraftJson', () => {
  it('does not depend on key order', () => {
    const draft = base();
    const shuffled = {
      supportingDocuments: [{ description: 'Invoice from Brand GmbH', attachmentId: 'att-1' }],
      preventiveMeasures: [
        { frequency: 'per supplier', startDate: '2026-03-05', owner: 'Jane Doe, sourcing', text: 'Verify every new supplier.' },
      ],
      correctiveActions: [{ completedAt: '2026-03-02', text: 'Removed all Acme stock.' }],
      rootCauses: draft.rootCauses,
      summary: draft.summary,
    } as DraftSections;
    expect(canonicalDraftJson(shuffled)).toBe(canonicalDraftJson(draft));
  });

  it('keeps a fixed key order and drops unknown fields', () => {
    const draft = base() as DraftSections & { extra?: string };
    draft.extra = 'ignored';
    (draft.rootCauses[0] as { text: string; id?: string }).id = 'ignored';
    const json = canonicalDraftJson(draft);
    expect(json).not.toContain('ignored');
    expect(Object.keys(JSON.parse(json))).toEqual([...DRAFT_SECTION_KEYS]);
    expect(json).toContain(
      '{"text":"Verify every new supplier.","owner":"Jane Doe, sourcing","startDate":"2026-03-05","frequency":"per supplier"}',
    );
  });

  it('leaves an unset issueId out, so older versions keep their hash, and keeps a set one', () => {
    const withNull = base();
    withNull.rootCauses[0].issueId = null;
    expect(canonicalDraftJson(withNull)).toBe(canonicalDraftJson(base()));
    const linked = base();
    linked.rootCauses[0].issueId = 'issue-1';
    linked.correctiveActions[0].issueId = 'issue-1';
    const json = JSON.parse(canonicalDraftJson(linked));
    expect(json.rootCauses[0].issueId).toBe('issue-1');
    expect(Object.keys(json.correctiveActions[0])).toEqual(['text', 'completedAt', 'issueId']);
  });

  it('changes when the content changes', () => {
    const changed = base();
    changed.correctiveActions[0].completedAt = null;
    expect(canonicalDraftJson(changed)).not.toBe(canonicalDraftJson(base()));
    expect(JSON.parse(canonicalDraftJson(changed)).correctiveActions[0].completedAt).toBeNull();
  });
});

describe('diffText', () => {
  it('marks added and removed words and rebuilds both sides', () => {
    const from = 'We removed the stock from the warehouse.';
    const to = 'We destroyed the stock in the warehouse on 2 March.';
    const parts = diffText(from, to);
    expect(parts.some((p) => p.added && p.value.includes('destroyed'))).toBe(true);
    expect(parts.some((p) => p.removed && p.value.includes('removed'))).toBe(true);
    expect(joinKept(parts, 'removed')).toBe(to);
    // diffWords takes the whitespace of unchanged runs from the new text, so the old side matches word for word.
    expect(words(joinKept(parts, 'added'))).toEqual(words(from));
    for (const p of parts) expect(Object.keys(p).every((k) => ['value', 'added', 'removed'].includes(k))).toBe(true);
  });

  it('gives one unchanged part for equal text', () => {
    expect(diffText('same words', 'same words')).toEqual([{ value: 'same words' }]);
  });
});

describe('diffDrafts', () => {
  it('reports no change between equal drafts', () => {
    const diff = diffDrafts(base(), base());
    for (const key of DRAFT_SECTION_KEYS) expect(diff.sectionChanged[key].changed).toBe(false);
    expect(diff.rootCauses.map((c) => c.kind)).toEqual(['unchanged', 'unchanged']);
    expect(diff.sectionChanged.rootCauses).toEqual({ changed: false, added: 0, removed: 0, modified: 0, unchanged: 2 });
  });

  it('diffs the summary word by word', () => {
    const to = base();
    to.summary = 'We sold counterfeit earbuds because our supplier Acme Ltd was never verified.';
    const diff = diffDrafts(base(), to);
    expect(joinKept(diff.summary, 'removed')).toBe(to.summary);
    expect(words(joinKept(diff.summary, 'added'))).toEqual(words(base().summary));
    expect(diff.summary.filter((p) => p.added).map((p) => p.value.trim())).toEqual(
      expect.arrayContaining([expect.stringContaining('never')]),
    );
    expect(diff.sectionChanged.summary.changed).toBe(true);
    expect(diff.sectionChanged.rootCauses.changed).toBe(false);
  });

  it('pairs an edited item as changed, with per-field word diffs', () => {
    const to = base();
    to.preventiveMeasures[0] = { ...to.preventiveMeasures[0], owner: 'John Roe, sourcing', frequency: 'monthly' };
    const [change] = diffDrafts(base(), to).preventiveMeasures;
    expect(change.kind).toBe('changed');
    expect(change.index).toBe(0);
    expect(change.from?.owner).toBe('Jane Doe, sourcing');
    expect(change.to?.owner).toBe('John Roe, sourcing');
    expect(change.fields?.text).toEqual([{ value: 'Verify every new supplier.' }]);
    expect(joinKept(change.fields!.owner!, 'removed')).toBe('John Roe, sourcing');
    expect(change.fields!.owner!.some((p) => p.removed && p.value.includes('Jane'))).toBe(true);
    expect(change.fields!.frequency).toEqual([
      { value: 'per supplier', removed: true },
      { value: 'monthly', added: true },
    ]);
  });

  it('diffs a null date as empty text', () => {
    const from = base();
    from.correctiveActions[0].completedAt = null;
    const [change] = diffDrafts(from, base()).correctiveActions;
    expect(change.kind).toBe('changed');
    expect(change.fields?.completedAt).toEqual([{ value: '2026-03-02', added: true }]);
  });

  it('reports added and removed items with their indexes', () => {
    const to = base();
    to.rootCauses = [{ text: 'No incoming inspection.' }, { text: 'Staff not trained on brand gating.' }];
    const diff = diffDrafts(base(), to);
    expect(diff.rootCauses).toEqual([
      { kind: 'removed', index: 0, from: { text: 'Supplier Acme Ltd was not verified.' } },
      { kind: 'unchanged', index: 0, from: { text: 'No incoming inspection.' }, to: { text: 'No incoming inspection.' } },
      { kind: 'added', index: 1, to: { text: 'Staff not trained on brand gating.' } },
    ]);
    expect(diff.sectionChanged.rootCauses).toEqual({ changed: true, added: 1, removed: 1, modified: 0, unchanged: 1 });
  });

  it('keeps surplus removals as removed when fewer items are added back', () => {
    const to = base();
    to.rootCauses = [{ text: 'One merged root cause.' }];
    const kinds = diffDrafts(base(), to).rootCauses.map((c) => c.kind);
    expect(kinds.sort()).toEqual(['changed', 'removed']);
  });

  it('handles sections going from empty to filled and back', () => {
    const empty = emptyDraft();
    const filled = base();
    const added = diffDrafts(empty, filled);
    expect(added.supportingDocuments).toEqual([{ kind: 'added', index: 0, to: filled.supportingDocuments[0] }]);
    expect(added.sectionChanged.supportingDocuments).toMatchObject({ changed: true, added: 1 });
    const removed = diffDrafts(filled, empty);
    expect(removed.correctiveActions).toEqual([{ kind: 'removed', index: 0, from: filled.correctiveActions[0] }]);
    expect(removed.summary).toEqual([{ value: filled.summary, removed: true }]);
  });
});
