import { renderSummary } from './summary';

describe('renderSummary', () => {
  it('prints one row per tier and ends with the exact totals line', () => {
    const text = renderSummary([
      { tier: 'static', passed: 3, failed: 1, skipped: 0, ms: 12_340 },
      { tier: 'unit', passed: 120, failed: 0, skipped: 2, ms: 4_000 },
    ]);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^tier\s+passed\s+failed\s+skipped\s+time$/);
    expect(lines[1]).toMatch(/^static\s+3\s+1\s+0\s+12\.3s$/);
    expect(lines[2]).toMatch(/^unit\s+120\s+0\s+2\s+4\.0s$/);
    expect(lines.at(-1)).toBe('123 passed, 1 failed');
  });

  it('prints zero totals when no tier ran', () => {
    expect(renderSummary([]).split('\n').at(-1)).toBe('0 passed, 0 failed');
  });
});
