/** The tenant tables of the first schema: the RowLevelSecurity migration gave each of them forced row-level security. */
export const INITIAL_TENANT_TABLES = [
  'users', 'refresh_tokens', 'api_keys', 'audit_events',
  'clients', 'contacts', 'case_counters', 'cases', 'case_rounds', 'draft_versions', 'approvals', 'comments',
  'case_events', 'attachments', 'pdf_renders', 'outbox', 'portal_login_tokens', 'webhooks', 'webhook_deliveries',
] as const;

/**
 * Every table carrying tenant_id: each gets FORCEd row-level security (see the RLS migration and its catalogue test).
 * A table added later is listed here and given its policy by the migration that creates it (`tenantIsolationSql`).
 */
export const TENANT_TABLES = [...INITIAL_TENANT_TABLES, 'reminders', 'notifications'] as const;

/** The statements that give a new tenant table the same forced tenant policy as the first ones. */
export function tenantIsolationSql(table: string): string[] {
  const current = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;
  return [
    `ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`,
    `CREATE POLICY tenant_isolation ON "${table}" USING (tenant_id = ${current}) WITH CHECK (tenant_id = ${current})`,
  ];
}
