import path from 'node:path';
import { bootstrapDatabase, ensurePostgres, type Log } from '@poa/services';

export const PRODUCT_DATABASE = 'poa_desk';
/** Fixed development passwords: the local cluster only listens on 127.0.0.1. */
export const DEV_ROLE_PASSWORDS = { ownerPassword: 'poa_owner', appPassword: 'poa_app' } as const;

export interface ProductDatabase {
  /** DATABASE_URL: the app role (no superuser, no BYPASSRLS). */
  appUrl: string;
  /** DATABASE_MIGRATION_URL: the owner role. */
  ownerUrl: string;
  /** Stops the PostgreSQL server when we started it. */
  stop(): Promise<void>;
}

/**
 * DATABASE_URL + DATABASE_MIGRATION_URL when both are set (used as given), otherwise a PostgreSQL found or
 * started on 127.0.0.1:5432 (cluster in dataDir/postgres, or DATABASE_ADMIN_URL) with poa_desk bootstrapped.
 */
export async function prepareProductDatabase(dataDir: string, log: Log): Promise<ProductDatabase> {
  const { DATABASE_URL, DATABASE_MIGRATION_URL, DATABASE_ADMIN_URL } = process.env;
  if (DATABASE_URL && DATABASE_MIGRATION_URL) {
    log('PostgreSQL: using DATABASE_URL and DATABASE_MIGRATION_URL as given (no bootstrap)');
    return { appUrl: DATABASE_URL, ownerUrl: DATABASE_MIGRATION_URL, stop: async () => undefined };
  }
  if (DATABASE_URL || DATABASE_MIGRATION_URL) {
    throw new Error(
      'Set both DATABASE_URL (app role) and DATABASE_MIGRATION_URL (owner role), or neither (then a local database is prepared)',
    );
  }
  const postgres = await ensurePostgres({ url: DATABASE_ADMIN_URL, dataDir: path.join(dataDir, 'postgres'), log });
  try {
    const urls = await bootstrapDatabase(postgres.adminUrl, { database: PRODUCT_DATABASE, ...DEV_ROLE_PASSWORDS });
    log(`PostgreSQL: database ${PRODUCT_DATABASE} ready (roles poa_owner, poa_app)`);
    return { ...urls, stop: postgres.stop };
  } catch (error) {
    await postgres.stop();
    throw error;
  }
}
