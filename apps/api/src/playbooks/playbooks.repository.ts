import { Injectable } from '@nestjs/common';
import { columnsOf, PlaybookRow, sql, TenantDb, type TenantTransaction } from '@poa/db';
import type { DraftSections, Playbook, PlaybookEvidenceItem } from '@poa/domain';

const PLAYBOOK = columnsOf(PlaybookRow, ['violationType', 'starterDraft', 'evidence', 'deadlineHours', 'guidance', 'updatedAt']);
export type StoredPlaybookRow = Omit<typeof PLAYBOOK.$row, 'starter_draft' | 'evidence'> & {
  starter_draft: DraftSections;
  evidence: PlaybookEvidenceItem[];
};

/** The agency's own playbooks (one row per violation type it changed) and a new case's copy of one. */
@Injectable()
export class PlaybooksRepository {
  constructor(private readonly db: TenantDb) {}

  list(): Promise<StoredPlaybookRow[]> {
    return this.db.read<StoredPlaybookRow>(sql`SELECT ${sql.raw(PLAYBOOK.columns)} FROM playbooks`);
  }

  async get(violationType: string): Promise<StoredPlaybookRow | undefined> {
    const [row] = await this.db.read<StoredPlaybookRow>(
      sql`SELECT ${sql.raw(PLAYBOOK.columns)} FROM playbooks WHERE violation_type = ${violationType}`,
    );
    return row;
  }

  async getIn(tx: TenantTransaction, violationType: string): Promise<StoredPlaybookRow | undefined> {
    const [row] = await tx.query<StoredPlaybookRow>(`SELECT ${PLAYBOOK.columns} FROM playbooks WHERE violation_type = $1`, [violationType]);
    return row;
  }

  async upsert(tx: TenantTransaction, violationType: string, playbook: Playbook, userId: string | null): Promise<StoredPlaybookRow> {
    const [row] = await tx.query<StoredPlaybookRow>(
      `INSERT INTO playbooks (tenant_id, violation_type, starter_draft, evidence, deadline_hours, guidance, updated_by_id)
         VALUES (current_setting('app.tenant_id')::uuid, $1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant_id, violation_type) DO UPDATE SET starter_draft = EXCLUDED.starter_draft, evidence = EXCLUDED.evidence,
         deadline_hours = EXCLUDED.deadline_hours, guidance = EXCLUDED.guidance, updated_by_id = EXCLUDED.updated_by_id, updated_at = now()
       RETURNING ${PLAYBOOK.columns}`,
      [
        violationType,
        JSON.stringify(playbook.starterDraft),
        JSON.stringify(playbook.evidence),
        playbook.deadlineHours,
        playbook.guidance,
        userId,
      ],
    );
    return row;
  }

  async remove(tx: TenantTransaction, violationType: string): Promise<void> {
    await tx.query(`DELETE FROM playbooks WHERE violation_type = $1`, [violationType]);
  }

  /** Copies the playbook onto a new case: its starter draft, and its evidence items in order. */
  async copyToCase(tx: TenantTransaction, caseId: string, starterDraft: DraftSections, evidence: PlaybookEvidenceItem[]): Promise<void> {
    await tx.query(`UPDATE cases SET starter_draft = $2 WHERE id = $1`, [caseId, JSON.stringify(starterDraft)]);
    if (evidence.length === 0) return;
    await tx.query(
      `INSERT INTO case_evidence (tenant_id, case_id, key, position, label, proves, required, ask_client, accepts, kind)
       SELECT current_setting('app.tenant_id')::uuid, $1, e.key, e.position, e.label, e.proves, e.required, e.ask_client,
              ARRAY(SELECT jsonb_array_elements_text(e.accepts)), e.kind
       FROM jsonb_to_recordset($2::jsonb)
         AS e(key text, position int, label text, proves text, required boolean, ask_client boolean, accepts jsonb, kind text)`,
      [
        caseId,
        JSON.stringify(
          evidence.map((item, position) => ({
            key: item.key,
            position,
            label: item.label,
            proves: item.proves,
            required: item.required,
            ask_client: item.askClient,
            accepts: item.accepts,
            kind: item.kind,
          })),
        ),
      ],
    );
  }
}
