// prettier-ignore
/** The tenant tables the first row-level security migration covers: frozen, since that migration loops over it. */
export const INITIAL_TENANT_TABLES = [
  'users', 'refresh_tokens', 'api_keys', 'audit_events',
  'clients', 'contacts', 'case_counters', 'cases', 'case_rounds', 'draft_versions', 'approvals', 'comments',
  'case_events', 'attachments', 'pdf_renders', 'outbox', 'portal_login_tokens', 'webhooks', 'webhook_deliveries',
] as const;

/**
 * Every table carrying tenant_id: each gets FORCEd row-level security (see the RLS migration and its catalogue test).
 * A table added later gets its policy in its own migration (see TenantExports) and is listed here too.
 */
export const TENANT_TABLES = [...INITIAL_TENANT_TABLES, 'tenant_exports'] as const;
