import { Injectable } from '@nestjs/common';
import { TenantDb } from '@poa/db';
import { iso } from '../common/pagination';
import { AppError } from '../core/errors';
import { CasesService } from '../cases/cases.service';
import { DraftsService } from '../cases/drafts.service';
import { addCaseTemplateTexts } from '../cases/template-texts';
import { anonymiseSections, sentencesOf } from './anonymise';
import { LibraryRepository, type WinningPlanRow } from './library.repository';
import type { Example, FromExampleInput } from './library.schemas';

function exampleView(row: WinningPlanRow): Example {
  const sections = anonymiseSections(
    row.sections,
    { names: [row.client_name], sellerIds: row.seller_id ? [row.seller_id] : [], asins: row.asins, orderIds: row.order_ids ?? [] },
    row.contact_names ?? [],
  );
  return {
    id: row.submission_id,
    caseReference: row.reference,
    violationType: row.violation_type,
    decidedAt: iso(row.decided_at)!,
    rounds: Math.max(row.rounds, 1),
    sections: {
      summary: sections.summary,
      rootCauses: sections.rootCauses.map(({ text }) => ({ text })),
      correctiveActions: sections.correctiveActions.map(({ text, completedAt }) => ({ text, completedAt })),
      preventiveMeasures: sections.preventiveMeasures.map(({ text, owner, startDate, frequency }) => ({
        text,
        owner,
        startDate,
        frequency,
      })),
      supportingDocuments: sections.supportingDocuments.map(({ description }) => ({ description })),
    },
  };
}

/** The agency's own plans that won, anonymised, offered as examples beside the editor. */
@Injectable()
export class LibraryService {
  constructor(
    private readonly db: TenantDb,
    private readonly library: LibraryRepository,
    private readonly cases: CasesService,
    private readonly drafts: DraftsService,
  ) {}

  async list(violationType: string | undefined) {
    return { data: (await this.library.winningPlans({ violationType })).map(exampleView) };
  }

  /**
   * Saves the example as the case's next version: its texts (placeholders included) without the dates, issue links
   * and documents of the case it won, which the writer gives anew. Its sentences become the case's template texts,
   * flagged by the checker until edited.
   */
  async startDraft(caseId: string, input: FromExampleInput) {
    const [row] = await this.library.winningPlans({ submissionId: input.exampleId });
    if (!row) {
      await this.cases.assertExists(caseId);
      throw AppError.notFound('Example');
    }
    const example = exampleView(row).sections;
    const baseVersion = input.baseVersion ?? (await this.drafts.list(caseId)).data.reduce((max, v) => Math.max(max, v.version), 0);
    const draft = await this.drafts.create(caseId, {
      baseVersion,
      summary: example.summary,
      rootCauses: example.rootCauses.map(({ text }) => ({ text })),
      correctiveActions: example.correctiveActions.map(({ text }) => ({ text, completedAt: null })),
      preventiveMeasures: example.preventiveMeasures.map(({ text, owner, frequency }) => ({ text, owner, startDate: null, frequency })),
      supportingDocuments: [],
      name: `Started from the example of ${row.reference}`,
      endSession: true,
    });
    const sentences = sentencesOf({
      ...example,
      correctiveActions: example.correctiveActions.map(({ text }) => ({ text, completedAt: null })),
      supportingDocuments: [],
    });
    await this.db.transaction((tx) => addCaseTemplateTexts(tx, caseId, sentences));
    return draft;
  }
}
