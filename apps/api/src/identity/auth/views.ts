import { iso } from '../../common/pagination';
import type { UserRow } from '../users/users.repository';
import type { TenantRow } from './tenants.repository';

export const userView = (u: UserRow) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  status: u.status,
  createdAt: iso(u.created_at)!,
  lastLoginAt: iso(u.last_login_at),
});

export const tenantView = (t: TenantRow) => ({
  id: t.id,
  name: t.name,
  branding: t.branding,
  deletionScheduledFor: iso(t.deletion_scheduled_for),
});
