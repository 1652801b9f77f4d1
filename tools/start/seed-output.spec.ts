import { parseSeedLogins } from './seed-output';

describe('parseSeedLogins', () => {
  it('reads the logins from the last non-empty line, ignoring log lines before it', () => {
    const stdout =
      'seeding tenant Acme\n{"level":30,"msg":"done"}\n{"logins":[{"email":"owner@acme.test","password":"pw","role":"owner"}]}\n\n';
    expect(parseSeedLogins(stdout)).toEqual([{ email: 'owner@acme.test', password: 'pw', role: 'owner' }]);
  });

  it('names what it got when the last line is not the logins JSON', () => {
    expect(() => parseSeedLogins('seeded\n')).toThrow('the seed did not print its logins as JSON on its last line (got: seeded)');
    expect(() => parseSeedLogins('')).toThrow('(got: nothing)');
    expect(() => parseSeedLogins('{"logins":[{"email":"a@b.c"}]}')).toThrow('no valid "logins" array');
  });
});
