import { hasRoleAtLeast, type ApiKeyScope, type StaffRole } from '@poa/domain';

/**
 * Every permission an endpoint can declare: the least staff role that holds it, and the API key scope
 * that grants it (null: API keys never get it). 'portal' is only for a client's portal contacts.
 */
export const PERMISSIONS = {
  'me:read': { minRole: 'viewer', scope: null },
  'users:read': { minRole: 'viewer', scope: null },
  'users:manage': { minRole: 'admin', scope: null },
  'api_keys:manage': { minRole: 'admin', scope: null },
  'audit:read': { minRole: 'admin', scope: null },
  'settings:manage': { minRole: 'admin', scope: null },
  /** The agency as a whole: exporting all of its data. */
  'tenant:manage': { minRole: 'owner', scope: null },
  /** The development mailbox (DEV_MAILBOX=true only): it holds log-in links, so never for API keys. */
  'dev_mail:read': { minRole: 'admin', scope: null },
  'clients:read': { minRole: 'viewer', scope: 'clients:read' },
  'clients:write': { minRole: 'writer', scope: 'clients:write' },
  'cases:read': { minRole: 'viewer', scope: 'cases:read' },
  'cases:write': { minRole: 'writer', scope: 'cases:write' },
  'webhooks:manage': { minRole: 'admin', scope: 'webhooks:manage' },
  /** Win rates by writer are about people: reviewers and above, never API keys. */
  'reports:read': { minRole: 'reviewer', scope: null },
  portal: { minRole: null, scope: null },
} as const satisfies Record<string, { minRole: StaffRole | null; scope: ApiKeyScope | null }>;

export type Permission = keyof typeof PERMISSIONS;

export type Principal =
  | { kind: 'user'; tenantId: string; id: string; name: string; email: string; role: StaffRole }
  | { kind: 'api_key'; tenantId: string; id: string; name: string; scopes: ApiKeyScope[] }
  | { kind: 'contact'; tenantId: string; id: string; name: string; email: string; clientId: string };

/** The one place that decides whether a principal holds a permission. */
export function principalHas(principal: Principal, permission: Permission): boolean {
  const rule = PERMISSIONS[permission];
  switch (principal.kind) {
    case 'contact':
      return permission === 'portal';
    case 'user':
      return rule.minRole !== null && hasRoleAtLeast(principal.role, rule.minRole);
    case 'api_key':
      return rule.scope !== null && principal.scopes.includes(rule.scope);
  }
}
