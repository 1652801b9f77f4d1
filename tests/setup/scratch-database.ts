import { randomBytes } from 'node:crypto';
import { bootstrapDatabase, dropDatabase } from '@poa/services';

/** The same fixed development passwords scripts/start gives the roles (the roles are shared by every database). */
const ROLE_PASSWORDS = { ownerPassword: 'poa_owner', appPassword: 'poa_app' } as const;

export interface ScratchDatabase {
  name: string;
  adminUrl: string;
  /** The app role: what the product connects as. */
  appUrl: string;
  /** The owner role: runs migrations. */
  ownerUrl: string;
  drop(): Promise<void>;
}

/** A new, empty database `<prefix>_<random>` with the product's roles and privileges (not migrated yet). */
export async function createScratchDatabase(adminUrl: string, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const { appUrl, ownerUrl } = await bootstrapDatabase(adminUrl, { database: name, ...ROLE_PASSWORDS });
  return { name, adminUrl, appUrl, ownerUrl, drop: () => dropDatabase(adminUrl, name) };
}
