import { Injectable } from '@nestjs/common';
import { sql, TenantDb } from '@poa/db';
import type { DraftSections } from '@poa/domain';
import { decidedCasesSql } from '../reports/reports.repository';

/** A plan that won: the version a reinstated case submitted last, with what identifies its seller. */
export interface WinningPlanRow {
  submission_id: string;
  reference: string;
  violation_type: string;
  decided_at: Date;
  rounds: number;
  sections: DraftSections;
  asins: string[];
  order_ids: string[] | null;
  client_name: string;
  seller_id: string | null;
  contact_names: string[] | null;
}

const MAX_EXAMPLES = 50;

@Injectable()
export class LibraryRepository {
  constructor(private readonly db: TenantDb) {}

  /** Newest decision first; one id: that example alone. */
  async winningPlans(filter: { violationType?: string; submissionId?: string }): Promise<WinningPlanRow[]> {
    return this.db.read<WinningPlanRow>(sql`
      SELECT s.id AS submission_id, c.reference, c.violation_type, d.outcome_at AS decided_at, v.sections, c.asins,
             (SELECT count(*) FROM submissions s2 WHERE s2.case_id = c.id AND s2.submitted_at <= d.outcome_at)::int AS rounds,
             (SELECT array_agg(DISTINCT o) FROM jsonb_array_elements(c.issues) i, jsonb_array_elements_text(i->'orderIds') o) AS order_ids,
             cl.name AS client_name, cl.seller_id,
             (SELECT array_agg(ct.name) FROM contacts ct WHERE ct.client_id = c.client_id) AS contact_names
      FROM (${sql.raw(decidedCasesSql({ from: null, to: null }))}) d
      JOIN cases c ON c.id = d.case_id
      JOIN clients cl ON cl.id = c.client_id
      JOIN LATERAL (
        SELECT s.id, s.draft_version_id FROM submissions s
        WHERE s.case_id = c.id AND s.submitted_at <= d.outcome_at ORDER BY s.submitted_at DESC, s.id DESC LIMIT 1
      ) s ON true
      JOIN draft_versions v ON v.id = s.draft_version_id
      WHERE d.outcome = 'reinstated'
        AND (${filter.violationType ?? null}::text IS NULL OR c.violation_type = ${filter.violationType ?? null}::text)
        AND (${filter.submissionId ?? null}::uuid IS NULL OR s.id = ${filter.submissionId ?? null}::uuid)
      ORDER BY d.outcome_at DESC, s.id
      LIMIT ${MAX_EXAMPLES}`);
  }
}
