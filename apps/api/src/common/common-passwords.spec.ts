import { acceptInviteSchema, changePasswordSchema, signupSchema } from '../identity/auth/auth.schemas';
import { isCommonPassword } from './common-passwords';

describe('common passwords', () => {
  it('recognises the list entries case-insensitively, and not a long unusual phrase', () => {
    expect(isCommonPassword('password123')).toBe(true);
    expect(isCommonPassword('PassWord123')).toBe(true);
    expect(isCommonPassword('qwertyuiop')).toBe(true);
    expect(isCommonPassword('correct-horse-battery')).toBe(false);
  });

  const messageOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }, field: string) =>
    result.error?.issues.find((issue) => issue.path.join('.') === field)?.message;

  it('is refused on sign-up, invite acceptance and password change, on the password field', () => {
    const signup = signupSchema.safeParse({ agencyName: 'A', name: 'B', email: 'b@example.test', password: '1234567890' });
    expect(messageOf(signup, 'password')).toMatch(/most common passwords/);
    const invite = acceptInviteSchema.safeParse({ token: 'x'.repeat(20), password: 'Qwertyuiop' });
    expect(messageOf(invite, 'password')).toMatch(/most common passwords/);
    const change = changePasswordSchema.safeParse({ currentPassword: 'whatever', newPassword: 'basketball' });
    expect(messageOf(change, 'newPassword')).toMatch(/most common passwords/);
    expect(signupSchema.safeParse({ agencyName: 'A', name: 'B', email: 'b@example.test', password: 'correct-horse-battery' }).success).toBe(
      true,
    );
  });
});
