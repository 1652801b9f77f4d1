import { STAFF_ROLES, type StaffRole } from '@poa/domain';

export function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}
