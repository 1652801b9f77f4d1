import { Injectable } from '@nestjs/common';
import type { TenantTransaction } from '@poa/db';
import { check, comparableSentences, type DraftSections, type Finding } from '@poa/domain';
import { CheckerSettingsService } from '../settings/checker-settings.service';
import { loadCaseFacts, sentencesElsewhere } from './case-facts';

/** The POA checker run on a case's draft with everything known of the case and the agency's severities. */
@Injectable()
export class CaseCheckerService {
  constructor(private readonly settings: CheckerSettingsService) {}

  async findingsIn(tx: TenantTransaction, caseId: string, sections: DraftSections): Promise<Finding[]> {
    const facts = (await loadCaseFacts(tx, caseId)) ?? {};
    const settings = await this.settings.settingsIn(tx);
    const elsewhere = await sentencesElsewhere(tx, caseId, comparableSentences(sections));
    return check(sections, { ...facts, sentencesElsewhere: elsewhere }, settings);
  }
}
