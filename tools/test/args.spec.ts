import { jestPatternArgs, parseRunOptions, TIERS } from './args';

describe('parseRunOptions', () => {
  it('runs every tier in order by default', () => {
    expect(parseRunOptions([])).toEqual({ tiers: [...TIERS], help: false, skipBuild: false, only: [] });
  });

  it('keeps the canonical order whatever order --tier names them in', () => {
    expect(parseRunOptions(['--tier', 'integration,unit']).tiers).toEqual(['unit', 'integration']);
    expect(parseRunOptions(['--tier=e2e', '--tier', 'static']).tiers).toEqual(['static', 'e2e']);
  });

  it('rejects unknown tiers and arguments, and a --tier without a value', () => {
    expect(() => parseRunOptions(['--tier', 'unit,smoke'])).toThrow('unknown tier "smoke"');
    expect(() => parseRunOptions(['--fast'])).toThrow('unknown argument --fast');
    expect(() => parseRunOptions(['--tier'])).toThrow('--tier needs a value');
  });

  it('recognises --help and --skip-build', () => {
    expect(parseRunOptions(['--help']).help).toBe(true);
    expect(parseRunOptions(['--skip-build', '--tier', 'e2e'])).toEqual({ tiers: ['e2e'], help: false, skipBuild: true, only: [] });
  });

  it('passes --only patterns to jest, and refuses an empty one', () => {
    const options = parseRunOptions(['--tier', 'e2e', '--only', 'portal,pdf', '--only=webhooks']);
    expect(options.only).toEqual(['portal', 'pdf', 'webhooks']);
    expect(jestPatternArgs(options)).toEqual(['--testPathPatterns', 'portal', 'pdf', 'webhooks']);
    expect(jestPatternArgs(parseRunOptions([]))).toEqual([]);
    expect(() => parseRunOptions(['--only'])).toThrow('--only needs a test path pattern');
  });
});
