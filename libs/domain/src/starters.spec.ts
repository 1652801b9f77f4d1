import { check } from './checker';
import { starterDraft } from './starters';
import { VIOLATION_TYPES } from './violations';

describe('starterDraft', () => {
  it.each(VIOLATION_TYPES.map((v) => v.key))(
    '%s: no section is empty and every prompt is flagged as template text (the only errors besides missing documents)',
    (type) => {
      const issues = check(starterDraft(type), { asins: [], violationType: type });
      expect(issues.filter((i) => i.severity === 'error' && !['template_text', 'missing_evidence'].includes(i.rule))).toEqual([]);
      const starter = starterDraft(type);
      const prompts = 1 + starter.rootCauses.length + starter.correctiveActions.length + starter.preventiveMeasures.length;
      expect(issues.filter((i) => i.rule === 'template_text')).toHaveLength(prompts);
      expect(issues.some((i) => i.rule === 'blame' || i.rule === 'emotive' || i.rule === 'not_past_tense')).toBe(false);
    },
  );

  it('names the typical root causes of the violation type', () => {
    expect(starterDraft('late_shipment_rate').rootCauses.map((r) => r.text)).toEqual([
      expect.stringContaining('handling time too short'),
      expect.stringContaining('stock-outs'),
      expect.stringContaining('holidays'),
      expect.stringContaining('carrier cut-off times missed'),
    ]);
  });
});
