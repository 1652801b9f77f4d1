import { Injectable } from '@nestjs/common';
import { columnsOf, sql, Submission, TenantDb, type TenantTransaction } from '@poa/db';
import type { SubmissionChannel, SubmissionField } from '@poa/domain';
import type { DraftSections } from '@poa/domain';

const SUBMISSION = columnsOf(Submission, [
  'id',
  'round',
  'version',
  'draftVersionId',
  'sha256',
  'channel',
  'submittedAt',
  'submittedByType',
  'submittedById',
  'submittedByName',
  'fields',
]);
export type SubmissionRow = typeof SUBMISSION.$row & { fields: SubmissionField[] };

export interface NewSubmission {
  caseId: string;
  round: number;
  draftVersionId: string;
  version: number;
  sha256: string;
  channel: SubmissionChannel;
  submittedBy: { type: string; id: string | null; name: string };
  fields: SubmissionField[];
}

/** The approved version being submitted, with what its Seller Central fields need. */
export interface SubmittedVersionRow {
  id: string;
  version: number;
  content_sha256: string;
  sections: DraftSections;
  file_names: Record<string, string> | null;
  submission_settings: { limits?: Record<string, unknown> } | null;
}

/** What was sent to Amazon, one row per submission; rows are never changed. */
@Injectable()
export class SubmissionsRepository {
  constructor(private readonly db: TenantDb) {}

  async approvedVersion(tx: TenantTransaction, caseId: string): Promise<SubmittedVersionRow | undefined> {
    const [row] = await tx.query<SubmittedVersionRow>(
      `SELECT v.id, v.version, v.content_sha256, v.sections,
              (SELECT json_object_agg(at.id, at.file_name) FROM attachments at WHERE at.case_id = c.id) AS file_names,
              (SELECT t.submission_settings FROM tenants t WHERE t.id = c.tenant_id) AS submission_settings
       FROM cases c JOIN draft_versions v ON v.id = c.approved_version_id WHERE c.id = $1`,
      [caseId],
    );
    return row;
  }

  async insert(tx: TenantTransaction, s: NewSubmission): Promise<SubmissionRow> {
    const [row] = await tx.query<SubmissionRow>(
      `INSERT INTO submissions (tenant_id, case_id, round, draft_version_id, version, sha256, channel, submitted_at,
                                submitted_by_type, submitted_by_id, submitted_by_name, fields)
       VALUES (current_setting('app.tenant_id')::uuid, $1, $2, $3, $4, $5, $6, clock_timestamp(), $7, $8, $9, $10)
       RETURNING ${SUBMISSION.columns}`,
      [
        s.caseId,
        s.round,
        s.draftVersionId,
        s.version,
        s.sha256,
        s.channel,
        s.submittedBy.type,
        s.submittedBy.id,
        s.submittedBy.name,
        JSON.stringify(s.fields),
      ],
    );
    return row;
  }

  /** Newest first. */
  async list(caseId: string): Promise<SubmissionRow[]> {
    return this.db.read<SubmissionRow>(sql`
      SELECT ${sql.raw(SUBMISSION.columns)} FROM submissions
      WHERE case_id = ${caseId}::uuid ORDER BY submitted_at DESC, id DESC`);
  }
}
