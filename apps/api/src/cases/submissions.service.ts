import { Injectable } from '@nestjs/common';
import { TenantContext, type TenantTransaction } from '@poa/db';
import { buildSubmission, groupByIssue, type SubmissionChannel } from '@poa/domain';
import { iso } from '../common/pagination';
import { AppError } from '../core/errors';
import { limitsOf } from '../settings/submission-settings.service';
import { CaseEventsService } from './case-events.service';
import type { LockedCase } from './cases.repository';
import { CasesService } from './cases.service';
import { SubmissionsRepository, type SubmissionRow } from './submissions.repository';

const view = (r: SubmissionRow) => ({
  id: r.id,
  round: r.round,
  version: r.version,
  sha256: r.sha256,
  channel: r.channel,
  submittedAt: iso(r.submitted_at)!,
  submittedBy: { type: r.submitted_by_type, id: r.submitted_by_id, name: r.submitted_by_name },
  fields: r.fields,
});

/** What was sent to Amazon in each round, frozen when the case is marked submitted. */
@Injectable()
export class SubmissionsService {
  constructor(
    private readonly submissions: SubmissionsRepository,
    private readonly cases: CasesService,
    private readonly events: CaseEventsService,
  ) {}

  /** Runs in mark_submitted's transaction with the case row locked: the approved version, its fields as laid out now. */
  async record(tx: TenantTransaction, locked: LockedCase, channel: SubmissionChannel) {
    const actor = TenantContext.require().actor;
    const version = await this.submissions.approvedVersion(tx, locked.id);
    if (!version) throw new AppError('CONFLICT', 'The case has no approved version to submit');
    const { fields } = buildSubmission(version.sections, {
      asins: locked.asins,
      fileNames: version.file_names ?? {},
      limits: limitsOf(version.submission_settings),
      groupOf: groupByIssue(locked.issues),
    });
    const row = await this.submissions.insert(tx, {
      caseId: locked.id,
      round: locked.round,
      draftVersionId: version.id,
      version: version.version,
      sha256: version.content_sha256,
      channel,
      submittedBy: { type: actor.kind, id: actor.id, name: actor.name },
      fields,
    });
    await this.events.record(tx, locked.id, 'submission.recorded', {
      submissionId: row.id,
      round: row.round,
      version: row.version,
      channel,
      sha256: row.sha256,
    });
    return view(row);
  }

  async list(caseId: string) {
    await this.cases.assertExists(caseId);
    return { data: (await this.submissions.list(caseId)).map(view) };
  }
}
