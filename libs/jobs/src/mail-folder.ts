import { join, resolve } from 'node:path';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where the worker writes emails as .eml files when no SMTP server is configured. */
export const mailDir = (config: { DATA_DIR: string }) => resolve(config.DATA_DIR, 'mail');

/**
 * The folder of one agency's .eml files (mail/<tenantId>): the development mailbox lists only the reader's own
 * agency's folder. A message without a valid tenant id lands in mail/ itself, which the mailbox never shows.
 */
export function tenantMailDir(config: { DATA_DIR: string }, tenantId: string | null | undefined): string {
  return tenantId && UUID.test(tenantId) ? join(mailDir(config), tenantId.toLowerCase()) : mailDir(config);
}
