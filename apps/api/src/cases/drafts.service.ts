import { Injectable } from '@nestjs/common';
import { sql, TenantContext, TenantDb } from '@poa/db';
import { canonicalDraftJson, checkDraft, diffDrafts, isViolationType, type CaseStatus, type DraftSections } from '@poa/domain';
import { emitWebhookEvent } from '@poa/jobs';
import { iso } from '../common/pagination';
import { AppError } from '../core/errors';
import { CaseEventsService } from './case-events.service';
import { CasesService } from './cases.service';
import type { CreateDraftInput } from './drafts.schemas';
import { sha256Hex } from '../common/hash';

/** States in which a new version may be saved. Approval locks the approved version; more work needs a new round. */
const EDITABLE: readonly CaseStatus[] = ['intake', 'drafting'];

interface DraftRow {
  id: string;
  version: number;
  round: number;
  sections: DraftSections;
  content_sha256: string;
  author_type: string;
  author_id: string | null;
  author_name: string;
  created_at: Date;
  locked: boolean;
  case_asins: string[];
  case_violation_type: string;
}


const summaryView = (r: Pick<DraftRow, 'id' | 'version' | 'round' | 'content_sha256' | 'author_type' | 'author_id' | 'author_name' | 'created_at'>) => ({
  id: r.id,
  version: r.version,
  round: r.round,
  contentSha256: r.content_sha256,
  author: { type: r.author_type, id: r.author_id, name: r.author_name },
  createdAt: iso(r.created_at)!,
});

function draftView(r: DraftRow) {
  const checks = checkDraft(r.sections, {
    asins: r.case_asins,
    violationType: isViolationType(r.case_violation_type) ? r.case_violation_type : null,
  });
  return { ...summaryView(r), ...r.sections, locked: r.locked, checks };
}

const DRAFT_SELECT = `
  SELECT dv.id, dv.version, dv.round, dv.sections, dv.content_sha256, dv.author_type, dv.author_id, dv.author_name, dv.created_at,
         EXISTS (SELECT 1 FROM approvals a WHERE a.draft_version_id = dv.id) AS locked,
         c.asins AS case_asins, c.violation_type AS case_violation_type
  FROM draft_versions dv JOIN cases c ON c.id = dv.case_id`;

@Injectable()
export class DraftsService {
  constructor(
    private readonly db: TenantDb,
    private readonly cases: CasesService,
    private readonly events: CaseEventsService,
  ) {}

  /** Saves the next immutable version; the case row lock makes "is baseVersion still the latest?" and the insert one step. */
  async create(caseId: string, input: CreateDraftInput) {
    const { baseVersion, ...sections } = input;
    const actor = TenantContext.require().actor;
    return this.db.transaction(async (tx) => {
      const locked = await CasesService.lock(tx, caseId);
      if (!EDITABLE.includes(locked.status)) {
        throw new AppError('CONFLICT', `A new version can only be saved while the case is in ${EDITABLE.join(' or ')} (it is ${locked.status})`, { status: locked.status });
      }
      if (baseVersion !== locked.latest_version) {
        throw new AppError('VERSION_CONFLICT', `Version ${locked.latest_version} was saved after version ${baseVersion}: reload and merge`, { latestVersion: locked.latest_version });
      }
      const attachmentIds = [...new Set(sections.supportingDocuments.map((d) => d.attachmentId))];
      if (attachmentIds.length > 0) {
        const found = await tx.query<{ id: string }>(`SELECT id FROM attachments WHERE case_id = $1 AND id = ANY($2::uuid[])`, [caseId, attachmentIds]);
        const known = new Set(found.map((f) => f.id));
        const problems = sections.supportingDocuments
          .map((d, i) => ({ d, i }))
          .filter(({ d }) => !known.has(d.attachmentId))
          .map(({ i }) => ({ field: `supportingDocuments.${i}.attachmentId`, message: 'not an attachment of this case' }));
        if (problems.length > 0) throw AppError.validation(problems);
      }
      const version = locked.latest_version + 1;
      const canonical = canonicalDraftJson(sections);
      const [row] = await tx.query<DraftRow>(
        `INSERT INTO draft_versions (tenant_id, case_id, version, round, sections, content_sha256, author_type, author_id, author_name)
         VALUES (current_setting('app.tenant_id')::uuid, $1, $2, $3, $4, $5, $6, $7, $8)
         RETURNING id, version, round, sections, content_sha256, author_type, author_id, author_name, created_at`,
        [caseId, version, locked.round, canonical, sha256Hex(canonical), actor.kind, actor.id, actor.name],
      );
      await tx.query(`UPDATE cases SET latest_version = $2, updated_at = now() WHERE id = $1`, [caseId, version]);
      await this.events.record(tx, caseId, 'draft.version_created', { version, round: locked.round, draftVersionId: row.id });
      await emitWebhookEvent(tx, 'draft.created', caseId, { draft: { id: row.id, version, round: locked.round } });
      return draftView({ ...row, locked: false, case_asins: locked.asins, case_violation_type: locked.violation_type });
    });
  }

  async list(caseId: string) {
    await this.cases.assertExists(caseId);
    const rows = await this.db.read<DraftRow>(sql`
      SELECT id, version, round, content_sha256, author_type, author_id, author_name, created_at
      FROM draft_versions WHERE case_id = ${caseId}::uuid ORDER BY version`);
    return { data: rows.map(summaryView) };
  }

  async get(caseId: string, version: number) {
    const [row] = await this.db.read<DraftRow>(sql`${sql.raw(DRAFT_SELECT)} WHERE dv.case_id = ${caseId}::uuid AND dv.version = ${version}`);
    if (!row) {
      await this.cases.assertExists(caseId);
      throw AppError.notFound('Draft version');
    }
    return draftView(row);
  }

  /** What changed from `against` to `version`, section by section. */
  async diff(caseId: string, version: number, against: number) {
    const rows = await this.db.read<DraftRow>(sql`
      ${sql.raw(DRAFT_SELECT)} WHERE dv.case_id = ${caseId}::uuid AND dv.version IN (${version}, ${against})`);
    const to = rows.find((r) => r.version === version);
    const from = rows.find((r) => r.version === against);
    if (!to || !from) {
      await this.cases.assertExists(caseId);
      throw AppError.notFound(`Draft version ${!to ? version : against}`);
    }
    return { from: against, to: version, ...diffDrafts(from.sections, to.sections) };
  }
}
