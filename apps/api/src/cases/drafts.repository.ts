import { Injectable } from '@nestjs/common';
import { columnsOf, DraftVersion, sql, TenantDb, type TenantTransaction } from '@poa/db';
import type { DraftSections } from '@poa/domain';
import type { CaseIssue } from './case-issues';

const SUMMARY = columnsOf(DraftVersion, [
  'id',
  'version',
  'round',
  'contentSha256',
  'authorType',
  'authorId',
  'authorName',
  'name',
  'createdAt',
  'updatedAt',
]);
const DRAFT = columnsOf(DraftVersion, [
  'id',
  'version',
  'round',
  'sections',
  'contentSha256',
  'authorType',
  'authorId',
  'authorName',
  'name',
  'createdAt',
  'updatedAt',
]);
/** What decides whether a save continues the latest version's editing session. */
const SESSION = columnsOf(DraftVersion, ['id', 'round', 'sessionId', 'authorType', 'authorId', 'updatedAt']);

export type DraftSummaryRow = typeof SUMMARY.$row;
export type DraftRow = typeof DRAFT.$row & { sections: DraftSections };
/**
 * A version with whether an approval locks it and what its checks and its Seller Central fields need: the case's ASINs
 * and violation type, the file names of the case's attachments and the agency's field limits.
 */
export type DraftDetailRow = DraftRow & {
  locked: boolean;
  case_asins: string[];
  case_violation_type: string;
  case_issues: CaseIssue[];
  file_names: Record<string, string> | null;
  submission_settings: { limits?: Record<string, unknown> } | null;
};

const DRAFT_SELECT = `
  SELECT ${DRAFT.as('dv')},
         EXISTS (SELECT 1 FROM approvals a WHERE a.draft_version_id = dv.id) AS locked,
         c.asins AS case_asins, c.violation_type AS case_violation_type, c.issues AS case_issues,
         (SELECT json_object_agg(at.id, at.file_name) FROM attachments at WHERE at.case_id = c.id) AS file_names,
         (SELECT t.submission_settings FROM tenants t WHERE t.id = c.tenant_id) AS submission_settings
  FROM draft_versions dv JOIN cases c ON c.id = dv.case_id`;

export interface NewDraft {
  caseId: string;
  version: number;
  round: number;
  sections: string;
  contentSha256: string;
  authorType: string;
  authorId: string | null;
  authorName: string;
  sessionId: string | null;
  name: string | null;
}

export type SessionRow = typeof SESSION.$row;

@Injectable()
export class DraftsRepository {
  constructor(private readonly db: TenantDb) {}

  /** Which of the ids are attachments of the case. */
  async attachmentIds(tx: TenantTransaction, caseId: string, ids: string[]): Promise<Set<string>> {
    const found = await tx.query<{ id: string }>(`SELECT id FROM attachments WHERE case_id = $1 AND id = ANY($2::uuid[])`, [caseId, ids]);
    return new Set(found.map((f) => f.id));
  }

  /** Inserts the version (`sections` as canonical JSON) and makes it the case's latest. */
  async insert(tx: TenantTransaction, d: NewDraft): Promise<DraftRow> {
    const [row] = await tx.query<DraftRow>(
      `INSERT INTO draft_versions (tenant_id, case_id, version, round, sections, content_sha256, author_type, author_id, author_name, session_id, name)
         VALUES (current_setting('app.tenant_id')::uuid, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         RETURNING ${DRAFT.columns}`,
      [d.caseId, d.version, d.round, d.sections, d.contentSha256, d.authorType, d.authorId, d.authorName, d.sessionId, d.name],
    );
    await tx.query(`UPDATE cases SET latest_version = $2, updated_at = now() WHERE id = $1`, [d.caseId, d.version]);
    return row;
  }

  /**
   * The latest version's session, unless a workflow move happened since its last save (a version that went to review
   * or to the client is never rewritten). Runs after the case row lock.
   */
  async openSession(tx: TenantTransaction, caseId: string, version: number): Promise<SessionRow | undefined> {
    const [row] = await tx.query<SessionRow>(
      `SELECT ${SESSION.as('dv')} FROM draft_versions dv
       WHERE dv.case_id = $1 AND dv.version = $2 AND dv.session_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM approvals a WHERE a.draft_version_id = dv.id)
         AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = dv.case_id AND e.type = 'case.transitioned' AND e.created_at >= dv.updated_at)`,
      [caseId, version],
    );
    return row;
  }

  /** Replaces the content of a version within its editing session; `name` undefined keeps the name. */
  async replace(
    tx: TenantTransaction,
    id: string,
    d: Pick<NewDraft, 'caseId' | 'sections' | 'contentSha256' | 'sessionId' | 'name'>,
  ): Promise<DraftRow> {
    const [row] = await tx.query<DraftRow>(
      `UPDATE draft_versions SET sections = $2, content_sha256 = $3, session_id = $4, name = COALESCE($5, name), updated_at = now()
       WHERE id = $1 RETURNING ${DRAFT.columns}`,
      [id, d.sections, d.contentSha256, d.sessionId, d.name],
    );
    await tx.query(`UPDATE cases SET updated_at = now() WHERE id = $1`, [d.caseId]);
    return row;
  }

  async list(caseId: string): Promise<DraftSummaryRow[]> {
    return this.db.read<DraftSummaryRow>(sql`
      SELECT ${sql.raw(SUMMARY.columns)}
      FROM draft_versions WHERE case_id = ${caseId}::uuid ORDER BY version`);
  }

  async get(caseId: string, version: number): Promise<DraftDetailRow | undefined> {
    const [row] = await this.db.read<DraftDetailRow>(
      sql`${sql.raw(DRAFT_SELECT)} WHERE dv.case_id = ${caseId}::uuid AND dv.version = ${version}`,
    );
    return row;
  }

  /** The version as `get` gives it, inside a transaction (after an insert). */
  async getIn(tx: TenantTransaction, caseId: string, version: number): Promise<DraftDetailRow | undefined> {
    const [row] = await tx.query<DraftDetailRow>(`${DRAFT_SELECT} WHERE dv.case_id = $1 AND dv.version = $2`, [caseId, version]);
    return row;
  }

  /** The two versions (one row when they are the same version). */
  async pair(caseId: string, version: number, against: number): Promise<DraftDetailRow[]> {
    return this.db.read<DraftDetailRow>(sql`
      ${sql.raw(DRAFT_SELECT)} WHERE dv.case_id = ${caseId}::uuid AND dv.version IN (${version}, ${against})`);
  }
}
