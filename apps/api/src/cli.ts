import 'reflect-metadata';
import { loadConfigOrExit } from '@poa/config';
import { runMigrations } from '@poa/db';
import { seedDemo } from './seed/seed-demo';

/** `node cli.js migrate` (owner role) | `node cli.js seed` (app role, idempotent demo data). */
async function main() {
  const [command] = process.argv.slice(2);
  const config = loadConfigOrExit();
  if (command === 'migrate') {
    const applied = await runMigrations(config.DATABASE_MIGRATION_URL);
    console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database is up to date.');
  } else if (command === 'seed') {
    const logins = await seedDemo(config);
    console.log(JSON.stringify({ logins }));
  } else {
    console.error('usage: cli.js migrate | seed');
    process.exitCode = 2;
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
