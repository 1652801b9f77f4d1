import { MigrationInterface, QueryRunner } from 'typeorm';
import { FIRST_TENANT_TABLES as TENANT_TABLES } from './tenant-tables';

// Hand-written: row-level security is not expressible in entities. Never edit once landed; add a new migration.
const CURRENT_TENANT = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;

/** Tables whose rows are never updated or deleted by the application. */
const APPEND_ONLY = new Set(['audit_events']);

export class RowLevelSecurity1795675649093 implements MigrationInterface {
  name = 'RowLevelSecurity1795675649093';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TENANT_TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
      if (APPEND_ONLY.has(table)) {
        await queryRunner.query(`CREATE POLICY tenant_read ON "${table}" FOR SELECT USING (tenant_id = ${CURRENT_TENANT})`);
        await queryRunner.query(`CREATE POLICY tenant_append ON "${table}" FOR INSERT WITH CHECK (tenant_id = ${CURRENT_TENANT})`);
      } else {
        await queryRunner.query(`CREATE POLICY tenant_isolation ON "${table}" USING (tenant_id = ${CURRENT_TENANT}) WITH CHECK (tenant_id = ${CURRENT_TENANT})`);
      }
    }
    // The tenant row itself.
    await queryRunner.query(`ALTER TABLE "tenants" ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE "tenants" FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY tenant_isolation ON "tenants" USING (id = ${CURRENT_TENANT}) WITH CHECK (id = ${CURRENT_TENANT})`);

    // Credential look-ups that happen before the tenant is known: only the exact row the setting names is visible.
    await queryRunner.query(`CREATE POLICY login_lookup ON "users" FOR SELECT USING (email = NULLIF(current_setting('app.login_email', true), ''))`);
    await queryRunner.query(`CREATE POLICY login_lookup ON "contacts" FOR SELECT USING (email = NULLIF(current_setting('app.login_email', true), ''))`);
    await queryRunner.query(`CREATE POLICY key_lookup ON "api_keys" FOR SELECT USING (prefix = NULLIF(current_setting('app.api_key_prefix', true), ''))`);
    // The worker's outbox relay reads and marks every tenant's messages; the payloads are delivered per tenant.
    await queryRunner.query(
      `CREATE POLICY outbox_relay ON "outbox" USING (current_setting('app.outbox_relay', true) = 'on') WITH CHECK (current_setting('app.outbox_relay', true) = 'on')`,
    );

    // Search: trigram index on the denormalised search text (pg_trgm is a trusted extension since PostgreSQL 13).
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE INDEX "IDX_cases_search_trgm" ON "cases" USING gin ("search_text" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "IDX_clients_name_trgm" ON "clients" USING gin (lower("name") gin_trgm_ops)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "IDX_clients_name_trgm"`);
    await queryRunner.query(`DROP INDEX IF EXISTS "IDX_cases_search_trgm"`);
    await queryRunner.query(`DROP POLICY IF EXISTS outbox_relay ON "outbox"`);
    await queryRunner.query(`DROP POLICY IF EXISTS key_lookup ON "api_keys"`);
    await queryRunner.query(`DROP POLICY IF EXISTS login_lookup ON "contacts"`);
    await queryRunner.query(`DROP POLICY IF EXISTS login_lookup ON "users"`);
    for (const table of [...TENANT_TABLES, 'tenants']) {
      for (const policy of ['tenant_isolation', 'tenant_read', 'tenant_append']) {
        await queryRunner.query(`DROP POLICY IF EXISTS ${policy} ON "${table}"`);
      }
      await queryRunner.query(`ALTER TABLE "${table}" NO FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`);
    }
  }
}
