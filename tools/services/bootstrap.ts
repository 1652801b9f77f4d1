import { Client } from 'pg';

export interface BootstrapOptions {
  database: string;
  ownerRole?: string;
  appRole?: string;
  ownerPassword?: string;
  appPassword?: string;
}

export interface BootstrapResult {
  /** Owns the database and its tables; runs migrations. */
  ownerUrl: string;
  /** What the product connects as: no superuser, no BYPASSRLS, owns nothing. */
  appUrl: string;
}

/** Serialises bootstraps of the same cluster (parallel tests share the roles). Advisory locks are per database: all use the admin one. */
const BOOTSTRAP_LOCK_KEY = 'poa-desk:bootstrapDatabase';

/** Idempotently creates the owner and app roles, the database, its extensions and the app role's privileges. */
export async function bootstrapDatabase(adminUrl: string, options: BootstrapOptions): Promise<BootstrapResult> {
  const owner = options.ownerRole ?? 'poa_owner';
  const app = options.appRole ?? 'poa_app';
  if (owner === app) throw new Error('bootstrapDatabase: the owner and app roles must differ');

  const admin = await connect(adminUrl);
  try {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [BOOTSTRAP_LOCK_KEY]);
    const id = (name: string) => admin.escapeIdentifier(name);
    const password = (value: string | undefined) => (value === undefined ? '' : ` PASSWORD ${admin.escapeLiteral(value)}`);

    await ensureRole(admin, owner);
    await admin.query(`ALTER ROLE ${id(owner)} WITH LOGIN NOSUPERUSER${password(options.ownerPassword)}`);
    await ensureRole(admin, app);
    await admin.query(`ALTER ROLE ${id(app)} WITH LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE${password(options.appPassword)}`);

    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${id(options.database)} OWNER ${id(owner)} ENCODING 'UTF8'`);
    else await admin.query(`ALTER DATABASE ${id(options.database)} OWNER TO ${id(owner)}`);
    await admin.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${id(options.database)} TO ${id(app)}`);

    await prepareDatabase(withDatabase(adminUrl, options.database), owner, app);
  } finally {
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [BOOTSTRAP_LOCK_KEY]).catch(() => undefined);
    await admin.end();
  }

  return {
    ownerUrl: withLogin(adminUrl, options.database, owner, options.ownerPassword),
    appUrl: withLogin(adminUrl, options.database, app, options.appPassword),
  };
}

async function ensureRole(admin: Client, role: string): Promise<void> {
  const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  if (exists.rowCount === 0) await admin.query(`CREATE ROLE ${admin.escapeIdentifier(role)} LOGIN`);
}

/** Runs inside the new database as the admin: extensions need a superuser, default privileges are per database. */
async function prepareDatabase(databaseAdminUrl: string, owner: string, app: string): Promise<void> {
  const db = await connect(databaseAdminUrl);
  const o = db.escapeIdentifier(owner);
  const a = db.escapeIdentifier(app);
  try {
    await db.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await db.query('CREATE EXTENSION IF NOT EXISTS pgcrypto');
    // PostgreSQL 15 revoked CREATE on public from PUBLIC; older versions still grant it. Only the owner creates objects.
    await db.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
    await db.query(`GRANT USAGE, CREATE ON SCHEMA public TO ${o}`);
    await db.query(`GRANT USAGE ON SCHEMA public TO ${a}`);
    await db.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${o} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${a}`);
    await db.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${o} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${a}`);
    await db.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${o} IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO ${a}`);
  } finally {
    await db.end();
  }
}

/** Drops a (scratch) database, first ending every session connected to it. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = await connect(adminUrl);
  try {
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

function withLogin(url: string, database: string, user: string, password: string | undefined): string {
  const parsed = new URL(withDatabase(url, database));
  parsed.username = encodeURIComponent(user);
  parsed.password = password === undefined ? '' : encodeURIComponent(password);
  return parsed.toString();
}
