import { Injectable } from '@nestjs/common';
import { TenantContext, TenantDb, type TenantTransaction } from '@poa/db';
import {
  buildSubmission,
  canonicalDraftJson,
  diffDrafts,
  groupByIssue,
  type CaseStatus,
  type Finding,
  type SubmissionPack,
} from '@poa/domain';
import { limitsOf } from '../settings/submission-settings.service';
import { emitWebhookEvent } from '@poa/jobs';
import { iso } from '../common/pagination';
import { AppError } from '../core/errors';
import { CaseCheckerService } from './case-checker.service';
import { CaseEventsService } from './case-events.service';
import { CasesService } from './cases.service';
import { DraftsRepository, type DraftDetailRow, type DraftSummaryRow } from './drafts.repository';
import type { CreateDraftInput, RestoreDraftInput } from './drafts.schemas';
import { sha256Hex } from '../common/hash';

/** States in which a new version may be saved. Approval locks the approved version; more work needs a new round. */
const EDITABLE: readonly CaseStatus[] = ['intake', 'drafting'];

const summaryView = (r: DraftSummaryRow) => ({
  id: r.id,
  version: r.version,
  round: r.round,
  contentSha256: r.content_sha256,
  author: { type: r.author_type, id: r.author_id, name: r.author_name },
  name: r.name,
  createdAt: iso(r.created_at)!,
  updatedAt: iso(r.updated_at)!,
});

/** A finding as draft answers carried it before `itemIndex` and `excerpt` (`index`, `issueId` absent when not applicable). */
const checkView = ({ issueId, ...f }: Finding) => ({
  ...f,
  ...(f.itemIndex === null ? {} : { index: f.itemIndex }),
  ...(issueId === null ? {} : { issueId }),
});

function draftView(r: DraftDetailRow, findings: Finding[]) {
  return { ...summaryView(r), ...r.sections, locked: r.locked, checks: findings.map(checkView) };
}

/** The version laid out as Seller Central's appeal form takes it. */
export function submissionView(r: DraftDetailRow): SubmissionPack {
  return buildSubmission(r.sections, {
    asins: r.case_asins,
    fileNames: r.file_names ?? {},
    limits: limitsOf(r.submission_settings),
    groupOf: groupByIssue(r.case_issues),
  });
}

@Injectable()
export class DraftsService {
  constructor(
    private readonly db: TenantDb,
    private readonly drafts: DraftsRepository,
    private readonly cases: CasesService,
    private readonly events: CaseEventsService,
    private readonly checker: CaseCheckerService,
  ) {}

  private async viewIn(tx: TenantTransaction, caseId: string, row: DraftDetailRow) {
    return draftView(row, await this.checker.findingsIn(tx, caseId, row.sections));
  }

  /** The checker's findings on a version, with the case's facts and the agency's severities. */
  async findings(caseId: string, version: number) {
    const row = await this.row(caseId, version);
    return { data: await this.db.transaction((tx) => this.checker.findingsIn(tx, caseId, row.sections)) };
  }

  /**
   * Saves the draft; the case row lock makes "is baseVersion still the latest?" and the write one step. Within one
   * editing session (same session id, author and round, no workflow move since) the latest version's content is
   * replaced: autosave makes one version per session, not one per pause.
   */
  async create(caseId: string, input: CreateDraftInput) {
    const { baseVersion, sessionId, name, endSession, ...sections } = input;
    const actor = TenantContext.require().actor;
    return this.db.transaction(async (tx) => {
      const locked = await this.cases.lock(tx, caseId);
      if (!EDITABLE.includes(locked.status)) {
        throw new AppError(
          'CONFLICT',
          `A new version can only be saved while the case is in ${EDITABLE.join(' or ')} (it is ${locked.status})`,
          { status: locked.status },
        );
      }
      if (baseVersion !== locked.latest_version) {
        throw new AppError(
          'VERSION_CONFLICT',
          `Version ${locked.latest_version} was saved after version ${baseVersion}: reload and merge`,
          { latestVersion: locked.latest_version },
        );
      }
      const issueIds = new Set(locked.issues.map((issue) => issue.id));
      const unknownIssues = (['rootCauses', 'correctiveActions'] as const).flatMap((section) =>
        sections[section].flatMap((item, i) =>
          item.issueId && !issueIds.has(item.issueId) ? [{ field: `${section}.${i}.issueId`, message: 'not an issue of this case' }] : [],
        ),
      );
      if (unknownIssues.length > 0) throw AppError.validation(unknownIssues);
      const attachmentIds = [...new Set(sections.supportingDocuments.map((d) => d.attachmentId))];
      if (attachmentIds.length > 0) {
        const known = await this.drafts.attachmentIds(tx, caseId, attachmentIds);
        const problems = sections.supportingDocuments
          .map((d, i) => ({ d, i }))
          .filter(({ d }) => !known.has(d.attachmentId))
          .map(({ i }) => ({ field: `supportingDocuments.${i}.attachmentId`, message: 'not an attachment of this case' }));
        if (problems.length > 0) throw AppError.validation(problems);
      }
      const canonical = canonicalDraftJson(sections);
      const content = {
        caseId,
        sections: canonical,
        contentSha256: sha256Hex(canonical),
        sessionId: endSession ? null : (sessionId ?? null),
      };
      const open = sessionId ? await this.drafts.openSession(tx, caseId, locked.latest_version) : undefined;
      if (
        open &&
        open.session_id === sessionId &&
        open.author_type === actor.kind &&
        open.author_id === actor.id &&
        open.round === locked.round
      ) {
        const row = await this.drafts.replace(tx, open.id, { ...content, name: name ?? null });
        return this.viewIn(tx, caseId, (await this.drafts.getIn(tx, caseId, row.version))!);
      }
      const version = locked.latest_version + 1;
      const row = await this.drafts.insert(tx, {
        ...content,
        version,
        round: locked.round,
        authorType: actor.kind,
        authorId: actor.id,
        authorName: actor.name,
        name: name ?? null,
      });
      await this.events.record(tx, caseId, 'draft.version_created', { version, round: locked.round, draftVersionId: row.id });
      await emitWebhookEvent(tx, 'draft.created', caseId, { draft: { id: row.id, version, round: locked.round } });
      const saved = await this.drafts.getIn(tx, caseId, row.version);
      return this.viewIn(tx, caseId, saved!);
    });
  }

  /** Saves an earlier version's content as the next version; the earlier one stays as it was. */
  async restore(caseId: string, version: number, input: RestoreDraftInput) {
    const row = await this.drafts.get(caseId, version);
    if (!row) {
      await this.cases.assertExists(caseId);
      throw AppError.notFound('Draft version');
    }
    return this.create(caseId, {
      ...row.sections,
      baseVersion: input.baseVersion,
      name: input.name ?? `Restored from version ${version}`,
      endSession: true,
    });
  }

  async list(caseId: string) {
    await this.cases.assertExists(caseId);
    const rows = await this.drafts.list(caseId);
    return { data: rows.map(summaryView) };
  }

  async get(caseId: string, version: number) {
    const row = await this.row(caseId, version);
    return this.db.transaction((tx) => this.viewIn(tx, caseId, row));
  }

  /** The version's Seller Central fields and the attachments they cite. */
  async submission(caseId: string, version: number): Promise<SubmissionPack> {
    return submissionView(await this.row(caseId, version));
  }

  private async row(caseId: string, version: number): Promise<DraftDetailRow> {
    const row = await this.drafts.get(caseId, version);
    if (!row) {
      await this.cases.assertExists(caseId);
      throw AppError.notFound('Draft version');
    }
    return row;
  }

  /** What changed from `against` to `version`, section by section. */
  async diff(caseId: string, version: number, against: number) {
    const rows = await this.drafts.pair(caseId, version, against);
    const to = rows.find((r) => r.version === version);
    const from = rows.find((r) => r.version === against);
    if (!to || !from) {
      await this.cases.assertExists(caseId);
      throw AppError.notFound(`Draft version ${!to ? version : against}`);
    }
    return { from: against, to: version, ...diffDrafts(from.sections, to.sections) };
  }
}
