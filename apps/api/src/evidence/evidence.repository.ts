import { Injectable } from '@nestjs/common';
import { sql, TenantDb, type TenantTransaction } from '@poa/db';
import { CASE_EVIDENCE_SQL, type EvidenceItemRow } from '../common/case-evidence';

/** A case's evidence checklist (`case_evidence`) and the files that provide its items. */
@Injectable()
export class EvidenceRepository {
  constructor(private readonly db: TenantDb) {}

  list(caseId: string): Promise<EvidenceItemRow[]> {
    return this.db.read<EvidenceItemRow>(sql.prepared(CASE_EVIDENCE_SQL, [caseId]));
  }

  listIn(tx: TenantTransaction, caseId: string): Promise<EvidenceItemRow[]> {
    return tx.query<EvidenceItemRow>(CASE_EVIDENCE_SQL, [caseId]);
  }

  async item(caseId: string, key: string): Promise<{ kind: string; ask_client: boolean; label: string } | undefined> {
    const [row] = await this.db.read<{ kind: string; ask_client: boolean; label: string }>(
      sql`SELECT kind, ask_client, label FROM case_evidence WHERE case_id = ${caseId}::uuid AND key = ${key}`,
    );
    return row;
  }

  async lockItem(tx: TenantTransaction, caseId: string, key: string): Promise<{ kind: string; label: string } | undefined> {
    const [row] = await tx.query<{ kind: string; label: string }>(
      `SELECT kind, label FROM case_evidence WHERE case_id = $1 AND key = $2 FOR UPDATE`,
      [caseId, key],
    );
    return row;
  }

  async setWaived(tx: TenantTransaction, caseId: string, key: string, reason: string | null): Promise<void> {
    await tx.query(
      `UPDATE case_evidence SET waived_reason = $3, waived_at = CASE WHEN $3::text IS NULL THEN NULL ELSE now() END, updated_at = now()
       WHERE case_id = $1 AND key = $2`,
      [caseId, key, reason],
    );
  }

  async setDetails(tx: TenantTransaction, caseId: string, key: string, details: Record<string, unknown>): Promise<void> {
    await tx.query(`UPDATE case_evidence SET details = $3, updated_at = now() WHERE case_id = $1 AND key = $2`, [
      caseId,
      key,
      JSON.stringify(details),
    ]);
  }
}
