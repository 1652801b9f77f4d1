import { MigrationInterface, QueryRunner } from 'typeorm';

// Hand-written: policies and operator classes are not expressible in entities. Never edit once landed; add a new migration.

/**
 * Case search on an index under forced row-level security. A user's `search_text LIKE ...` cannot be an index
 * condition below the tenant policy (LIKE is not LEAKPROOF, and marking a wrapper LEAKPROOF needs a superuser, which
 * the migration role is not, here or on a managed PostgreSQL). Policy quals can: PostgreSQL applies restrictive
 * policies before permissive ones, so this restrictive policy's LIKE sits at the lowest security level and the
 * tenant policy's uuid equality is leakproof; both become the condition of one GIN index whose first column is
 * tenant_id. The pattern comes from the transaction-local setting app.case_search (TenantDb.read sets it, escaped by
 * containsPattern); unset, the pattern is '%' and every row passes, so no other statement changes meaning.
 */
export class CaseSearchUnderRls1795959412473 implements MigrationInterface {
  name = 'CaseSearchUnderRls1795959412473';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // btree_gin (uuid in a GIN index) is a trusted extension, like pg_trgm: the database owner may create it.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);
    await queryRunner.query(`CREATE INDEX "IDX_cases_tenant_search" ON "cases" USING gin ("tenant_id", "search_text" gin_trgm_ops)`);
    await queryRunner.query(`DROP INDEX IF EXISTS "IDX_cases_search_trgm"`);
    await queryRunner.query(
      `CREATE POLICY case_search ON "cases" AS RESTRICTIVE FOR SELECT USING ("search_text" LIKE COALESCE(NULLIF(current_setting('app.case_search', true), ''), '%'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY IF EXISTS case_search ON "cases"`);
    await queryRunner.query(`CREATE INDEX "IDX_cases_search_trgm" ON "cases" USING gin ("search_text" gin_trgm_ops)`);
    await queryRunner.query(`DROP INDEX IF EXISTS "IDX_cases_tenant_search"`);
  }
}
