/** Every table carrying tenant_id: each gets FORCEd row-level security (see the RLS migration and its catalogue test). */
export const TENANT_TABLES = [
  'users', 'refresh_tokens', 'api_keys', 'audit_events',
  'clients', 'contacts', 'case_counters', 'cases', 'case_rounds', 'draft_versions', 'approvals', 'comments',
  'case_events', 'attachments', 'pdf_renders', 'outbox', 'portal_login_tokens', 'webhooks', 'webhook_deliveries',
] as const;
