import { API_KEY_SCOPES, STAFF_ROLES, hasRoleAtLeast, isApiKeyScope, isStaffRole, roleRank } from './roles';

describe('roles', () => {
  it('ranks owner highest and viewer lowest', () => {
    expect(STAFF_ROLES.map(roleRank)).toEqual([4, 3, 2, 1, 0]);
  });

  it('each role holds the permissions of the roles after it', () => {
    expect(hasRoleAtLeast('owner', 'viewer')).toBe(true);
    expect(hasRoleAtLeast('reviewer', 'writer')).toBe(true);
    expect(hasRoleAtLeast('writer', 'writer')).toBe(true);
    expect(hasRoleAtLeast('writer', 'reviewer')).toBe(false);
    expect(hasRoleAtLeast('viewer', 'writer')).toBe(false);
    expect(hasRoleAtLeast('admin', 'owner')).toBe(false);
  });

  it('rejects unknown roles', () => {
    expect(() => roleRank('guest' as never)).toThrow('Unknown staff role');
    expect(isStaffRole('admin')).toBe(true);
    expect(isStaffRole('guest')).toBe(false);
  });

  it('lists API key scopes', () => {
    expect(API_KEY_SCOPES).toEqual(['clients:read', 'clients:write', 'cases:read', 'cases:write', 'webhooks:manage']);
    expect(isApiKeyScope('cases:write')).toBe(true);
    expect(isApiKeyScope('cases:delete')).toBe(false);
  });
});
