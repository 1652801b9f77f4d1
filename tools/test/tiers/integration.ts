import { jestPatternArgs, type RunOptions } from '../args';
import type { Counts } from '../counts';
import { runJest } from '../run-jest';
import { createScratchDatabase } from '../../../tests/setup/scratch-database';
import type { Teardown } from '../teardown';
import { ensureTestServices, TEST_REDIS_DB, testLog, withRedisDatabase } from '../../../tests/setup/test-services';

/** Services + a migrated scratch database poa_it_<random> (dropped afterwards), then the integration suites. */
export async function runIntegrationTier(teardown: Teardown, options: RunOptions): Promise<Counts> {
  const services = await ensureTestServices();
  teardown.add('stop the services', services.stop);
  const database = await createScratchDatabase(services.adminUrl, 'poa_it');
  teardown.add(`drop ${database.name}`, database.drop);
  testLog(`integration: scratch database ${database.name}, migrating`);
  // Loaded here, not at the top: a broken @poa/db then fails this tier only.
  const { runMigrations } = await import('@poa/db');
  await runMigrations(database.ownerUrl);

  return runJest(
    'jest.integration.config.js',
    {
      ...process.env,
      DATABASE_ADMIN_URL: services.adminUrl,
      TEST_DATABASE_URL: database.appUrl,
      TEST_DATABASE_MIGRATION_URL: database.ownerUrl,
      TEST_REDIS_URL: withRedisDatabase(services.redisUrl, TEST_REDIS_DB.integration),
      PUPPETEER_EXECUTABLE_PATH: services.chromiumPath,
    },
    jestPatternArgs(options),
  );
}
