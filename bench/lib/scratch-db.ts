import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { runMigrations } from '@poa/db';
import { bootstrapDatabase, dropDatabase, ensurePostgres } from '@poa/services';

/** The fixed development passwords scripts/start gives the shared roles (trust auth ignores them locally). */
const ROLE_PASSWORDS = { ownerPassword: 'poa_owner', appPassword: 'poa_app' } as const;

export interface ScratchDb {
  name: string;
  /** Superuser on the scratch database: seeds (bypasses RLS), runs EXPLAIN setup, never used for measured reads. */
  adminDbUrl: string;
  ownerUrl: string;
  /** poa_app: not the owner, no BYPASSRLS: row-level security applies to everything it reads. */
  appUrl: string;
  drop(): Promise<void>;
}

/** A migrated database `poa_bench_<random>`, dropped by drop() (also on Ctrl-C). Never touches the developer's database. */
export async function createScratchDb(repoRoot: string, log: (m: string) => void): Promise<ScratchDb> {
  const postgres = await ensurePostgres({ url: process.env.DATABASE_ADMIN_URL, dataDir: path.join(repoRoot, '.data', 'postgres'), log });
  const name = `poa_bench_${randomBytes(4).toString('hex')}`;
  const { ownerUrl, appUrl } = await bootstrapDatabase(postgres.adminUrl, { database: name, ...ROLE_PASSWORDS });
  // One promise: a signal handler and the run's own cleanup may both ask, and both must wait for the drop.
  let dropping: Promise<void> | undefined;
  const drop = () =>
    (dropping ??= (async () => {
      await dropDatabase(postgres.adminUrl, name);
      await postgres.stop();
    })());
  const onSignal = () => {
    void drop().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await runMigrations(ownerUrl);
  } catch (error) {
    await drop();
    throw error;
  }
  const admin = new URL(postgres.adminUrl);
  admin.pathname = `/${name}`;
  log(`scratch database ${name} migrated`);
  return { name, adminDbUrl: admin.toString(), ownerUrl, appUrl, drop };
}
