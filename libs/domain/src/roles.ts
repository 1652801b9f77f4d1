/** Ordered from most to least powerful: each role holds every permission of the roles after it. */
export const STAFF_ROLES = ['owner', 'admin', 'reviewer', 'writer', 'viewer'] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(x: unknown): x is StaffRole {
  return typeof x === 'string' && (STAFF_ROLES as readonly string[]).includes(x);
}

/** Higher is more powerful: owner = 4, viewer = 0. */
export function roleRank(role: StaffRole): number {
  const index = STAFF_ROLES.indexOf(role);
  if (index < 0) throw new Error(`Unknown staff role: ${String(role)}`);
  return STAFF_ROLES.length - 1 - index;
}

export function hasRoleAtLeast(role: StaffRole, minimum: StaffRole): boolean {
  return roleRank(role) >= roleRank(minimum);
}

export const API_KEY_SCOPES = ['clients:read', 'clients:write', 'cases:read', 'cases:write', 'webhooks:manage'] as const;

export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export function isApiKeyScope(x: unknown): x is ApiKeyScope {
  return typeof x === 'string' && (API_KEY_SCOPES as readonly string[]).includes(x);
}
