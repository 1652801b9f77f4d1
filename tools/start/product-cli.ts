import { nodeArgs, SERVER_ENTRIES } from './paths';
import { runCommand } from './commands';
import { parseSeedLogins, type DemoLogin } from './seed-output';

/** Applies pending migrations with the compiled CLI (as the owner role in DATABASE_MIGRATION_URL). */
export async function migrate(env: NodeJS.ProcessEnv): Promise<void> {
  await runCommand(process.execPath, nodeArgs(SERVER_ENTRIES.cli, 'migrate'), { env });
}

/** Seeds the demo data (idempotent, as the app role in DATABASE_URL) and returns the demo logins it prints. */
export async function seed(env: NodeJS.ProcessEnv): Promise<DemoLogin[]> {
  const stdout = await runCommand(process.execPath, nodeArgs(SERVER_ENTRIES.cli, 'seed'), { env, captureStdout: true });
  return parseSeedLogins(stdout);
}
