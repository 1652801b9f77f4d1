import { starterDraft } from '../starters';
import { VIOLATION_TYPES } from '../violations';
import { DEFAULT_PLAYBOOKS, defaultPlaybook, evidenceKindOf, mergeEvidence, templateSentences } from './playbooks';

describe('default playbooks', () => {
  it.each(VIOLATION_TYPES.map((v) => [v.key, v] as const))('%s: evidence, deadline and starter come from the catalogue', (key, info) => {
    const playbook = DEFAULT_PLAYBOOKS[key];
    expect(playbook.evidence.map((e) => [e.key, e.label, e.proves])).toEqual(info.evidence.map((e) => [e.key, e.label, e.proves]));
    expect(playbook.deadlineHours).toBe(info.defaultDeadlineHours);
    expect(playbook.starterDraft).toEqual(starterDraft(key));
    expect(playbook.guidance.length).toBeGreaterThan(0);
    for (const item of playbook.evidence) expect(item.accepts).toEqual(['pdf', 'image']);
  });

  it('asks the seller for invoices and the letter of authorisation, typed as such, and required', () => {
    const items = defaultPlaybook('product_authenticity').evidence;
    const invoice = items.find((e) => e.key === 'supplier_invoices')!;
    const loa = items.find((e) => e.key === 'letter_of_authorization')!;
    expect(invoice).toMatchObject({ kind: 'invoice', askClient: true, required: true });
    expect(loa).toMatchObject({ kind: 'authorisation', askClient: true, required: true });
    expect(items.find((e) => e.key === 'supplier_details')).toMatchObject({ kind: 'other', required: false });
  });

  it('keeps what the agency assembles itself out of the portal', () => {
    expect(defaultPlaybook('late_shipment_rate').evidence.find((e) => e.key === 'handling_time')?.askClient).toBe(false);
    expect(defaultPlaybook('order_defect_rate').evidence.find((e) => e.key === 'defect_orders')?.askClient).toBe(false);
    expect(evidenceKindOf('handling_time')).toBe('other');
  });

  it('names the evidence by label in the starter draft (not as objects)', () => {
    const text = starterDraft('product_authenticity').correctiveActions[0].text;
    expect(text).toContain('supplier invoices');
    expect(text).not.toContain('[object Object]');
  });

  it('merges checklists of several issues: first playbook first, each key once', () => {
    const merged = mergeEvidence([defaultPlaybook('review_manipulation').evidence, defaultPlaybook('code_of_conduct').evidence]);
    expect(merged.map((e) => e.key)).toEqual(['orders_concerned', 'practice_stopped']);
    expect(merged[1].label).toBe('Proof the practices stopped');
  });

  it('splits a starter into its sentences, each once', () => {
    const sentences = templateSentences({
      summary: 'First one. Second one!',
      rootCauses: [{ text: '[Insert what happened.] Name the dates.' }, { text: 'First one.' }],
      correctiveActions: [],
      preventiveMeasures: [{ text: '', owner: '', startDate: null, frequency: '' }],
      supportingDocuments: [],
    });
    expect(sentences).toEqual(['First one.', 'Second one!', '[Insert what happened.]', 'Name the dates.']);
  });
});
