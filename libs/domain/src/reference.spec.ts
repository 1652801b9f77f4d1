import { formatCaseReference, parseCaseReference } from './reference';

describe('case reference', () => {
  it('pads the sequence to 4 digits', () => {
    expect(formatCaseReference(2026, 42)).toBe('POA-2026-0042');
    expect(formatCaseReference(2026, 1)).toBe('POA-2026-0001');
    expect(formatCaseReference(2026, 9999)).toBe('POA-2026-9999');
  });

  it('grows past 9999', () => {
    expect(formatCaseReference(2026, 10000)).toBe('POA-2026-10000');
    expect(formatCaseReference(2027, 123456)).toBe('POA-2027-123456');
  });

  it('rejects invalid input', () => {
    expect(() => formatCaseReference(2026, 0)).toThrow(RangeError);
    expect(() => formatCaseReference(2026, 1.5)).toThrow(RangeError);
    expect(() => formatCaseReference(26, 1)).toThrow(RangeError);
  });

  it('parses what it formats', () => {
    for (const [year, sequence] of [
      [2026, 42],
      [2026, 9999],
      [2030, 10000],
    ]) {
      expect(parseCaseReference(formatCaseReference(year, sequence))).toEqual({ year, sequence });
    }
    expect(parseCaseReference(' poa-2026-0042 ')).toEqual({ year: 2026, sequence: 42 });
  });

  it('refuses malformed references', () => {
    expect(parseCaseReference('POA-2026-042')).toBeNull();
    expect(parseCaseReference('POA-2026-0000')).toBeNull();
    expect(parseCaseReference('POA-2026-00042')).toBeNull();
    expect(parseCaseReference('CASE-2026-0042')).toBeNull();
    expect(parseCaseReference('POA-26-0042')).toBeNull();
    expect(parseCaseReference('')).toBeNull();
  });
});
