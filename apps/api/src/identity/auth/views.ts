import type { TenantBranding } from '@poa/db';
import type { StaffRole } from '@poa/domain';
import { iso } from '../../common/pagination';

export interface UserRow {
  id: string;
  tenant_id: string;
  email: string;
  name: string;
  role: StaffRole;
  status: 'active' | 'invited' | 'deactivated';
  password_hash: string | null;
  token_version: number;
  created_at: Date;
  last_login_at: Date | null;
}

export interface TenantRow {
  id: string;
  name: string;
  branding: TenantBranding;
}

export const USER_COLUMNS = 'id, tenant_id, email, name, role, status, password_hash, token_version, created_at, last_login_at';

export const userView = (u: UserRow) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  status: u.status,
  createdAt: iso(u.created_at)!,
  lastLoginAt: iso(u.last_login_at),
});

export const tenantView = (t: TenantRow) => ({ id: t.id, name: t.name, branding: t.branding });
