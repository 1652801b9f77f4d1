import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './naming';
import { useFastTimestampParser } from './timestamps';

export interface DataSourceOptions {
  url: string;
  poolSize?: number;
  applicationName?: string;
}

/** The one DataSource definition: the API and worker use it with the app role, migrations with the owner role. */
export function createDataSource({ url, poolSize = 10, applicationName = 'poa-desk' }: DataSourceOptions): DataSource {
  useFastTimestampParser();
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    logging: false,
    applicationName,
    extra: { max: poolSize, connectionTimeoutMillis: 5000 },
  });
}

/** Runs pending migrations as the owner role; returns the names of those applied. */
export async function runMigrations(ownerUrl: string): Promise<string[]> {
  const dataSource = createDataSource({ url: ownerUrl, poolSize: 1, applicationName: 'poa-desk-migrate' });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/** SQL that would bring the database in line with the entities: empty when migrations and entities agree. */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<{ up: string[]; down: string[] }> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: log.upQueries.map((q) => q.query),
    down: log.downQueries.map((q) => q.query),
  };
}
