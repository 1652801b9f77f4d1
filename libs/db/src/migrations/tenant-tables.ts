/** The tenant tables of the first schema: the RowLevelSecurity migration secures exactly these, so this list never changes. */
export const FIRST_TENANT_TABLES = [
  'users', 'refresh_tokens', 'api_keys', 'audit_events',
  'clients', 'contacts', 'case_counters', 'cases', 'case_rounds', 'draft_versions', 'approvals', 'comments',
  'case_events', 'attachments', 'pdf_renders', 'outbox', 'portal_login_tokens', 'webhooks', 'webhook_deliveries',
] as const;

/**
 * Every table carrying tenant_id: each gets FORCEd row-level security (the catalogue test checks it). A table added
 * after the first schema is secured by its own migration with `tenantIsolationStatements`.
 */
export const TENANT_TABLES = [
  ...FIRST_TENANT_TABLES,
  'submissions',
  'tenant_exports',
  'reminders',
  'notifications',
  'follow_ups',
  'follow_up_check_ins',
  'safety_net_reports',
  'case_evidence',
  'playbooks',
] as const;

const CURRENT_TENANT = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;

/** Forced row-level security and the tenant policy, as the RowLevelSecurity migration gives the first tables. */
export function tenantIsolationStatements(table: string): { up: string[]; down: string[] } {
  return {
    up: [
      `ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`,
      `ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`,
      `CREATE POLICY tenant_isolation ON "${table}" USING (tenant_id = ${CURRENT_TENANT}) WITH CHECK (tenant_id = ${CURRENT_TENANT})`,
    ],
    down: [`DROP POLICY IF EXISTS tenant_isolation ON "${table}"`],
  };
}
